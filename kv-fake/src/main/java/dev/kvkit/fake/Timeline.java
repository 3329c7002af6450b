package dev.kvkit.fake;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The namespace's view of time: its clock, and the latest instant it has ever seen (the horizon),
 * so that moving a clock back never revives an expired key.
 */
final class Timeline {

    private final Clock clock;
    private final AtomicLong horizon;

    Timeline(Clock clock) {
        this.clock = clock;
        this.horizon = new AtomicLong(clock.millis());
    }

    Clock clock() {
        return clock;
    }

    /** Reads the clock once: the instant of one operation. */
    Moment now() {
        long now = clock.millis();
        long seen = clock instanceof TestClock testClock
                ? Math.max(now, testClock.latestInstant().toEpochMilli())
                : now;
        long latest = horizon.get();
        if (seen > latest) {
            // Written only when time moved on, so concurrent readers do not contend on one counter.
            latest = horizon.accumulateAndGet(seen, Math::max);
        }
        return new Moment(now, latest);
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

    /** The instant of one operation and the horizon at that instant. */
    record Moment(long nowMillis, long horizonMillis) {

        long nowSeconds() {
            return Math.floorDiv(nowMillis, 1000);
        }

        boolean sees(StoredValue value) {
            return value.isLive(nowMillis, horizonMillis);
        }
    }
}
