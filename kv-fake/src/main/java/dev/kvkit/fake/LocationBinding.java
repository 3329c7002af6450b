package dev.kvkit.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kvkit.GetOptions;
import dev.kvkit.KvBinding;
import dev.kvkit.KvListKey;
import dev.kvkit.KvListPage;
import dev.kvkit.KvOperation;
import dev.kvkit.KvType;
import dev.kvkit.KvValueWithMetadata;
import dev.kvkit.ListOptions;
import dev.kvkit.PutOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A namespace as seen from one location: the binding's rules (key names, value types, sizes,
 * expirations, cacheTtl, list and bulk rules) in the order Workers KV applies them, over the
 * namespace's {@link EntryStore}.
 *
 * <p>The default location reads and writes the store directly, so it sees its own writes at once.
 */
final class LocationBinding implements KvBinding {

    private final FakeKvNamespace namespace;

    LocationBinding(FakeKvNamespace namespace) {
        this.namespace = namespace;
    }

    // ------------------------------------------------------------------ reads

    @Override
    public <T> T get(String key, KvType<T> type, GetOptions options) {
        StoredValue found = read(key, type, options);
        return found == null ? null : decode(key, found, type);
    }

    @Override
    public <T> KvValueWithMetadata<T> getWithMetadata(String key, KvType<T> type, GetOptions options) {
        StoredValue found = read(key, type, options);
        if (found == null) {
            return new KvValueWithMetadata<>(null, null, null);
        }
        return new KvValueWithMetadata<>(
                decode(key, found, type), namespace.codec().tree(found.metadataJson), null);
    }

    private StoredValue read(String key, KvType<?> type, GetOptions options) {
        checkKey(key, KvOperation.GET);
        notNull(type, "type");
        notNull(options, "options");
        checkCacheTtl(options, KvOperation.GET);
        return namespace.store().get(key, namespace.timeline().now());
    }

    @Override
    public <T> Map<String, T> get(Collection<String> keys, KvType<T> type, GetOptions options) {
        return bulk(keys, type, options, (key, found) -> decode(key, found, type));
    }

    @Override
    public <T> Map<String, KvValueWithMetadata<T>> getWithMetadata(
            Collection<String> keys, KvType<T> type, GetOptions options) {
        return bulk(
                keys,
                type,
                options,
                (key, found) -> new KvValueWithMetadata<>(
                        decode(key, found, type), namespace.codec().tree(found.metadataJson), null));
    }

    private <T, R> Map<String, R> bulk(
            Collection<String> keys, KvType<T> type, GetOptions options, BiFunction<String, StoredValue, R> result) {
        notNull(keys, "keys");
        notNull(type, "type");
        notNull(options, "options");
        KvLimits limits = namespace.limits();
        if (type.kind() != KvType.Kind.TEXT && type.kind() != KvType.Kind.JSON) {
            throw KvErrors.bulkType(type.kind().workersName());
        }
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String key : keys) {
            if (key == null) {
                throw KvErrors.nullArgument("A key in keys");
            }
            unique.add(key);
        }
        if (keys.size() > limits.maxBulkKeys()) {
            throw KvErrors.bulkTooManyKeys(limits);
        }
        if (unique.isEmpty()) {
            throw KvErrors.bulkNoKeys();
        }
        for (String key : unique) {
            if (key.isEmpty()) {
                throw KvErrors.bulkEmptyKey();
            }
            if (key.equals(".") || key.equals("..")) {
                throw KvErrors.bulkIllegalKey(key);
            }
            int bytes = Utf8.length(key);
            if (bytes > limits.maxKeyBytes()) {
                throw KvErrors.keyTooLong(KvOperation.GET_BULK, bytes, limits);
            }
        }
        checkCacheTtl(options, KvOperation.GET_BULK);

