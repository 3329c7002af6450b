package dev.kvkit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * How a read returns a value: the Workers read types {@code "text"}, {@code "json"}, {@code
 * "arrayBuffer"} and {@code "stream"}, with the Java type each one gives.
 *
 * <pre>{@code
 * String text = kv.get("greeting", KvType.TEXT);
 * Todo todo = kv.get("to-do:123", KvType.json(Todo.class));
 * byte[] raw = kv.get("avatar", KvType.BYTES);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param <T> the Java type a read of this type returns
 * @since 0.1.0
 */
public final class KvType<T> {

    /** The kinds of read Workers KV knows. */
    public enum Kind {
        /** The value as UTF-8 text; invalid bytes become U+FFFD. */
        TEXT("text"),
        /** The value parsed as JSON. */
        JSON("json"),
        /** The value's raw bytes. */
        BYTES("arrayBuffer"),
        /** The value's raw bytes as a stream. */
        STREAM("stream");

        private final String workersName;

        Kind(String workersName) {
            this.workersName = workersName;
        }

        /**
         * Returns the name Workers KV uses for this read type, as it appears in error messages.
         *
         * @return {@code "text"}, {@code "json"}, {@code "arrayBuffer"} or {@code "stream"}
         */
        public String workersName() {
            return workersName;
        }
    }

    /** The value as a {@code String}; the default read type. */
    public static final KvType<String> TEXT = new KvType<>(Kind.TEXT, String.class);

    /** The value parsed as a JSON tree. */
    public static final KvType<JsonNode> JSON = new KvType<>(Kind.JSON, JsonNode.class);

    /** The value's bytes, as a fresh array the caller owns. */
    public static final KvType<byte[]> BYTES = new KvType<>(Kind.BYTES, byte[].class);

    /** The value's bytes as an {@code InputStream}. */
    public static final KvType<InputStream> STREAM = new KvType<>(Kind.STREAM, InputStream.class);

    private final Kind kind;
    private final Type javaType;

    private KvType(Kind kind, Type javaType) {
        this.kind = kind;
        this.javaType = javaType;
    }

    /**
     * Returns the read type that parses the value as JSON into the given class.
     *
     * @param type the class to decode into, with the binding's {@code ObjectMapper}
     * @param <T> the decoded type
     * @return the read type
     */
    public static <T> KvType<T> json(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return new KvType<>(Kind.JSON, type);
    }

    /**
     * Returns the read type that parses the value as JSON into a generic type.
     *
     * <pre>{@code
     * List<Todo> todos = kv.get("to-do:all", KvType.json(new TypeReference<List<Todo>>() {}));
     * }</pre>
     *
     * @param type the type to decode into
     * @param <T> the decoded type
     * @return the read type
     */
    public static <T> KvType<T> json(TypeReference<T> type) {
        Objects.requireNonNull(type, "type");
        return new KvType<>(Kind.JSON, type.getType());
    }

    /**
     * Returns the kind of read.
     *
     * @return the kind, never null
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Returns the Java type a read returns; for JSON reads, the type values are decoded into.
     *
     * @return the Java type, never null
     */
    public Type javaType() {
        return javaType;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KvType<?> that && kind == that.kind && javaType.equals(that.javaType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, javaType);
    }

    @Override
    public String toString() {
        return "KvType[" + kind.workersName() + (kind == Kind.JSON ? " as " + javaType.getTypeName() : "") + "]";
    }
}
