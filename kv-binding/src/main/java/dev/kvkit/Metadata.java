package dev.kvkit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    static JsonNode tree(JsonNode tree, byte[] json, ObjectMapper mapper) {
        if (tree != null) {
            return tree.deepCopy();
        }
        if (json == null) {
            return null;
        }
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Metadata is not JSON: " + text(null, json), e);
        }
    }

    /**
     * Maps the metadata onto a Java type with the binding's mapper, or (for a result built from a
     * tree, in a unit test) with a mapper that knows the modules on the class path.
     */
    static <M> M typed(JsonNode tree, byte[] json, ObjectMapper mapper, JavaType type) {
        if (tree == null && json == null) {
            return null;
        }
        ObjectMapper reader = mapper != null ? mapper : DefaultMapper.INSTANCE;
        try {
            return tree != null ? reader.treeToValue(tree, type) : reader.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Metadata " + text(tree, json) + " cannot be read as " + type.toCanonical() + ": " + e.getMessage(),
                    e);
        }
    }

    static JavaType type(Class<?> type) {
        return DefaultMapper.INSTANCE.constructType(requireType(type));
    }

    static JavaType type(TypeReference<?> type) {
        return DefaultMapper.INSTANCE.getTypeFactory().constructType(requireType(type));
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

    static ObjectMapper requireMapper(byte[] json, ObjectMapper mapper) {
        if (json != null && mapper == null) {
            throw new IllegalArgumentException("mapper must not be null when metadata JSON is given");
        }
        return mapper;
    }
}
