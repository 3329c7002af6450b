package dev.kvkit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Metadata inside a result, held either as a tree or as the JSON text it was stored as, and parsed
 * only when asked for. A list page of 1000 keys then costs no parsing unless the caller reads the
 * metadata, and every call returns a tree of its own, so changing it never changes the result.
 *
 * <p>Results keep the three parts in fields of their own rather than in an instance of this class:
 * a page of 1000 keys is then 1000 objects, not 2000.
 */
final class Metadata {

    private Metadata() {}

    /** Returns a tree of the caller's own, or null when there is no metadata. */
    static JsonNode tree(JsonNode tree, byte[] json, KvJsonCodec codec) {
        if (tree != null) {
            return tree.deepCopy();
        }
        if (json == null) {
            return null;
        }
        try {
            return codec.readTree(new String(json, StandardCharsets.UTF_8));
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("Metadata is not JSON: " + text(null, json), e.getCause());
        }
    }

    /**
     * Maps the metadata onto a Java type with the binding's codec, so the application's own mapper
     * configuration applies, or (for a result built from a tree, in a unit test) with the default
     * codec, which knows the Jackson 2 modules on the class path.
     */
    static <M> M typed(JsonNode tree, byte[] json, KvJsonCodec codec, Type type) {
        if (tree == null && json == null) {
            return null;
        }
        KvJsonCodec reader = codec != null ? codec : KvJsonCodec.defaults();
        try {
            String text = json != null ? new String(json, StandardCharsets.UTF_8) : tree.toString();
            return reader.read(text, type);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException(
                    "Metadata " + text(tree, json) + " cannot be read as " + typeName(type) + ": " + e.getMessage(),
                    e.getCause());
        }
    }

    static Type type(Class<?> type) {
        return requireType(type);
    }

    static Type type(TypeReference<?> type) {
        return requireType(type).getType();
    }

    /** A Java type as kvkit's messages name it, whichever codec reads it. */
    static String typeName(Type type) {
        return TypeFactory.defaultInstance().constructType(type).toCanonical();
    }

    private static <T> T requireType(T type) {
        if (type == null) {
            throw new IllegalArgumentException("type must not be null");
        }
        return type;
    }

    /** The metadata as compact JSON text, or {@code "null"}, for {@code toString}. */
    static String text(JsonNode tree, byte[] json) {
        if (json != null) {
            return new String(json, StandardCharsets.UTF_8);
        }
        return tree == null ? "null" : tree.toString();
    }

    static KvJsonCodec requireCodec(byte[] json, KvJsonCodec codec) {
        if (json != null && codec == null) {
            throw new IllegalArgumentException("codec must not be null when metadata JSON is given");
        }
        return codec;
    }
}
