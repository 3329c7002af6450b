package dev.kvkit.samples;

import dev.kvkit.KvBinding;
import dev.kvkit.KvListKey;
import dev.kvkit.KvListPage;
import dev.kvkit.ListOptions;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Visits every key under a prefix, page by page.
 *
 * <p>It follows cursors until a page says {@code listComplete}, and never stops because a page is
 * short or empty: Workers KV returns such pages before the end, notably after deletions, so a loop
 * that stops on them silently misses keys.
 *
 * <pre>{@code
 * PrefixListing.forEachKey(env.TODO, "to-do:", key -> System.out.println(key.name()));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class PrefixListing {

    private PrefixListing() {}

    /**
     * Calls {@code action} for every key under {@code prefix}, in KV's order. The action may
     * delete the key it is given: a cursor stays valid when keys before it are removed.
     *
     * @param kv the namespace
     * @param prefix the prefix, such as {@code "to-do:"}
     * @param action what to do with each key
     * @return how many keys were visited
     */
    public static int forEachKey(KvBinding kv, String prefix, Consumer<KvListKey> action) {
        Objects.requireNonNull(kv, "kv");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(action, "action");
        int visited = 0;
        String cursor = null;
        while (true) {
            KvListPage page = kv.list(ListOptions.defaults().withPrefix(prefix).withCursor(cursor));
            for (KvListKey key : page.keys()) {
                action.accept(key);
                visited++;
            }
            if (page.listComplete()) {
                return visited;
            }
            cursor = page.cursor();
        }
    }
}
