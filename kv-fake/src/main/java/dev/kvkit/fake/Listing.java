package dev.kvkit.fake;

import dev.kvkit.KvListPage;

/**
 * How one location lists: {@link DirectListing} from the store (the default location), {@link
 * CachedListing} through the location's list page cache (every other one). Chosen once, when the
 * location is made. The arguments are checked; {@code limit} is the page size to give.
 */
interface Listing {

    /** The page a list returns now; caches it where there is a cache. */
    KvListPage list(String prefix, String cursor, int limit, Timeline.Moment moment);

    /** The page {@link #list} would return now, caching nothing: for assertions. */
    KvListPage peek(String prefix, String cursor, int limit, Timeline.Moment moment);

    /** Forgets whatever is cached, for {@link FakeKvNamespace#reset()}. */
    void forget();
}
