package dev.kvkit.fake;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kvkit.internal.DefaultObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;

/** JSON values and metadata through the namespace's {@link ObjectMapper}, parsed as strictly as {@code JSON.parse}. */
final class JsonCodec {

    /**
     * The codec of every namespace built without a mapper: Jackson's defaults, the modules on the
     * class path, dates as ISO-8601 text. Jackson mappers are thread-safe once configured, and this
     * one is never handed out, so no test can change it for another.
     */
    static final JsonCodec DEFAULT = new JsonCodec(DefaultObjectMapper.create());

    /** Every leniency Jackson offers beyond strict JSON, switched off for reads of values. */
    private static final JsonReadFeature[] STRICT = JsonReadFeature.values();

    private final ObjectMapper mapper;

    JsonCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Writes {@code value} as the UTF-8 JSON text a Worker's {@code JSON.stringify} gives: a
     * supplementary character as its four bytes (by default Jackson's byte writer escapes each of its
     * surrogates, twelve bytes in all), a lone surrogate and a control character as a lower-case escape.
     * Everything else is the mapper's own configuration. The writer is made per call, so a mapper the
     * application changes later is still honoured; that costs two small objects per write.
     */
    byte[] write(Object value) throws JsonProcessingException {
        return mapper.writer()
                .with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .without(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
                .writeValueAsBytes(value);
    }

    /**
     * Parses a whole value as a Worker's {@code JSON.parse(await text())} does: the value decoded as
     * text first (so invalid UTF-8 in a string reads as U+FFFD), then parsed as strict JSON. An
     * empty value, trailing text, a byte-order mark and whatever leniency the mapper allows elsewhere
     * (comments, single quotes, {@code NaN}, ...) are errors. How the JSON binds to {@code type} is
     * the mapper's own.
     */
    <T> T read(String key, StoredValue stored, Type type) {
        JavaType javaType = mapper.getTypeFactory().constructType(type);
        try {
            return parse(stored.text(), javaType);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Value of key \"" + key + "\" is not JSON of type " + javaType.toCanonical() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** Returns whether the value parses as {@code JSON.parse(await text())} parses it. */
    boolean isJson(StoredValue stored) {
        try {
            parse(stored.text(), mapper.constructType(JsonNode.class));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private <T> T parse(String text, JavaType type) throws IOException {
        if (text.isEmpty()) {
            throw new JsonParseException(null, "No content: an empty value is not JSON");
        }
        return mapper.readerFor(type)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .withoutFeatures(STRICT)
                .readValue(text);
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
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored metadata is not JSON", e);
        }
    }
}
