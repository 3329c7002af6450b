package dev.kvkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Options of a list: a key prefix, a page size ({@code limit}) and the {@code cursor} of the page
 * before.
 *
 * <pre>{@code
 * ListOptions options = ListOptions.defaults().withPrefix("to-do:").withLimit(100);
 * KvListPage page;
 * do {
 *     page = kv.list(options);
 *     page.keys().forEach(key -> process(key.name()));
 *     options = options.withCursor(page.cursor());
 * } while (!page.listComplete());
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; every {@code with} method returns a new instance.
 *
 * @since 0.1.0
 */
public final class ListOptions {

    private static final ListOptions DEFAULTS = new ListOptions(null, null, null);

    private final String prefix;
    private final Integer limit;
    private final String cursor;

    private ListOptions(String prefix, Integer limit, String cursor) {
        this.prefix = prefix;
        this.limit = limit;
        this.cursor = cursor;
    }

    /**
     * Returns the options of a plain list: every key, 1000 per page, from the start.
     *
     * @return the default options
     */
    public static ListOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a copy of these options that lists only keys starting with {@code prefix} (a plain
     * prefix, no wildcards).
     *
     * @param prefix the prefix, or {@code null} or empty for every key
     * @return the new options
     */
    public ListOptions withPrefix(String prefix) {
        return new ListOptions(prefix, limit, cursor);
    }

    /**
     * Returns a copy of these options with a page size. Zero or less means the service default
     * (1000); more than 1000 is refused by the service.
     *
     * @param limit the most keys one page holds
     * @return the new options
     */
    public ListOptions withLimit(int limit) {
        return new ListOptions(prefix, limit, cursor);
    }

    /**
     * Returns a copy of these options that continues after the page whose {@link
     * KvListPage#cursor() cursor} is given.
     *
     * @param cursor the cursor of the page before, or {@code null} or empty to start from the first
     *     key
     * @return the new options
     */
    public ListOptions withCursor(String cursor) {
        return new ListOptions(prefix, limit, cursor);
    }

    /**
     * Returns the prefix, if one was given.
     *
     * @return the prefix, or empty
     */
    public Optional<String> prefix() {
        return Optional.ofNullable(prefix);
    }

    /**
     * Returns the page size, if one was given.
     *
     * @return the limit, or empty
     */
    public OptionalInt limit() {
        return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    /**
     * Returns the cursor, if one was given.
     *
     * @return the cursor, or empty
     */
    public Optional<String> cursor() {
        return Optional.ofNullable(cursor);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ListOptions that
                && Objects.equals(prefix, that.prefix)
                && Objects.equals(limit, that.limit)
                && Objects.equals(cursor, that.cursor);
    }

    @Override
    public int hashCode() {
        return Objects.hash(prefix, limit, cursor);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>(3);
        if (prefix != null) {
            parts.add("prefix=\"" + prefix + "\"");
        }
        if (limit != null) {
            parts.add("limit=" + limit);
        }
        if (cursor != null) {
            parts.add("cursor=\"" + cursor + "\"");
        }
        return "ListOptions{" + String.join(", ", parts) + "}";
    }
}
