package dev.kvkit.fake;

import dev.kvkit.KvException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The list stress mode: pages come back short or empty while {@code listComplete} is false, as
 * production's do after deletions, so a client that stops on a short page instead of on {@code
 * listComplete} misses keys.
 *
 * <p>The shape of a page is a pure function of the call (prefix, cursor, limit) and of the keys, so
 * the same calls give the same pages on every run. The rules, which guarantee progress:
 *
 * <ul>
 *   <li>the first page of a listing that has keys is always empty and not complete, so any client
 *       that trusts a page's size is caught at once;
 *   <li>a later position may also give one empty page; its cursor is the position itself, marked as
 *       held ({@code "~"} before the plain cursor), and a held position never gives an empty page;
 *   <li>every other page holds at least one key and, when more follow, fewer keys than the limit
 *       (a limit of 1 aside); its cursor is the plain cursor after its last key;
 *   <li>a page that holds all remaining keys is complete.
 * </ul>
 *
 * <p>So every key appears exactly once across the pages, and the final page is complete.
 */
final class ListStress {

    private static final String HELD = "~";

    private ListStress() {}

    /** Reads a cursor of this mode: a plain cursor, or a held one. */
    static Position decode(String cursor) {
        if (cursor == null || !cursor.startsWith(HELD)) {
            return new Position(ListCursor.decode(cursor), false);
        }
        try {
            return new Position(ListCursor.decode(cursor.substring(HELD.length())), true);
        } catch (KvException e) {
            throw KvErrors.invalidCursor(cursor);
        }
    }

    /** Shapes the honest page the store gave for {@code position} into a stress page. */
    static ListSlice shape(
            String prefix, Position position, int limit, EntryStore.Page<Map.Entry<String, StoredValue>> page) {
        List<Map.Entry<String, StoredValue>> entries = page.entries();
        if (entries.isEmpty()) {
            return new ListSlice(entries, true, null);
        }
        int seed = seed(prefix, position.after(), limit);
        if (!position.held() && (position.after() == null || (seed & 1) == 0)) {
            String here = position.after() == null ? "" : ListCursor.encode(position.after());
            return new ListSlice(List.of(), false, HELD + here);
        }
        int keep = limit == 1 ? 1 : 1 + Math.floorMod(seed >>> 1, limit - 1);
        keep = Math.min(keep, entries.size());
        if (keep == entries.size() && !page.more()) {
            return new ListSlice(entries, true, null);
        }
        List<Map.Entry<String, StoredValue>> kept = entries.subList(0, keep);
        return new ListSlice(
                List.copyOf(kept), false, ListCursor.encode(kept.get(keep - 1).getKey()));
    }

    /** A fixed function of the call, stable across runs (String.hashCode is specified), well mixed. */
    private static int seed(String prefix, String after, int limit) {
        int h = Objects.hash(prefix, after, limit);
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    /** Where a page starts (strictly after {@code after}, or at the start when null) and whether it is held. */
    record Position(String after, boolean held) {}
}
