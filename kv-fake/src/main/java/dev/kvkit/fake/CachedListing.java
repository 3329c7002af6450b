package dev.kvkit.fake;

import dev.kvkit.KvListPage;

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
        String from = firstPageIsNull(cursor);
        ListSlice slice = pages.get(
                new ListPageCache.Query(prefix, from, limit),
                moment.nowMillis(),
                lifeMillis,
                () -> source.slice(prefix, from, limit, moment));
        return source.page(slice, moment);
    }

    @Override
    public KvListPage peek(String prefix, String cursor, int limit, Timeline.Moment moment) {
        String from = firstPageIsNull(cursor);
        ListSlice slice = pages.peek(
                new ListPageCache.Query(prefix, from, limit),
                moment.nowMillis(),
                () -> source.slice(prefix, from, limit, moment));
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
