package dev.kvkit.fake;

import dev.kvkit.KvListKey;
import dev.kvkit.KvListPage;
import dev.kvkit.internal.SerializedResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The default location's lists: straight from the store, which reads nothing into any cache, so a
 * peek is a list. In list stress mode the store's honest pages are shaped by {@link ListStress}; the
 * slices {@link CachedListing} caches come from here too, shaped the same way.
 */
final class DirectListing implements Listing {

    private final EntryStore store;
    private final Answers answers;
    private final boolean stress;

    DirectListing(NamespaceCore core) {
        this.store = core.store;
        this.answers = core.answers;
        this.stress = core.listStressMode;
    }

    @Override
    public KvListPage list(String prefix, String cursor, int limit, Timeline.Moment moment) {
        if (stress) {
            return page(slice(prefix, cursor, limit, moment), moment);
        }
        EntryStore.Page<KvListKey> page = store.page(prefix, ListCursor.decode(cursor), limit, moment, answers.listKey);
        return SerializedResults.get().listPage(page.entries(), !page.more(), page.nextCursor());
    }

    @Override
    public KvListPage peek(String prefix, String cursor, int limit, Timeline.Moment moment) {
        return list(prefix, cursor, limit, moment);
    }

    @Override
    public void forget() {}

    /** The page the store gives now, as records, shaped by the stress mode when it is on. */
    ListSlice slice(String prefix, String cursor, int limit, Timeline.Moment moment) {
        if (stress) {
            ListStress.Position position = ListStress.decode(cursor);
            return ListStress.shape(prefix, position, limit, store.page(prefix, position.after(), limit, moment));
        }
        return ListSlice.of(store.page(prefix, ListCursor.decode(cursor), limit, moment));
    }

    /**
     * The list page of a slice at {@code moment}. A cached slice may hold keys that have expired
     * since; expiration beats the cache, so those are dropped.
     */
    KvListPage page(ListSlice slice, Timeline.Moment moment) {
        List<KvListKey> keys = new ArrayList<>(slice.entries().size());
        for (Map.Entry<String, StoredValue> entry : slice.entries()) {
            if (moment.sees(entry.getValue())) {
                keys.add(answers.listKey(entry.getKey(), entry.getValue()));
            }
        }
        return SerializedResults.get().listPage(keys, slice.complete(), slice.cursor());
    }
}
