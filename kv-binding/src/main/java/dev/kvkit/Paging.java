package dev.kvkit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** The loops over pages and over 100-key requests that {@link KvBinding} offers as one call. */
final class Paging {

    /** Workers KV's bulk read limit: the most keys one bulk request may carry. */
    static final int BULK_KEYS = 100;

    private Paging() {}

    static Stream<KvListKey> listAll(KvBinding binding, ListOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        Iterator<KvListKey> keys = new PageWalk(binding, options);
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(
                        keys, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT),
                false);
    }

    static <T> Map<String, T> getAll(KvBinding binding, Collection<String> keys, KvType<T> type, GetOptions options) {
        if (keys == null) {
            throw new IllegalArgumentException("keys must not be null");
        }
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(keys));
        if (unique.isEmpty()) {
            // Let the binding answer an empty request as it answers one (the service refuses it).
            return binding.get(unique, type, options);
        }
        Map<String, T> all = new LinkedHashMap<>();
        for (int from = 0; from < unique.size(); from += BULK_KEYS) {
            List<String> batch = unique.subList(from, Math.min(from + BULK_KEYS, unique.size()));
            all.putAll(binding.get(batch, type, options));
        }
        return Collections.unmodifiableMap(all);
    }

    /** Walks the pages one at a time; the first page is fetched on the first look, not at creation. */
    private static final class PageWalk implements Iterator<KvListKey> {

        private final KvBinding binding;
        private ListOptions next;
        private Iterator<KvListKey> page = Collections.emptyIterator();

        PageWalk(KvBinding binding, ListOptions first) {
            this.binding = binding;
            this.next = first;
        }

        @Override
        public boolean hasNext() {
            // A page may be empty and still not be the last (Workers KV says so in its docs): go on
            // while the service gives a cursor.
            while (!page.hasNext() && next != null) {
                KvListPage fetched = binding.list(next);
                page = fetched.keys().iterator();
                next = fetched.listComplete() ? null : next.withCursor(fetched.cursor());
            }
            return page.hasNext();
        }

        @Override
        public KvListKey next() {
            if (!hasNext()) {
                throw new NoSuchElementException("The list is complete");
            }
            return page.next();
        }
    }
}
