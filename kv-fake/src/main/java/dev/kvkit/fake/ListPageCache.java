package dev.kvkit.fake;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The list pages one non-default location has cached, per (prefix, cursor, limit), so a list there
 * may be up to the cache life stale, as Workers KV's lists are. The location's own writes do not
 * refresh it: Cloudflare documents list changes as taking up to 60 seconds to show, without
 * exception. Thread-safe; each query's page changes in one atomic step.
 */
final class ListPageCache {

    private final ConcurrentHashMap<Query, Cached> pages = new ConcurrentHashMap<>();

    /** Returns the cached page of the query while it is younger than {@code lifeMillis}, else fetches it. */
    ListSlice get(Query query, long nowMillis, long lifeMillis, Supplier<ListSlice> fetch) {
        return pages.compute(
                        query,
                        (q, cached) -> cached != null && nowMillis < cached.expiresAtMillis
                                ? cached
                                : new Cached(fetch.get(), Timeline.later(nowMillis, lifeMillis)))
                .slice;
    }

    /** The cached page of the query while it is younger than its life, or what {@code fetch} gives; caches nothing. */
    ListSlice peek(Query query, long nowMillis, Supplier<ListSlice> fetch) {
        Cached cached = pages.get(query);
        return cached != null && nowMillis < cached.expiresAtMillis ? cached.slice : fetch.get();
    }

    void clear() {
        pages.clear();
    }

    /** What identifies a list call; {@code cursor} is null for the first page. */
    record Query(String prefix, String cursor, int limit) {}

    private record Cached(ListSlice slice, long expiresAtMillis) {}
}
