package dev.kvkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The result of {@code getWithMetadata}: a value, its metadata and, where the consistency model
 * knows it, how the reading location's cache answered.
 *
 * <p>For a missing or expired key, {@link #value()} and {@link #metadata()} are both {@code null}.
 * Each read returns freshly parsed metadata, so changing the {@code JsonNode} never changes the
 * stored entry.
 *
 * @param value the value as the read type gives it, or {@code null} when the key does not exist
 * @param metadata the metadata parsed as JSON, or {@code null} when the key has none
 * @param cacheStatus how the reading location's cache answered ({@code "HIT"}, {@code "MISS"},
 *     {@code "STALE"}), or {@code null} when not modelled
 * @param <T> the value's Java type
 * @since 0.1.0
 */
public record KvValueWithMetadata<T>(T value, JsonNode metadata, String cacheStatus) {

    /**
     * Returns whether the key existed: a value was found.
     *
     * @return {@code true} when {@link #value()} is not null
     */
    public boolean isPresent() {
        return value != null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KvValueWithMetadata<?> that
                && Objects.deepEquals(value, that.value)
                && Objects.equals(metadata, that.metadata)
                && Objects.equals(cacheStatus, that.cacheStatus);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                value instanceof byte[] bytes ? Arrays.hashCode(bytes) : Objects.hashCode(value),
                metadata,
                cacheStatus);
    }

    @Override
    public String toString() {
        return "KvValueWithMetadata[value=" + describe(value) + ", metadata=" + metadata + ", cacheStatus="
                + cacheStatus + "]";
    }

    private static String describe(Object value) {
        if (value instanceof String text) {
            return '"' + text + '"';
        }
        if (value instanceof byte[] bytes) {
            return bytes.length + " bytes \"" + new String(bytes, StandardCharsets.UTF_8) + '"';
        }
        return String.valueOf(value);
    }
}
