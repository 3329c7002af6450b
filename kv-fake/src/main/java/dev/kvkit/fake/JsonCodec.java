package dev.kvkit.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.kvkit.KvJsonCodec;
import dev.kvkit.internal.DefaultObjectMapper;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * JSON values and metadata through the namespace's {@link KvJsonCodec}, Jackson 2 or Jackson 3,
 * parsed as strictly as {@code JSON.parse}: the fake's messages and exceptions around the codec.
 *
 * <p>The codec writes as a Worker's {@code JSON.stringify} does (a supplementary character as its
 * four bytes, lower-case escapes, {@code /} unescaped) and reads as {@code JSON.parse(await text())}
 * does: the value decoded as text first (so invalid UTF-8 in a string reads as U+FFFD), then parsed
 * as strict JSON. An empty value, trailing text, a byte-order mark and whatever leniency the mapper
 * allows elsewhere (comments, single quotes, {@code NaN}, ...) are errors. How the JSON binds to a
 * type is the mapper's own.
 */
final class JsonCodec {

    /** The codec of every namespace built without a mapper or codec: {@link KvJsonCodec#defaults()}. */
    static final JsonCodec DEFAULT = new JsonCodec(KvJsonCodec.defaults(), null);

    private final KvJsonCodec codec;
    private final ObjectMapper objectMapper;

    /** A codec over a Jackson 2 mapper given to the namespace's builder. */
    JsonCodec(ObjectMapper objectMapper) {
        this(KvJsonCodec.jackson2(objectMapper), objectMapper);
    }

    /** A codec given to the namespace's builder. */
    JsonCodec(KvJsonCodec codec) {
        this(codec, null);
    }

    private JsonCodec(KvJsonCodec codec, ObjectMapper objectMapper) {
        this.codec = codec;
        this.objectMapper = objectMapper;
    }

    /**
     * The codec the namespace's results map metadata with. (Named {@code mapper()} because it took
     * the place of the {@code ObjectMapper} the results were once given, and its callers did not
     * change.)
     */
    KvJsonCodec mapper() {
        return codec;
    }

    /** The namespace's codec, as {@code FakeKvNamespace.jsonCodec()} gives it. */
    KvJsonCodec codec() {
        return codec;
    }

    /** The Jackson 2 mapper given to the builder, or null when the namespace was given a codec or nothing. */
    ObjectMapper objectMapper() {
        return objectMapper;
    }

    /** A Jackson 2 mapper for the bulk files' own JSON (not values): the one given, or kvkit's. */
    ObjectMapper treeMapper() {
        return objectMapper != null ? objectMapper : DefaultObjectMapper.shared();
    }

    /**
     * Writes {@code value} as the UTF-8 JSON text a Worker's {@code JSON.stringify} gives.
     *
     * @throws JsonProcessingException when the mapper cannot write it: Jackson 2's own exception, or
     *     one carrying Jackson 3's message and exception
     */
    byte[] write(Object value) throws JsonProcessingException {
        try {
            return codec.write(value);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof JsonProcessingException jackson2) {
                throw jackson2;
            }
            throw new NotWritable(e);
        }
    }

    /** Parses a whole value as {@code JSON.parse(await text())} does; see the class comment. */
    <T> T read(String key, StoredValue stored, Type type) {
        try {
            return codec.read(stored.text(), type);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException(
                    "Value of key \"" + key + "\" is not JSON of type "
                            + TypeFactory.defaultInstance().constructType(type).toCanonical() + ": " + e.getMessage(),
                    e.getCause());
        }
    }

    /** Returns whether the value parses as {@code JSON.parse(await text())} parses it. */
    boolean isJson(StoredValue stored) {
        try {
            codec.readTree(stored.text());
            return true;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** Returns whether serialised JSON is the literal {@code null}. */
    static boolean isJsonNull(byte[] json) {
        return json.length == 4 && json[0] == 'n' && json[1] == 'u' && json[2] == 'l' && json[3] == 'l';
    }

    /** Parses stored metadata, which the codec wrote itself. */
    JsonNode tree(byte[] json) {
        if (json == null) {
            return null;
        }
        try {
            return codec.readTree(new String(json, StandardCharsets.UTF_8));
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("Stored metadata is not JSON", e.getCause());
        }
    }

    /** A Jackson 3 write failure where the fake's callers expect Jackson 2's checked exception. */
    private static final class NotWritable extends JsonProcessingException {
        private static final long serialVersionUID = 1L;

        NotWritable(IllegalArgumentException failure) {
            super(failure.getMessage(), failure.getCause());
        }
    }
}
