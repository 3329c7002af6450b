package dev.kvkit.samples;

import dev.kvkit.KvBinding;
import java.util.Objects;

/**
 * A counter written the obvious way: read the value, add one, write it back. It is <b>wrong</b> on
 * Workers KV and kept here to show why: a Worker in another location reads a value its edge cached
 * up to a minute ago, so two locations counting in turn overwrite each other's increments (the last
 * write wins), and a key takes only one write a second. {@link CounterCoordinator} is the fix.
 *
 * <pre>{@code
 * new NaiveCounter(env.COUNTERS).increment("page-views");
 * }</pre>
 *
 * @since 0.1.0
 */
public final class NaiveCounter {

    /** The prefix of every counter key. */
    public static final String PREFIX = "counter:";

    private final KvBinding kv;

    /**
     * Creates a counter over a namespace, as seen from the location the Worker runs in.
     *
     * @param kv the namespace
     */
    public NaiveCounter(KvBinding kv) {
        this.kv = Objects.requireNonNull(kv, "kv");
    }

    /**
     * Adds one to a counter.
     *
     * @param name the counter, such as {@code "page-views"}
     * @return the value this call wrote
     */
    public long increment(String name) {
        long next = current(name) + 1;
        kv.put(PREFIX + name, Long.toString(next));
        return next;
    }

    /**
     * Returns a counter's value as this location sees it.
     *
     * @param name the counter
     * @return its value, 0 when it was never written
     */
    public long current(String name) {
        String stored = kv.get(PREFIX + Objects.requireNonNull(name, "name"));
        return stored == null ? 0 : Long.parseLong(stored);
    }
}
