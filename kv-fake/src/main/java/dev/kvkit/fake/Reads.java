package dev.kvkit.fake;

import dev.kvkit.GetOptions;
import dev.kvkit.KvType;
import dev.kvkit.KvValueWithMetadata;
import java.util.Map;

/**
 * How one location reads and writes single keys: {@link DirectReads} straight from the store (the
 * default location), {@link EdgeCachedReads} through the location's edge cache (every other one).
 * Chosen once, when the location is made. {@link #peek} and {@link #seesCurrentValueFrom} change
 * nothing, for assertions.
 */
interface Reads {

    /** What a read returns now; fills the cache where there is one. */
    StoredValue get(String key, GetOptions options, Timeline.Moment moment);

    /**
     * As {@link #get}, decoded with its metadata and the cache status a read reports: {@code "HIT"}
     * or {@code "MISS"} from an edge cache, null where there is none.
     */
    <T> KvValueWithMetadata<T> getWithMetadata(String key, KvType<T> type, GetOptions options, Timeline.Moment moment);

    /**
     * Reads the keys of an accepted bulk read, whose values were peeked for its checks, and replaces
     * each with what the read served. Returns whether any differs from what was peeked (a write
     * raced the read), so the caller checks them again.
     */
    boolean readPeeked(Map<String, StoredValue> peeked, GetOptions options, Timeline.Moment moment);

    /** What a read with these options would return now, without caching anything. */
    StoredValue peek(String key, GetOptions options, Timeline.Moment moment);

    /**
     * The first instant, in epoch milliseconds, from which reads with these options return the
     * store's current record of {@code key} (or its absence), if nothing writes in between.
     */
    long seesCurrentValueFrom(String key, GetOptions options, Timeline.Moment moment);

    /**
     * Stores a checked record written from this location at {@code moment}, or deletes the key when
     * it is null, so that this location sees its own write at once.
     */
    void write(String key, StoredValue record, Timeline.Moment moment);

    /** Deletes the key from this location now. */
    void delete(String key);

    /** Forgets whatever is cached, for {@link FakeKvNamespace#reset()}. */
    void forget();
}
