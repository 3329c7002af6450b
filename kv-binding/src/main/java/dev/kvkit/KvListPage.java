package dev.kvkit;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * One page of a list: keys in UTF-8 byte order, whether the list is complete, and the cursor of
 * the next page.
 *
 * <p>Decide whether to ask for more with {@link #listComplete()}, never with the page's size: the
 * service may return a short or even empty page before the end.
 *
 * @param keys the keys of this page, in UTF-8 byte order
 * @param listComplete whether no keys follow this page
 * @param cursor where the next page starts, or {@code null} when the list is complete
 * @since 0.1.0
 */
public record KvListPage(List<KvListKey> keys, boolean listComplete, String cursor) {

    /**
     * Checks and copies the keys.
     *
     * @param keys the keys of this page
     * @param listComplete whether no keys follow
     * @param cursor the cursor of the next page, or {@code null}
     */
    public KvListPage {
        keys = keys instanceof HandedOver ? keys : List.copyOf(Objects.requireNonNull(keys, "keys"));
        if (listComplete && cursor != null) {
            throw new IllegalArgumentException("A complete page has no cursor, but was given: " + cursor);
        }
        if (!listComplete && (cursor == null || cursor.isEmpty())) {
            throw new IllegalArgumentException("A page that is not complete needs a cursor");
        }
    }

    /**
     * Returns the names of this page's keys, in order.
     *
     * @return the key names
     */
    public List<String> names() {
        return keys.stream().map(KvListKey::name).toList();
    }

    /**
     * A page of keys a kvkit binding collected and hands over: kept, not copied, since nothing else
     * holds the list. A page of 1,000 keys is built in one pass that way (ListBenchmark).
     */
    static KvListPage handedOver(List<KvListKey> keys, boolean listComplete, String cursor) {
        return new KvListPage(new HandedOver(keys), listComplete, cursor);
    }

    /** An unmodifiable list over keys no one else holds; none is null. */
    private static final class HandedOver extends AbstractList<KvListKey> implements RandomAccess {

        private final List<KvListKey> keys;

        HandedOver(List<KvListKey> keys) {
            for (KvListKey key : keys) {
                Objects.requireNonNull(key, "keys must not contain null");
            }
            this.keys = keys;
        }

        @Override
        public KvListKey get(int index) {
            return keys.get(index);
        }

        @Override
        public int size() {
            return keys.size();
        }
    }
}
