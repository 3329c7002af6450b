package dev.kvkit.fake;

import dev.kvkit.KvOperation;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Workers KV's write rate per key: at most {@link KvLimits#maxWritesPerKeyPerSecond()} writes to one
 * key within any one second of the namespace's clock, from any location. A write beyond it is
 * refused with {@code 429 Too Many Requests} and changes nothing.
 *
 * <p>Writes are counted by their instants, not by the order they came in: after the clock moves
 * back, a write is refused when it would put more than the limit into any one-second window, the
 * writes "ahead" of the clock included. To be exact however the clock moves, a key's accepted
 * write instants are kept (eight bytes each) until {@link #clear()}.
 *
 * <p>Puts and deletes both count: a delete is a write to the key. Only accepted writes count.
 *
 * <p>The write's instant is read from the clock inside the check, and the check and the store
 * write happen in the same atomic step per key, so two threads writing the same key cannot both
 * slip through, and the store's last write is the one with the latest instant. Thread-safe.
 */
final class WriteRateLimit {

    private static final long WINDOW_MILLIS = 1000;

    private final int maxWrites;
    /** Per key, the instants of its accepted writes; each is changed only inside its key's compute. */
    private final ConcurrentHashMap<String, Instants> accepted = new ConcurrentHashMap<>();

    WriteRateLimit(int maxWrites) {
        this.maxWrites = maxWrites;
    }

    /**
     * Reads the write's moment from {@code timeline}, applies the write's rules at it ({@code
     * prepare}, which may refuse the write by throwing and returns the store write), and runs the
     * store write if the key takes another write at that moment, else throws 429. All in one atomic
     * step per key.
     */
    void admit(String key, KvOperation operation, Timeline timeline, Function<Timeline.Moment, Runnable> prepare) {
        accepted.compute(key, (k, instants) -> {
            Timeline.Moment moment = timeline.now();
            Runnable storeWrite = prepare.apply(moment); // an invalid write is refused for what it is
            Instants times = instants == null ? new Instants() : instants;
            if (!times.admits(moment.nowMillis(), maxWrites)) {
                throw KvErrors.tooManyRequests(operation, key);
            }
            storeWrite.run();
            times.add(moment.nowMillis());
            return times;
        });
    }

    void clear() {
        accepted.clear();
    }

    /** A sorted multiset of instants, in epoch milliseconds. Not thread-safe; used inside compute. */
    private static final class Instants {

        private long[] sorted = new long[2];
        private int size;

        /**
         * Returns whether adding {@code at} leaves every one-second window with at most {@code max}
         * instants. The instants already held satisfy that, so only windows holding {@code at}
         * matter: with {@code at} inserted, any {@code max + 1} consecutive instants must span a
         * second or more.
         */
        boolean admits(long at, int max) {
            int position = insertionPoint(at);
            int total = size + 1;
            for (int first = Math.max(0, position - max); first <= position && first + max < total; first++) {
                if (withInserted(first + max, position, at) - withInserted(first, position, at) < WINDOW_MILLIS) {
                    return false;
                }
            }
            return true;
        }

        void add(long at) {
            int position = insertionPoint(at);
            if (size == sorted.length) {
                sorted = Arrays.copyOf(sorted, size * 2);
            }
            System.arraycopy(sorted, position, sorted, position + 1, size - position);
            sorted[position] = at;
            size++;
        }

        /** The index at which {@code at} goes: after every instant at or before it. */
        private int insertionPoint(long at) {
            int low = 0;
            int high = size;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (sorted[middle] <= at) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        /** The instant at {@code index} of the instants with {@code at} inserted at {@code position}. */
        private long withInserted(int index, int position, long at) {
            if (index < position) {
                return sorted[index];
            }
            return index == position ? at : sorted[index - 1];
        }
    }
}
