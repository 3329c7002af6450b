package dev.kvkit.fake;

import dev.kvkit.KvOperation;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Workers KV's write rate per key: at most {@link KvLimits#maxWritesPerKeyPerSecond()} writes to one
 * key within one second of the namespace's clock, from any location. A write beyond it is refused
 * with {@code 429 Too Many Requests} and changes nothing.
 *
 * <p>Puts and deletes both count: a delete is a write to the key. Only accepted writes count.
 *
 * <p>The check and the store write happen in one atomic step per key, so two threads writing the
 * same key at the same instant cannot both slip through. Thread-safe.
 */
final class WriteRateLimit {

    private static final long WINDOW_MILLIS = 1000;
    private static final long[] NONE = {};

    private final int maxWrites;
    /** Per key, the instants of its last accepted writes, oldest first, at most {@code maxWrites}. */
    private final ConcurrentHashMap<String, long[]> recentWrites = new ConcurrentHashMap<>();

    WriteRateLimit(int maxWrites) {
        this.maxWrites = maxWrites;
    }

    /** Runs {@code write} if the key takes another write at {@code nowMillis}, else throws 429. */
    void admit(String key, KvOperation operation, long nowMillis, Runnable write) {
        recentWrites.compute(key, (k, times) -> {
            long[] recent = times == null ? NONE : times;
            int inWindow = 0;
            for (long time : recent) {
                // A write "in the future" (the clock was moved back) does not count against this one.
                if (time > nowMillis - WINDOW_MILLIS && time <= nowMillis) {
                    inWindow++;
                }
            }
            if (inWindow >= maxWrites) {
                throw KvErrors.tooManyRequests(operation, key);
            }
            write.run();
            return remember(recent, nowMillis);
        });
    }

    void clear() {
        recentWrites.clear();
    }

    private long[] remember(long[] recent, long nowMillis) {
        int kept = Math.min(recent.length, maxWrites - 1);
        long[] next = Arrays.copyOfRange(recent, recent.length - kept, recent.length + 1);
        next[kept] = nowMillis;
        return next;
    }
}
