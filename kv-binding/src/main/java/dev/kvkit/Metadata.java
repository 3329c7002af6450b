package dev.kvkit;

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
