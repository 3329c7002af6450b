package dev.kvkit.fake;

import dev.kvkit.KvListKey;
import dev.kvkit.KvType;
import dev.kvkit.KvValueWithMetadata;
import dev.kvkit.internal.SerializedResults;
import java.io.ByteArrayInputStream;
import java.util.function.BiFunction;

/** Turns the records a location found into what the binding returns: values, values with metadata, list keys. */
final class Answers {

    private final JsonCodec codec;
    /** Made once, so that a list page does not make a method reference per call. */
    final BiFunction<String, StoredValue, KvListKey> listKey = this::listKey;

    Answers(JsonCodec codec) {
        this.codec = codec;
    }

    @SuppressWarnings("unchecked")
    <T> T decode(String key, StoredValue found, KvType<T> type) {
        return switch (type.kind()) {
            case TEXT -> (T) found.text();
            case BYTES -> (T) found.value.clone();
            case STREAM -> (T) new ByteArrayInputStream(found.value);
            case JSON -> codec.read(key, found, type.javaType());
        };
    }

    /** The value with its metadata; {@code found} is null for a miss, {@code status} null where no cache answered. */
    <T> KvValueWithMetadata<T> withMetadata(String key, StoredValue found, KvType<T> type, String status) {
        if (found == null) {
            return new KvValueWithMetadata<>(null, null, status);
        }
        return SerializedResults.get()
                .valueWithMetadata(decode(key, found, type), found.metadataJson, codec.mapper(), status);
    }

    KvListKey listKey(String key, StoredValue value) {
        return SerializedResults.get().listKey(key, value.expirationOrNull(), value.metadataJson, codec.mapper());
    }
}
