package dev.kvkit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The result of {@code getWithMetadata}: a value, its metadata and, where the consistency model
 * knows it, how the reading location's cache answered.
 *
 * <p>For a missing or expired key, {@link #value()} and {@link #metadata()} are both {@code null}.
 * Metadata is parsed when {@link #metadata()} is called, and each call returns a tree of its own, so
 * changing it never changes the result or the stored entry.
 *
 * <p>Instances are immutable (a stream value can of course be read only once) and thread-safe.
 *
 * @param <T> the value's Java type
 * @since 0.1.0
 */
public final class KvValueWithMetadata<T> {

    private final T value;
    private final JsonNode metadataTree;
    private final byte[] metadataJson;
    private final KvJsonCodec codec;
    private final String cacheStatus;

    /**
     * Creates a result, for example to stub a {@link KvBinding} in a unit test.
     *
     * @param value the value, or {@code null} when the key does not exist
     * @param metadata the metadata, or {@code null} when the key has none; copied
     * @param cacheStatus how the reading location's cache answered, or {@code null}
     */
    public KvValueWithMetadata(T value, JsonNode metadata, String cacheStatus) {
        this(value, metadata == null ? null : metadata.deepCopy(), null, null, cacheStatus);
    }

    private KvValueWithMetadata(
            T value, JsonNode metadataTree, byte[] metadataJson, KvJsonCodec codec, String cacheStatus) {
        this.value = value;
        this.metadataTree = metadataTree;
        this.metadataJson = metadataJson;
        this.codec = Metadata.requireCodec(metadataJson, codec);
        this.cacheStatus = cacheStatus;
    }

    /** Metadata kept serialised until read; reached through {@code SerializedResults}. */
    static <T> KvValueWithMetadata<T> serialized(T value, byte[] metadataJson, KvJsonCodec codec, String cacheStatus) {
        return new KvValueWithMetadata<>(value, null, metadataJson, codec, cacheStatus);
    }

    /**
     * Returns the value.
     *
     * @return the value as the read type gives it, or {@code null} when the key does not exist
     */
    public T value() {
        return value;
    }

    /**
     * Returns the metadata, parsed; each call returns a new tree.
     *
     * @return the metadata, or {@code null} when the key has none
     */
    public JsonNode metadata() {
        return Metadata.tree(metadataTree, metadataJson, codec);
    }

    /**
     * Returns the metadata mapped onto a Java type, the way it went in with {@code
     * PutOptions.withMetadata(record)}: through the binding's {@link KvJsonCodec}, so the
     * application's own mapper (Jackson 2 or Jackson 3) with its modules and naming applies. A
     * result built from a tree, in a unit test, uses {@link KvJsonCodec#defaults()}.
     *
     * <pre>{@code
     * Owner owner = kv.getWithMetadata("to-do:1").metadata(Owner.class);
     * }</pre>
     *
     * @param type the Java type to map the metadata onto
     * @param <M> the metadata's Java type
     * @return the metadata, or {@code null} when there is none
     * @throws java.io.UncheckedIOException when the metadata does not map onto {@code type}
     * @since 0.1.0
     */
    public <M> M metadata(Class<M> type) {
        return Metadata.typed(metadataTree, metadataJson, codec, Metadata.type(type));
    }

    /**
     * Returns the metadata mapped onto a generic Java type, such as {@code Map<String, Integer>},
     * through the binding's {@link KvJsonCodec}, as {@link #metadata(Class)}.
     *
     * @param type the Java type to map the metadata onto
     * @param <M> the metadata's Java type
     * @return the metadata, or {@code null} when there is none
     * @throws java.io.UncheckedIOException when the metadata does not map onto {@code type}
     * @since 0.1.0
     */
    public <M> M metadata(TypeReference<M> type) {
        return Metadata.typed(metadataTree, metadataJson, codec, Metadata.type(type));
    }

    /**
     * Returns how the reading location's cache answered.
     *
     * @return {@code "HIT"}, {@code "MISS"} or {@code "STALE"}, or {@code null} when not modelled
     */
    public String cacheStatus() {
        return cacheStatus;
    }

    /**
     * Returns whether the key existed: a value was found.
     *
     * @return {@code true} when {@link #value()} is not null
     */
    public boolean isPresent() {
        return value != null;
    }

    /**
     * Returns whether the other object is a result with an equal value (arrays by content), equal
     * metadata trees and the same cache status.
     *
     * @param other the object to compare with
     * @return whether both results are equal
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof KvValueWithMetadata<?> that
                && Objects.deepEquals(value, that.value)
                && Objects.equals(metadata(), that.metadata())
                && Objects.equals(cacheStatus, that.cacheStatus);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                value instanceof byte[] bytes ? Arrays.hashCode(bytes) : Objects.hashCode(value),
                metadata(),
                cacheStatus);
    }

    @Override
    public String toString() {
        return "KvValueWithMetadata[value=" + describe(value) + ", metadata="
                + Metadata.text(metadataTree, metadataJson) + ", cacheStatus=" + cacheStatus + "]";
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
