package dev.kvkit.cloudflare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.kvkit.KvJsonCodec;
import dev.kvkit.KvType;
import dev.kvkit.KvValueWithMetadata;
import dev.kvkit.PutOptions;
import dev.kvkit.internal.BindingChecks;
import dev.kvkit.internal.SerializedResults;
import dev.kvkit.internal.WorkerUtf8;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Values and metadata through the binding's {@link KvJsonCodec}, as the fake's {@code JsonCodec}
 * handles them: JSON parsed as strictly as {@code JSON.parse}, with the same messages, and metadata
 * kept as JSON text until a result is asked for it.
 */
final class ValueCodec {

    private final KvJsonCodec codec;

    ValueCodec(KvJsonCodec codec) {
        this.codec = codec;
    }

    KvJsonCodec codec() {
        return codec;
    }

    /** A value's bytes as a read type other than a stream. */
    @SuppressWarnings("unchecked")
    <T> T read(String key, byte[] bytes, KvType<T> type) {
        return switch (type.kind()) {
            case BYTES -> (T) bytes;
            // As a Worker's text(): ill-formed bytes become U+FFFD, one per maximal subpart.
            case TEXT -> (T) WorkerUtf8.decode(bytes);
            // As JSON.parse(await text()): decoded first, so invalid UTF-8 reads as U+FFFD.
            case JSON -> json(key, WorkerUtf8.decode(bytes), type);
            case STREAM -> throw new IllegalStateException("A stream is the response body, not bytes read");
        };
    }

    /** A value the bulk route gave as text, as a text or JSON read type. */
    @SuppressWarnings("unchecked")
    <T> T read(String key, String text, KvType<T> type) {
        return type.kind() == KvType.Kind.TEXT ? (T) text : json(key, text, type);
    }

    /** Parses a whole value; like {@code JSON.parse}, an empty value or trailing text is an error. */
    private <T> T json(String key, String json, KvType<T> type) {
        try {
            return codec.read(json, type.javaType());
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException(
                    "Value of key \"" + key + "\" is not JSON of type "
                            + TypeFactory.defaultInstance()
                                    .constructType(type.javaType())
                                    .toCanonical() + ": "
                            + e.getMessage(),
                    e.getCause());
        }
    }

    /** Whether the text parses as JSON at all; an empty value does not. */
    boolean isJson(String text) {
        try {
            codec.readTree(text);
            return true;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** A {@code putJson} value's JSON text. */
    byte[] json(Object value) {
        try {
            return codec.write(value);
        } catch (IllegalArgumentException e) {
            throw BindingChecks.valueNotSerialisable(cause(e));
        }
    }

    /** The metadata's JSON text, or null for none; a JSON null is no metadata, as in a Worker. */
    byte[] metadata(PutOptions options) {
        if (options.metadata().isEmpty()) {
            return null;
        }
        byte[] json;
        try {
            json = codec.write(options.metadata().get());
        } catch (IllegalArgumentException e) {
            throw BindingChecks.metadataNotSerialisable(cause(e));
        }
        return "null".equals(new String(json, StandardCharsets.UTF_8)) ? null : json;
    }

    /** The mapper's own exception, whose message the binding's names, as before codecs. */
    private static Exception cause(IllegalArgumentException e) {
        return e.getCause() instanceof Exception cause ? cause : e;
    }

    /** A read result whose metadata, taken from an answer, is parsed by the codec when asked for. */
    <T> KvValueWithMetadata<T> withMetadata(T value, JsonNode metadata) {
        return SerializedResults.get().valueWithMetadata(value, metadataBytes(metadata), codec, null);
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
