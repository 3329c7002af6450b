package dev.kvkit.fake;

import dev.kvkit.GetOptions;
import dev.kvkit.KvType;
import dev.kvkit.KvValueWithMetadata;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reads and writes of a location other than the default one, through its edge cache: what it has
 * cached of single keys is the record it last fetched (or the miss it saw), from when, and until
 * when it may serve it.
 *
 * <p>A read serves the cached answer while it is younger than the read's own cacheTtl and the cache
 * entry has not run out; otherwise it fetches from the store and caches the answer for that read's
 * cacheTtl. A read with a lower cacheTtl also shortens the entry's life, as Workers KV documents. A
 * cached record past its expiration is never served. All of it runs on the namespace's clock, so it
 * is deterministic; each key's entry changes in one atomic step, so it is thread-safe.
 */
final class EdgeCachedReads implements Reads {

    /** The cache status of a read the location's cache answered. */
    static final String HIT = "HIT";

    /** The cache status of a read the location fetched from the store. */
    static final String MISS = "MISS";

    private final EntryStore store;
    private final Timeline timeline;
    private final Answers answers;
    private final long defaultCacheTtlMillis;
    private final ConcurrentHashMap<String, Cached> entries = new ConcurrentHashMap<>();

    EdgeCachedReads(NamespaceCore core) {
        this.store = core.store;
        this.timeline = core.timeline;
        this.answers = core.answers;
        this.defaultCacheTtlMillis = core.defaultCacheTtlMillis;
    }

    /** The cache life a read asks for: its cacheTtl, or the default. */
    private long cacheTtlMillis(GetOptions options) {
        return options.cacheTtl().isPresent()
                ? Timeline.millis(options.cacheTtl().getAsLong())
                : defaultCacheTtlMillis;
    }

    @Override
    public StoredValue get(String key, GetOptions options, Timeline.Moment moment) {
        return read(key, cacheTtlMillis(options), moment).value();
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@code cacheStatus} is {@code "HIT"} when this cache answered (a cached miss included) and
     * {@code "MISS"} when it fetched from the store.
     */
    @Override
    public <T> KvValueWithMetadata<T> getWithMetadata(
            String key, KvType<T> type, GetOptions options, Timeline.Moment moment) {
        Read read = read(key, cacheTtlMillis(options), moment);
        return answers.withMetadata(key, read.value(), type, read.status());
    }

    /**
     * {@inheritDoc}
     *
     * <p>The cache serves what the checks peeked unless a write raced this read, and then caches
     * what it served.
     */
    @Override
    public boolean readPeeked(Map<String, StoredValue> peeked, GetOptions options, Timeline.Moment moment) {
        long cacheTtlMillis = cacheTtlMillis(options);
        boolean changed = false;
        for (Map.Entry<String, StoredValue> entry : peeked.entrySet()) {
            StoredValue served = read(entry.getKey(), cacheTtlMillis, moment).value();
            changed |= served != entry.getValue();
            entry.setValue(served);
        }
        return changed;
    }

    /** Reads {@code key} through the cache with a read's cacheTtl. */
    private Read read(String key, long cacheTtlMillis, Timeline.Moment moment) {
        long now = moment.nowMillis();
        Read[] read = new Read[1];
        entries.compute(key, (k, cached) -> {
            if (cached != null && cached.servable(now, cacheTtlMillis, moment)) {
                read[0] = new Read(cached.value, HIT);
                return cached.shortenedTo(cacheTtlMillis);
            }
            StoredValue fetched = store.get(k, moment);
            read[0] = new Read(fetched, MISS);
            return new Cached(fetched, now, Timeline.later(now, cacheTtlMillis));
        });
        return read[0];
    }

    /**
     * {@inheritDoc}
     *
     * <p>The store write and the cached answer change in one step per key; the cached answer lives
     * for the default cacheTtl, as if the location had just read it.
     */
    @Override
    public void write(String key, StoredValue written, Timeline.Moment moment) {
        long now = moment.nowMillis();
        entries.compute(key, (k, cached) -> {
            if (written == null) {
                store.remove(k);
            } else {
                store.put(k, written);
            }
            return new Cached(written, now, Timeline.later(now, defaultCacheTtlMillis));
        });
    }

    @Override
    public void delete(String key) {
        write(key, null, timeline.now());
    }

    @Override
    public StoredValue peek(String key, GetOptions options, Timeline.Moment moment) {
        long cacheTtlMillis = cacheTtlMillis(options);
        Cached cached = entries.get(key);
        if (cached != null && cached.servable(moment.nowMillis(), cacheTtlMillis, moment)) {
            return cached.value;
        }
        return store.peek(key, moment);
    }

    @Override
    public long seesCurrentValueFrom(String key, GetOptions options, Timeline.Moment moment) {
        long cacheTtlMillis = cacheTtlMillis(options);
        long now = moment.nowMillis();
        Cached cached = entries.get(key);
        if (cached == null || !cached.servable(now, cacheTtlMillis, moment)) {
            return now;
        }
        if (StoredValue.sameContent(cached.value, store.peek(key, moment))) {
            return now;
        }
        return cached.servableUntil(cacheTtlMillis);
    }

    @Override
    public void forget() {
        entries.clear();
    }

    /** The answer of one read and whether the cache gave it. */
    private record Read(StoredValue value, String status) {}

    /** One cached answer; {@code value} is null for a cached miss. */
    private record Cached(StoredValue value, long fetchedAtMillis, long expiresAtMillis) {

        boolean servable(long now, long cacheTtlMillis, Timeline.Moment moment) {
            return now < servableUntilIgnoringExpiration(cacheTtlMillis) && (value == null || moment.sees(value));
        }

        /** When this entry stops being served: its own life, the read's cacheTtl, the key's expiration. */
        long servableUntil(long cacheTtlMillis) {
            long until = servableUntilIgnoringExpiration(cacheTtlMillis);
            if (value != null) {
                until = Math.min(until, Timeline.Moment.expiresAtMillis(value));
            }
            return until;
        }

        private long servableUntilIgnoringExpiration(long cacheTtlMillis) {
            return Math.min(expiresAtMillis, Timeline.later(fetchedAtMillis, cacheTtlMillis));
        }

        Cached shortenedTo(long cacheTtlMillis) {
            long until = Timeline.later(fetchedAtMillis, cacheTtlMillis);
            return until < expiresAtMillis ? new Cached(value, fetchedAtMillis, until) : this;
        }
    }
}
