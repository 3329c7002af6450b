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
 */
final class Metadata {

    static final Metadata NONE = new Metadata(null, null, null);

    private final JsonNode tree;
    private final byte[] json;
    private final ObjectMapper mapper;

    private Metadata(JsonNode tree, byte[] json, ObjectMapper mapper) {
        this.tree = tree;
        this.json = json;
        this.mapper = mapper;
    }

    static Metadata ofTree(JsonNode tree) {
        return tree == null ? NONE : new Metadata(tree.deepCopy(), null, null);
    }

    static Metadata ofJson(byte[] json, ObjectMapper mapper) {
        if (json == null) {
            return NONE;
        }
        if (mapper == null) {
            throw new IllegalArgumentException("mapper must not be null when metadata JSON is given");
        }
        return new Metadata(null, json, mapper);
    }

    boolean isPresent() {
        return tree != null || json != null;
    }

    /** Returns a tree of the caller's own, or null when there is no metadata. */
    JsonNode tree() {
        if (tree != null) {
            return tree.deepCopy();
        }
        if (json == null) {
            return null;
        }
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Metadata is not JSON: " + text(), e);
        }
    }

    /** The metadata as compact JSON text, for {@code toString}. */
    String text() {
        if (json != null) {
            return new String(json, StandardCharsets.UTF_8);
        }
        return tree == null ? "null" : tree.toString();
    }
}
