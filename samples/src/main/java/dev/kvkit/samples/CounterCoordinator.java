package dev.kvkit.samples;

import dev.kvkit.KvBinding;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The fix for {@link NaiveCounter}: the single writer of counter keys, the role Cloudflare gives a
 * Durable Object placed in front of KV. Workers in every location send their increments here
 * instead of writing KV; this object holds the true counts, applies increments one at a time, and
 * publishes them to KV through the one location it lives in. Readers anywhere read KV as before and
 * see each count once their edge cache runs out, and no increment is ever lost.
 *
 * <pre>{@code
 * CounterCoordinator counters = new CounterCoordinator(env.COUNTERS, clock); // one instance
 * counters.increment("page-views");                                          // from any Worker
 * }</pre>
 *
 * <p>KV takes one write per second per key, so a count that changes again within a second of its
 * last write is held back and written by {@link #flush()}, which a Durable Object would run from
 * an alarm.
 *
 * <p>Thread-safe: increments are serialised, as a Durable Object serialises its requests.
 *
 * @since 0.1.0
 */
public final class CounterCoordinator {

    /** KV's write rate: one write per key per second. */
    private static final Duration WRITE_INTERVAL = Duration.ofSeconds(1);

    private final KvBinding kv;
    private final Clock clock;
    private final Map<String, Long> counts = new HashMap<>();
    private final Map<String, Instant> lastWrites = new HashMap<>();
    private final Set<String> unwritten = new LinkedHashSet<>();

    /**
     * Creates the coordinator. Make one, and route every increment to it.
     *
     * @param kv the counter namespace, as seen from where the coordinator runs
     * @param clock the clock that paces writes to KV
     */
    public CounterCoordinator(KvBinding kv, Clock clock) {
        this.kv = Objects.requireNonNull(kv, "kv");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Adds one to a counter, writing it to KV unless the key was written less than a second ago.
     *
     * @param name the counter, such as {@code "page-views"}
     * @return the counter's new value
     */
    public synchronized long increment(String name) {
        Objects.requireNonNull(name, "name");
        long next = current(name) + 1;
        counts.put(name, next);
        unwritten.add(name);
        writeIfAllowed(name, clock.instant());
        return next;
    }

    /**
     * Returns a counter's true value, including increments not yet written to KV.
     *
     * @param name the counter
     * @return its value, 0 when it was never counted
     */
    public synchronized long current(String name) {
        // The first use loads what KV holds: this is the only writer, so KV is at most behind it.
        return counts.computeIfAbsent(Objects.requireNonNull(name, "name"), this::load);
    }

    /**
     * Writes every count held back by the write rate whose key may be written again.
     *
     * @return how many counters were written
     */
    public synchronized int flush() {
        Instant now = clock.instant();
        int written = 0;
        for (String name : Set.copyOf(unwritten)) {
            if (writeIfAllowed(name, now)) {
                written++;
            }
        }
        return written;
    }

    /**
     * Returns how many counters have increments KV does not show yet.
     *
     * @return the number of counters waiting for {@link #flush()}
     */
    public synchronized int unwrittenCount() {
        return unwritten.size();
    }

    private boolean writeIfAllowed(String name, Instant now) {
        Instant last = lastWrites.get(name);
        if (last != null && now.isBefore(last.plus(WRITE_INTERVAL))) {
            return false;
        }
        kv.put(NaiveCounter.PREFIX + name, Long.toString(counts.get(name)));
        lastWrites.put(name, now);
        unwritten.remove(name);
        return true;
    }

    private long load(String name) {
        String stored = kv.get(NaiveCounter.PREFIX + name);
        return stored == null ? 0 : Long.parseLong(stored);
    }
}