        Timeline.Moment moment = namespace.timeline().now();
        Map<String, StoredValue> found = new LinkedHashMap<>();
        long total = 0;
        for (String key : unique) {
            StoredValue value = namespace.store().get(key, moment);
            found.put(key, value);
            if (value != null) {
                if (type.kind() == KvType.Kind.JSON && !namespace.codec().isJson(value.value)) {
                    throw KvErrors.bulkNotJson();
                }
                total += value.value.length;
            }
        }
        if (total > limits.maxBulkTotalBytes()) {
            throw KvErrors.bulkTooLarge(limits);
        }
        Map<String, R> results = new LinkedHashMap<>();
        found.forEach((key, value) -> results.put(key, value == null ? null : result.apply(key, value)));
        return Collections.unmodifiableMap(results);
    }

    @SuppressWarnings("unchecked")
    private <T> T decode(String key, StoredValue found, KvType<T> type) {
        return switch (type.kind()) {
            case TEXT -> (T) found.text();
            case BYTES -> (T) found.value.clone();
            case STREAM -> (T) new ByteArrayInputStream(found.value);
            case JSON -> namespace.codec().read(key, found.value, type.javaType());
        };
    }

    private void checkCacheTtl(GetOptions options, KvOperation operation) {
        if (options.cacheTtl().isPresent()) {
            long cacheTtl = options.cacheTtl().getAsLong();
            if (cacheTtl < namespace.limits().minCacheTtlSeconds()) {
                throw KvErrors.cacheTtlTooShort(operation, cacheTtl, namespace.limits());
            }
        }
    }

    // ------------------------------------------------------------------ writes

    @Override
    public void put(String key, String value, PutOptions options) {
        write(
                key,
                () -> {
                    if (value == null) {
                        throw KvErrors.nullValue();
                    }
                    return Utf8.encode(value);
                },
                options);
    }

    @Override
    public void put(String key, byte[] value, PutOptions options) {
        write(
                key,
                () -> {
                    if (value == null) {
                        throw KvErrors.nullValue();
                    }
                    return value.clone();
                },
                options);
    }

    @Override
    public void put(String key, InputStream value, PutOptions options) {
        write(
                key,
                () -> {
                    if (value == null) {
                        throw KvErrors.nullValue();
                    }
                    try {
                        return value.readAllBytes();
                    } catch (IOException e) {
                        throw new UncheckedIOException("KV put() could not read the value stream", e);
                    }
                },
                options);
    }

    @Override
    public void putJson(String key, Object value, PutOptions options) {
        write(
                key,
                () -> {
                    if (value == null) {
                        throw KvErrors.nullValue();
                    }
                    try {
                        return namespace.codec().write(value);
                    } catch (JsonProcessingException e) {
                        throw KvErrors.valueNotSerialisable(e);
                    }
                },
                options);
    }

    private void write(String key, ValueSource source, PutOptions options) {
        StoredValue record = prepare(key, source, options, namespace.timeline().now());
        namespace.store().put(key, record);
    }

    /**
     * Applies every rule of a write, in Workers KV's order, and returns the record to store. Nothing
     * is written here, so a refused write changes nothing.
     */
    StoredValue prepare(String key, ValueSource source, PutOptions options, Timeline.Moment moment) {
        KvLimits limits = namespace.limits();
        checkKey(key, KvOperation.PUT);
        if (Utf8.hasLoneSurrogate(key)) {
            throw KvErrors.keyNotEncodable();
        }
        notNull(options, "options");
        byte[] bytes = source.bytes();
        byte[] metadata = null;
        if (options.metadata().isPresent()) {
            try {
                metadata = namespace.codec().write(options.metadata().get());
            } catch (JsonProcessingException e) {
                throw KvErrors.metadataNotSerialisable(e);
            }
        }
        long expiration = expiration(options, moment, limits);
        if (metadata != null && metadata.length > limits.maxMetadataBytes()) {
            throw KvErrors.metadataTooLarge(metadata.length, limits);
        }
        if (bytes.length > limits.maxValueBytes()) {
            throw KvErrors.valueTooLarge(bytes.length, limits);
        }
        return new StoredValue(bytes, metadata, expiration, moment.nowMillis(), moment.mark());
    }

    private static long expiration(PutOptions options, Timeline.Moment moment, KvLimits limits) {
        long now = moment.nowSeconds();
        if (options.expirationTtl().isPresent()) {
            long ttl = options.expirationTtl().getAsLong();
            checkInt32("expiration_ttl", ttl);
            if (ttl <= 0) {
                throw KvErrors.ttlNotPositive(ttl);
            }
            if (ttl < limits.minExpirationTtlSeconds()) {
                throw KvErrors.ttlTooShort(ttl, limits);
            }
            return now + ttl;
        }
        if (options.expiration().isPresent()) {
            long expiration = options.expiration().getAsLong();
            checkInt32("expiration", expiration);
            if (expiration <= now) {
                throw KvErrors.expirationNotInFuture(expiration);
            }
            if (expiration < now + limits.minExpirationTtlSeconds()) {
                throw KvErrors.expirationTooSoon(expiration, limits);
            }
            return expiration;
        }
        return StoredValue.NEVER;
    }

    private static void checkInt32(String option, long value) {
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            throw KvErrors.expirationOutOfRange(option, value);
        }
    }

    @Override
    public void delete(String key) {
        checkKey(key, KvOperation.DELETE);
        namespace.store().remove(key);
    }

    // ------------------------------------------------------------------ list

    @Override
    public KvListPage list(ListOptions options) {
        notNull(options, "options");
        KvLimits limits = namespace.limits();
        int limit = options.limit().orElse(0);
        if (limit > limits.maxListLimit()) {
            throw KvErrors.listLimitTooLarge(limit, limits);
        }
        if (limit <= 0) {
            limit = limits.maxListLimit();
        }
        String prefix = options.prefix().orElse("");
        int prefixBytes = Utf8.length(prefix);
        if (prefixBytes > limits.maxKeyBytes()) {
            throw KvErrors.keyTooLong(KvOperation.GET, prefixBytes, limits);
        }
        String after = ListCursor.decode(options.cursor().orElse(null));

        EntryStore.Page page = namespace
                .store()
                .page(prefix, after, limit, namespace.timeline().now());
        List<KvListKey> keys = new ArrayList<>(page.entries().size());
        for (Map.Entry<String, StoredValue> entry : page.entries()) {
            StoredValue value = entry.getValue();
            keys.add(new KvListKey(
                    entry.getKey(),
                    value.expirationSeconds == StoredValue.NEVER ? null : value.expirationSeconds,
                    namespace.codec().tree(value.metadataJson)));
        }
        String cursor =
                page.more() ? ListCursor.encode(keys.get(keys.size() - 1).name()) : null;
        return new KvListPage(keys, !page.more(), cursor);
    }

    // ------------------------------------------------------------------ keys

    private void checkKey(String key, KvOperation operation) {
        if (key == null) {
            throw KvErrors.nullArgument("Key name");
        }
        if (key.isEmpty()) {
            throw KvErrors.emptyKey();
        }
        if (key.equals(".") || key.equals("..")) {
            throw KvErrors.dotKey(key);
        }
        int bytes = Utf8.length(key);
        if (bytes > namespace.limits().maxKeyBytes()) {
            throw KvErrors.keyTooLong(operation, bytes, namespace.limits());
        }
    }

    private static void notNull(Object argument, String name) {
        if (argument == null) {
            throw KvErrors.nullArgument(name);
        }
    }

    /** Produces a write's bytes; this is the "value type" step of a write's checks. */
    @FunctionalInterface
    interface ValueSource {
        byte[] bytes();
    }
}
