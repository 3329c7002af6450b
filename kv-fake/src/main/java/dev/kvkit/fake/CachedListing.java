package dev.kvkit.fake;

import dev.kvkit.KvListPage;
import java.util.function.Supplier;

/**
 * The lists of a location other than the default one: pages cached per prefix, cursor and limit for
 * the default cacheTtl, even across the location's own writes (see {@link ListPageCache}), fetched
 * as the default location would list them, stress mode included.
 */
final class CachedListing implements Listing {

    private final DirectListing source;
    private final ListPageCache pages = new ListPageCache();
    private final long lifeMillis;

    CachedListing(NamespaceCore core, DirectListing source) {
        this.source = source;
        this.lifeMillis = core.defaultCacheTtlMillis;
    }

    @Override
    public KvListPage list(String prefix, String cursor, int limit, Timeline.Moment moment) {
        return page(prefix, cursor, limit, moment, true);
    }

    @Override
    public KvListPage peek(String prefix, String cursor, int limit, Timeline.Moment moment) {
        return page(prefix, cursor, limit, moment, false);
    }

    /** The page from the cache while it holds it, else fetched; cached only when {@code cache}. */
    private KvListPage page(String prefix, String cursor, int limit, Timeline.Moment moment, boolean cache) {
        String from = firstPageIsNull(cursor);
        ListPageCache.Query query = new ListPageCache.Query(prefix, from, limit);
        Supplier<ListSlice> fetch = () -> source.slice(prefix, from, limit, moment);
        ListSlice slice = cache
                ? pages.get(query, moment.nowMillis(), lifeMillis, fetch)
                : pages.peek(query, moment.nowMillis(), fetch);
        return source.page(slice, moment);
    }

    @Override
    public void forget() {
        pages.clear();
    }

    /** An empty cursor asks for the first page, as no cursor does: one cache entry for both. */
    private static String firstPageIsNull(String cursor) {
        return cursor == null || cursor.isEmpty() ? null : cursor;
    }
}
