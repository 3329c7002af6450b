package dev.kvkit.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiFunction;

/**
 * The authoritative records of one namespace, sorted in UTF-8 byte order: O(log n) reads and writes,
 * O(log n + page) list pages. Expired records are skipped by every read and swept when a read of their
 * key meets them, so nothing runs in the background.
 *
 * <p>Every operation is one atomic step on a concurrent skip list, which makes the store linearizable
 * per key: the last write wins.
 */
final class EntryStore {

    private final ConcurrentSkipListMap<String, StoredValue> records = new ConcurrentSkipListMap<>(KeyOrder.INSTANCE);

    /** Returns the live record of {@code key}, or null. */
    StoredValue get(String key, Timeline.Moment moment) {
        StoredValue value = records.get(key);
        if (value == null) {
            return null;
        }
        if (!moment.sees(value)) {
            records.remove(key, value);
            return null;
        }
        return value;
    }

    void put(String key, StoredValue value) {
        records.put(key, value);
    }

    void putAll(Map<String, StoredValue> values) {
        records.putAll(values);
    }

    void remove(String key) {
        records.remove(key);
    }

    void clear() {
        records.clear();
    }

    /**
     * Returns up to {@code limit} live records with the prefix, strictly after {@code after} (or from
     * the start when null), plus whether a further live record follows.
     */
    Page<Map.Entry<String, StoredValue>> page(String prefix, String after, int limit, Timeline.Moment moment) {
        return page(prefix, after, limit, moment, Map::entry);
    }

    /**
     * As {@link #page(String, String, int, Timeline.Moment)}, each record turned into what the caller
     * returns as it is met, so a list page is built in one walk without an intermediate list.
     */
    <R> Page<R> page(
            String prefix, String after, int limit, Timeline.Moment moment, BiFunction<String, StoredValue, R> result) {
        ConcurrentNavigableMap<String, StoredValue> range;
        if (after != null && KeyOrder.INSTANCE.compare(after, prefix) >= 0) {
            range = records.tailMap(after, false);
        } else {
            range = records.tailMap(prefix, true);
        }
        List<R> found = new ArrayList<>(Math.min(limit, 1024));
        String last = null;
        for (Map.Entry<String, StoredValue> entry : range.entrySet()) {
            String key = entry.getKey();
            if (!key.startsWith(prefix)) {
                break;
            }
            // Expired records are skipped, not swept: a list then costs what walking the range costs,
            // and the record goes when a read of its key or a write over it meets it.
            StoredValue value = entry.getValue();
            if (!moment.sees(value)) {
                continue;
            }
            if (found.size() == limit) {
                return new Page<>(found, last, true);
            }
            found.add(result.apply(key, value));
            last = key;
        }
        return new Page<>(found, last, false);
    }

    /** Every live record at the moment, in key order; for test-side views, not for the binding. */
    List<Map.Entry<String, StoredValue>> snapshot(Timeline.Moment moment) {
        List<Map.Entry<String, StoredValue>> live = new ArrayList<>();
        for (Map.Entry<String, StoredValue> entry : records.entrySet()) {
            if (moment.sees(entry.getValue())) {
                live.add(Map.entry(entry.getKey(), entry.getValue()));
            }
        }
        return live;
    }

    /** Returns the record of {@code key} if live at the moment, without sweeping. */
    StoredValue peek(String key, Timeline.Moment moment) {
        StoredValue value = records.get(key);
        return value != null && moment.sees(value) ? value : null;
    }

    /** A page of results, the key of the last one, and whether a further live record follows. */
    record Page<R>(List<R> entries, String lastKey, boolean more) {

        /** The cursor of the page after this one: after its last key, or null when none follows. */
        String nextCursor() {
            return more ? ListCursor.encode(lastKey) : null;
        }
    }
}
