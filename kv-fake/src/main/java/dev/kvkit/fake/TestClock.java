package dev.kvkit.fake;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.function.UnaryOperator;

/**
 * A {@link Clock} that moves only when told: {@link #advance(Duration)} and {@link
 * #setInstant(Instant)}. Expiry and propagation are tested by moving it, never by sleeping.
 *
 * <pre>{@code
 * TestClock clock = TestClock.create();                 // 2026-01-01T00:00:00Z
 * FakeKvNamespace kv = FakeKvNamespace.builder().clock(clock).build();
 * kv.put("session", "abc", PutOptions.defaults().withExpirationTtl(60));
 * clock.advance(Duration.ofSeconds(60));
 * assert kv.get("session") == null;
 * }</pre>
 *
 * <p>Application code that takes a {@code Clock} can take the same instance, so the code under
 * test and the namespace agree on the time. Clocks returned by {@link #withZone(ZoneId)} share the
 * instant of the clock they came from.
 *
 * <p>A clock is only a clock: it holds its instant and zone and keeps no history. A {@link
 * FakeKvNamespace} on it is told when it is moved back and remembers how far it had been, so that
 * moving it back never revives a key that has expired; the clock holds such namespaces weakly.
 *
 * <p>Thread-safe: the instant is read and moved atomically.
 *
 * @since 0.1.0
 */
public final class TestClock extends Clock implements Serializable {

    /** The instant a clock starts at unless told otherwise: {@code 2026-01-01T00:00:00Z}. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

    private static final long serialVersionUID = 2L;

    /** The instant, shared with the clock's zone views. */
    private final Time time;

    /** The zone this view reports. */
    private final ZoneId zone;

    private TestClock(Time time, ZoneId zone) {
        this.time = time;
        this.zone = zone;
    }

    /**
     * Returns a clock at {@link #DEFAULT_START}, in UTC.
     *
     * @return a new clock
     */
    public static TestClock create() {
        return at(DEFAULT_START);
    }

    /**
     * Returns a clock at the given instant, in UTC.
     *
     * @param start the clock's first instant
     * @return a new clock
     */
    public static TestClock at(Instant start) {
        Objects.requireNonNull(start, "start");
        return new TestClock(new Time(start), ZoneOffset.UTC);
    }

    /**
     * Moves the clock by the given amount. A negative amount moves it back, which never revives a
     * key that has already expired: a namespace on this clock remembers how far it has been.
     *
     * @param amount how far to move
     * @return the clock's new instant
     * @throws ArithmeticException if the instant would overflow
     */
    public Instant advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        return time.move(current -> current.plus(amount));
    }

    /**
     * Sets the clock to the given instant, forwards or back.
     *
     * @param instant the new instant
     */
    public void setInstant(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        time.move(current -> instant);
    }

    /**
     * Returns the current instant.
     *
     * @return the instant the clock was last moved to
     */
    @Override
    public Instant instant() {
        return time.current;
    }

    /**
     * Returns the current instant in milliseconds since the epoch.
     *
     * @return the current instant in milliseconds
     */
    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    /**
     * Returns the zone this clock reports; it does not change the instant.
     *
     * @return the zone, UTC unless set with {@link #withZone(ZoneId)}
     */
    @Override
    public ZoneId getZone() {
        return zone;
    }

    /**
     * Returns a clock in another zone that shares this clock's instant: moving either moves both.
     *
     * @param zone the zone to report
     * @return a clock sharing this clock's time
     */
    @Override
    public TestClock withZone(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        return zone.equals(this.zone) ? this : new TestClock(time, zone);
    }

    /**
     * Returns whether the other object is a {@code TestClock} sharing this clock's time and zone.
     *
     * @param other the object to compare with
     * @return whether both are views of the same time in the same zone
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof TestClock that && time == that.time && zone.equals(that.zone);
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(time) * 31 + zone.hashCode();
    }

    @Override
    public String toString() {
        return "TestClock[" + instant() + (zone.equals(ZoneOffset.UTC) ? "" : ", " + zone) + "]";
    }

    /**
     * Tells {@code listener} of every later move back, from within the move, before the clock shows
     * the new instant. The clock holds the listener weakly: it is told for as long as its owner keeps
     * it. For the fake's {@link Timeline}, which keeps the history a clock does not.
     */
    void whenMovedBack(MoveBackListener listener) {
        time.listen(listener);
    }

    /** Told that the clock went back from {@code fromMillis}; see {@link #whenMovedBack}. */
    @FunctionalInterface
    interface MoveBackListener {
        void movedBackFrom(long fromMillis);
    }

    /** The instant shared by a clock and its zone views, and who is told when it goes back. */
    private static final class Time implements Serializable {

        private static final long serialVersionUID = 2L;

        private volatile Instant current;
        /** Weak keys, guarded by this; not serialised: a copy of a clock has no namespaces on it. */
        private transient Map<MoveBackListener, Boolean> listeners;

        Time(Instant start) {
            current = start;
        }

        synchronized Instant move(UnaryOperator<Instant> change) {
            Instant before = current;
            Instant moved = change.apply(before);
            if (listeners != null && moved.isBefore(before)) {
                long fromMillis = before.toEpochMilli();
                for (MoveBackListener listener : listeners.keySet()) {
                    listener.movedBackFrom(fromMillis);
                }
            }
            current = moved;
            return moved;
        }

        synchronized void listen(MoveBackListener listener) {
            if (listeners == null) {
                listeners = new WeakHashMap<>();
            }
            listeners.put(listener, Boolean.TRUE);
        }
    }
}
