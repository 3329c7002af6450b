package dev.kvkit.fake;

import java.time.Clock;

/**
 * The namespace's view of time: its clock, and how far the clock has gone since each write, so that
 * moving a clock back never revives an expired key. The clock only tells the time; the history of
 * its back moves is kept here, the one place the fake notices them.
 *
 * <p>A {@link TestClock} tells this timeline of every move back as it happens, including moves no
 * read observed. Any other clock is known only by the instants this timeline reads from it, and a
 * move back is noticed when a read meets an instant earlier than the last one.
 */
final class Timeline {

    private final Clock clock;
    /** Whether the clock tells of its back moves itself (a {@link TestClock}). */
    private final boolean toldOfBackMoves;
    /** Guarded by itself, as {@link #lastObservedMillis} is. */
    private final PeakHistory history = new PeakHistory();
    /** The history's mark, readable without the lock: reads of keys that expire ask on every call. */
    private volatile long backMoves;
    /** The latest instant read from a clock that does not tell of its moves. */
    private long lastObservedMillis;
    /** Held here so that the clock, which holds its listeners weakly, tells us for as long as we live. */
    private final TestClock.MoveBackListener listener = this::wentBackFrom;

    private Timeline(Clock clock) {
        this.clock = clock;
        this.toldOfBackMoves = clock instanceof TestClock;
        this.lastObservedMillis = clock.millis();
    }

    /** Returns the timeline of a namespace on {@code clock}, told of its back moves if it can tell them. */
    static Timeline on(Clock clock) {
        Timeline timeline = new Timeline(clock);
        if (clock instanceof TestClock test) {
            test.whenMovedBack(timeline.listener);
        }
        return timeline;
    }

    Clock clock() {
        return clock;
    }

    /** Reads the clock once: the instant of one operation. */
    Moment now() {
        long now = clock.millis();
        if (!toldOfBackMoves) {
            synchronized (history) {
                if (now < lastObservedMillis) {
                    wentBackFrom(lastObservedMillis);
                }
                lastObservedMillis = now;
            }
        }
        return new Moment(now, now, this);
    }

    /**
     * The instant of a view at another instant, such as {@link FakeKvNamespace#entriesAt}: a view at
     * a later instant assumes the clock gets there; one at an earlier instant still knows how far
     * the clock has already been.
     */
    Moment at(long instantMillis) {
        // Read even so: a clock that is not a TestClock is known only by what is read from it.
        long clockMillis = now().clockMillis();
        return new Moment(instantMillis, clockMillis, this);
    }

    /** Records that the clock went back from {@code fromMillis}: the one place a back move is noted. */
    private void wentBackFrom(long fromMillis) {
        synchronized (history) {
            history.wentBackFrom(fromMillis);
            backMoves = history.mark();
        }
    }

    /** Returns the mark a write records: where the clock's history stands. */
    long mark() {
        return backMoves;
    }

    /**
     * Returns the latest instant the clock has reached since {@code mark}, at least {@code nowMillis}.
     * {@code clockMillis} is what the clock read at the start of the operation asking.
     */
    long latestSince(long mark, long nowMillis, long clockMillis) {
        if (toldOfBackMoves) {
            // The clock was read before the mark is: a TestClock tells of a back move before it
            // shows the earlier instant, so a reading after a back move is seen with its mark.
            if (backMoves == mark) {
                // Not moved back since the mark, so the clock has only gone forward: the reading is
                // the latest, and asking the clock again on every record of a page would cost.
                return Math.max(nowMillis, clockMillis);
            }
            synchronized (history) {
                return Math.max(nowMillis, history.latestSince(mark, clock.millis()));
            }
        }
        synchronized (history) {
            return Math.max(nowMillis, history.latestSince(mark, lastObservedMillis));
        }
    }

    /** Adds two times in milliseconds, saturating at {@code Long.MAX_VALUE} instead of wrapping. */
    static long later(long millis, long more) {
        long sum = millis + more;
        return ((millis ^ sum) & (more ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    /** Converts seconds to milliseconds, saturating at {@code Long.MAX_VALUE}. */
    static long millis(long seconds) {
        return seconds > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : seconds * 1000;
    }

    /**
     * The instant of one operation (or of a view at another instant), on this timeline, and what the
     * clock read when the operation started: the same instant, unless the view is at another one.
     */
    record Moment(long nowMillis, long clockMillis, Timeline timeline) {

        long nowSeconds() {
            return Math.floorDiv(nowMillis, 1000);
        }

        /** Returns the mark a record written at this moment carries. */
        long mark() {
            return timeline.mark();
        }

        /**
         * Returns whether a read at this moment sees {@code value}: the one place that decides
         * whether a record is live, asked by every read, list, cache and test-side view. A record
         * is live until its expiration, and once the clock has reached that since the write,
         * moving the clock back does not revive it.
         */
        boolean sees(StoredValue value) {
            if (!value.expires()) {
                return true; // no need to ask the clock's history
            }
            long expiresAtMillis = expiresAtMillis(value);
            if (nowMillis >= expiresAtMillis) {
                return false; // expired by the clock alone; no need to ask its history either
            }
            return timeline.latestSince(value.markAtWrite, nowMillis, clockMillis) < expiresAtMillis;
        }

        /**
         * Returns the first instant, in epoch milliseconds, at which a clock going forward from here
         * stops seeing {@code value}, {@code Long.MAX_VALUE} when it never expires; for a value this
         * moment {@linkplain #sees(StoredValue) sees}.
         */
        static long expiresAtMillis(StoredValue value) {
            return value.expires() ? millis(value.expirationSeconds()) : Long.MAX_VALUE;
        }
    }
}
