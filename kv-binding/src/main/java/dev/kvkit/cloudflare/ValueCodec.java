package dev.kvkit.cloudflare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kvkit.KvType;
import dev.kvkit.KvValueWithMetadata;
import dev.kvkit.PutOptions;
import dev.kvkit.internal.BindingChecks;
import dev.kvkit.internal.SerializedResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Values and metadata through the binding's {@link ObjectMapper}, as the fake's {@code JsonCodec}
 * handles them: JSON parsed as strictly as {@code JSON.parse}, with the same messages, and metadata
 * kept as JSON text until a result is asked for it.
 */
final class ValueCodec {

    private final ObjectMapper mapper;

    ValueCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** A value's bytes as a read type other than a stream. */
    @SuppressWarnings("unchecked")
    <T> T read(String key, byte[] bytes, KvType<T> type) {
        return switch (type.kind()) {
            case BYTES -> (T) bytes;
            case TEXT -> (T) new String(bytes, StandardCharsets.UTF_8);
            case JSON -> json(key, bytes, type);
            case STREAM -> throw new IllegalStateException("A stream is the response body, not bytes read");
        };
    }

    /** A value the bulk route gave as text, as a text or JSON read type. */
    @SuppressWarnings("unchecked")
    <T> T read(String key, String text, KvType<T> type) {
        return type.kind() == KvType.Kind.TEXT ? (T) text : json(key, text.getBytes(StandardCharsets.UTF_8), type);
    }

    /** Parses a whole value; like {@code JSON.parse}, an empty value or trailing text is an error. */
    private <T> T json(String key, byte[] json, KvType<T> type) {
        JavaType javaType = mapper.getTypeFactory().constructType(type.javaType());
        try {
            if (json.length == 0) {
                throw new IOException("No content: an empty value is not JSON");
            }
            return mapper.readerFor(javaType)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readValue(json);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Value of key \"" + key + "\" is not JSON of type " + javaType.toCanonical() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** Whether the text parses as JSON at all; an empty value does not. */
    boolean isJson(String text) {
        if (text.isEmpty()) {
            return false;
        }
        try {
            mapper.readerFor(JsonNode.class)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readValue(text);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A {@code putJson} value's JSON text. */
    byte[] json(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw BindingChecks.valueNotSerialisable(e);
        }
    }

    /** The metadata's JSON text, or null for none; a JSON null is no metadata, as in a Worker. */
    byte[] metadata(PutOptions options) {
        if (options.metadata().isEmpty()) {
            return null;
        }
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(options.metadata().get());
        } catch (JsonProcessingException e) {
            throw BindingChecks.metadataNotSerialisable(e);
        }
        return "null".equals(new String(json, StandardCharsets.UTF_8)) ? null : json;
    }

    /** A read result whose metadata, taken from an answer, is parsed by the mapper when asked for. */
    <T> KvValueWithMetadata<T> withMetadata(T value, JsonNode metadata) {
        return SerializedResults.get().valueWithMetadata(value, metadataBytes(metadata), mapper, null);
    }

    /** The metadata's JSON text, or null for none (absent or JSON null). */
    static byte[] metadataBytes(JsonNode metadata) {
        if (metadata == null || metadata.isMissingNode() || metadata.isNull()) {
            return null;
        }
        try {
            return Transport.WIRE.writeValueAsBytes(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }
}
