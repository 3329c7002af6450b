package dev.kvkit.fake;

import java.util.List;
import java.util.Map;

/**
 * One list page as the store answered it, before it becomes a {@code KvListPage}: the records it
 * holds, whether it is the last page, and the cursor of the next one. Kept as records rather than
 * list keys so a cached page still drops keys that expire while it is cached.
 */
record ListSlice(List<Map.Entry<String, StoredValue>> entries, boolean complete, String cursor) {

    /** The honest page: every record the store found, with a cursor after the last when more follow. */
    static ListSlice of(EntryStore.Page<Map.Entry<String, StoredValue>> page) {
        return new ListSlice(page.entries(), !page.more(), page.nextCursor());
    }
}
