package dev.kvkit;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.kvkit.internal.DefaultObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;

/** {@link KvJsonCodec} over a Jackson 2 {@code ObjectMapper}. */
final class Jackson2JsonCodec implements KvJsonCodec {

    /**
     * The codec of every binding given none. Jackson mappers are thread-safe once configured, and this
     * one is never handed out, so no test can change it for another.
     */
    static final Jackson2JsonCodec DEFAULT = new Jackson2JsonCodec(null, "KvJsonCodec.defaults()");

    /** Every leniency Jackson offers beyond strict JSON, switched off for reads. */
    private static final JsonReadFeature[] STRICT = JsonReadFeature.values();

    private final ObjectMapper mapper;
    private final String description;

    /** A codec over {@code mapper}; {@code null} for kvkit's shared default, made when first used. */
    Jackson2JsonCodec(ObjectMapper mapper, String description) {
        this.mapper = mapper;
        this.description = description;
    }

    /** The mapper, for the bindings that still hand it out; the default's is never handed out. */
    ObjectMapper mapper() {
        return mapper != null ? mapper : DefaultObjectMapper.shared();
    }

    /**
     * The writer is made per call, so a mapper the application changes later is still honoured; that
     * costs two small objects per write.
     */
    @Override
    public byte[] write(Object value) {
        try {
            return stringify(mapper()).writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** {@code JSON.stringify}'s text from a Jackson 2 mapper: see {@link KvJsonCodec}. */
    static ObjectWriter stringify(ObjectMapper mapper) {
        return mapper.writer()
                .with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .without(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
                .without(JsonWriteFeature.ESCAPE_FORWARD_SLASHES);
    }

    @Override
    public <T> T read(String json, Type type) {
        requireText(json);
        if (type == null) {
            throw new IllegalArgumentException("type must not be null");
        }
        return parse(mapper(), json, type);
    }

    @Override
    public JsonNode readTree(String json) {
        requireText(json);
        return parse(mapper(), json, JsonNode.class);
    }

    /** Strict JSON through a Jackson 2 mapper; the Jackson 3 codec reads Jackson 2 trees with it too. */
    static <T> T parse(ObjectMapper mapper, String json, Type type) {
        try {
            if (json.isEmpty()) {
                throw new JsonParseException(null, EMPTY);
            }
            return mapper.readerFor(mapper.constructType(type))
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .withoutFeatures(STRICT)
                    .readValue(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    static final String EMPTY = "No content: an empty value is not JSON";

    static void requireText(String json) {
        if (json == null) {
            throw new IllegalArgumentException("json must not be null");
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
