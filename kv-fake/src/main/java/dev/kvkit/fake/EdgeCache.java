package dev.kvkit.fake;

import java.util.concurrent.ConcurrentHashMap;

/**
 * What one non-default location has cached of single keys: the record it last fetched (or the miss
 * it saw), from when, and until when it may serve it.
 *
 * <p>A read serves the cached answer while it is younger than the read's own cacheTtl and the cache
 * entry has not run out; otherwise it fetches from the store and caches the answer for that read's
 * cacheTtl. A read with a lower cacheTtl also shortens the entry's life, as Workers KV documents. A
 * cached record past its expiration is never served. All of it runs on the namespace's clock, so it
 * is deterministic; each key's entry changes in one atomic step, so it is thread-safe.
 */
final class EdgeCache {

    /** The cache status of a read the location's cache answered. */
    static final String HIT = "HIT";

    /** The cache status of a read the location fetched from the store. */
    static final String MISS = "MISS";

    private final EntryStore store;
    private final ConcurrentHashMap<String, Cached> entries = new ConcurrentHashMap<>();

    EdgeCache(EntryStore store) {
        this.store = store;
    }

    /** Reads {@code key} through the cache with a read's cacheTtl. */
    Read read(String key, long cacheTtlMillis, Timeline.Moment moment) {
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
     * Runs a write of this location and caches what it wrote ({@code null} for a delete), so the
     * location sees its own write at once. When the write is refused, the cache is left unchanged.
     */
    void write(String key, StoredValue written, Timeline.Moment moment, long cacheTtlMillis, Runnable storeWrite) {
        long now = moment.nowMillis();
        entries.compute(key, (k, cached) -> {
            storeWrite.run();
            return new Cached(written, now, Timeline.later(now, cacheTtlMillis));
        });
    }

    /** Returns what a read with this cacheTtl would return now, without caching anything. */
    StoredValue peek(String key, long cacheTtlMillis, Timeline.Moment moment) {
        Cached cached = entries.get(key);
        if (cached != null && cached.servable(moment.nowMillis(), cacheTtlMillis, moment)) {
            return cached.value;
        }
        return store.peek(key, moment);
    }

    /**
     * Returns the first instant, in epoch milliseconds, from which reads with this cacheTtl return
     * the store's current record of {@code key} (or its absence), if nothing writes in between.
     */
    long seesCurrentValueFrom(String key, long cacheTtlMillis, Timeline.Moment moment) {
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

    void clear() {
        entries.clear();
    }

    /** The answer of one read and whether the cache gave it. */
    record Read(StoredValue value, String status) {}

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
