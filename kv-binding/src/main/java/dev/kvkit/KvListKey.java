package dev.kvkit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kvkit.internal.SerializedResults;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One key of a {@link KvListPage}: its name and, when set, its expiration and metadata.
 *
 * <p>Metadata is parsed when {@link #metadata()} is called, and each call returns a tree of its own:
 * a page of 1000 keys costs no JSON parsing unless the caller reads it. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class KvListKey {

    private final String name;
    private final Long expiration;
    private final JsonNode metadataTree;
    private final byte[] metadataJson;
    private final KvJsonCodec codec;

    static {
        SerializedResults.install(new SerializedResults() {
            @Override
            public KvListKey listKey(String name, Long expiration, byte[] metadataJson, KvJsonCodec codec) {
                return new KvListKey(name, expiration, null, metadataJson, codec);
            }

            @Override
            public KvListPage listPage(List<KvListKey> keys, boolean listComplete, String cursor) {
                return KvListPage.handedOver(keys, listComplete, cursor);
            }

            @Override
            public <T> KvValueWithMetadata<T> valueWithMetadata(
                    T value, byte[] metadataJson, KvJsonCodec codec, String cacheStatus) {
                return KvValueWithMetadata.serialized(value, metadataJson, codec, cacheStatus);
            }

            @Override
            public byte[] metadataJson(KvListKey key) {
                if (key.metadataJson != null) {
                    return key.metadataJson;
                }
                return key.metadataTree == null
                        ? null
                        : key.metadataTree.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
        });
    }

    /**
     * Creates a key, for example to stub a list page in a unit test.
     *
     * @param name the key name
     * @param expiration when the key expires, in epoch seconds, or {@code null} when it never does
     * @param metadata the metadata, or {@code null} when it has none; copied
     */
    public KvListKey(String name, Long expiration, JsonNode metadata) {
        this(name, expiration, metadata == null ? null : metadata.deepCopy(), null, null);
    }

    private KvListKey(String name, Long expiration, JsonNode metadataTree, byte[] metadataJson, KvJsonCodec codec) {
        this.name = Objects.requireNonNull(name, "name");
        this.expiration = expiration;
        this.metadataTree = metadataTree;
        this.metadataJson = metadataJson;
        this.codec = Metadata.requireCodec(metadataJson, codec);
    }

    /**
     * Returns a key with neither expiration nor metadata.
     *
     * @param name the key name
     * @return the key
     */
    public static KvListKey of(String name) {
        return new KvListKey(name, null, null, null, null);
    }

    /**
     * Returns the key name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns when the key expires.
     *
     * @return the expiration in seconds since the UNIX epoch, or {@code null} when it never does
     */
    public Long expiration() {
        return expiration;
    }

    /**
     * Returns the expiration as an instant.
     *
     * @return when the key expires, or {@code null} when it never does
     */
    public Instant expirationInstant() {
        return expiration == null ? null : Instant.ofEpochSecond(expiration);
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
     * Owner owner = kv.list().keys().get(0).metadata(Owner.class);
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
     * Returns whether the other object is a key with the same name, expiration and equal metadata.
     *
     * @param other the object to compare with
     * @return whether both keys are equal
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof KvListKey that
                && name.equals(that.name)
                && Objects.equals(expiration, that.expiration)
                && Objects.equals(metadata(), that.metadata());
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, expiration, metadata());
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("KvListKey[name=\"").append(name).append('"');
        if (expiration != null) {
            text.append(", expiration=").append(expiration);
        }
        if (metadataTree != null || metadataJson != null) {
            text.append(", metadata=").append(Metadata.text(metadataTree, metadataJson));
        }
        return text.append(']').toString();
    }
}
