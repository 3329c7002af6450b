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
import dev.kvkit.internal.BindingChecks;
import dev.kvkit.internal.SerializedResults;
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
import java.util.function.Function;

/**
 * A namespace as seen from one location: reads, bulk reads, list and the cacheTtl, bulk and list
 * rules, in the order Workers KV applies them, over the namespace's {@link EntryStore}. Key checks are
 * {@link dev.kvkit.internal.BindingChecks}'s and the rules of a write {@link WriteRules}'s.
 *
 * <p>The default location reads and writes the store directly, so it sees its own writes at once.
 * Another location reads single keys through its {@link EdgeCache} and lists through its {@link
 * ListPageCache}. Those, the write rate and the list stress mode are null or off in the default
 * location unless asked for, and each costs the default paths one branch, nothing more.
 */
final class LocationBinding implements KvBinding {

    private final FakeKvNamespace namespace;
    /** Null in the default location. */
    private final EdgeCache cache;
    /** Null in the default location. */
    private final ListPageCache listCache;
    /** Null unless the namespace enforces the write rate. */
    private final WriteRateLimit writeRate;

    private final boolean listStress;

    /** The default location: strong, no cache. */
    LocationBinding(FakeKvNamespace namespace) {
        this(namespace, null, null);
    }

    /** A location that reads through its own caches. */
    LocationBinding(FakeKvNamespace namespace, EdgeCache cache, ListPageCache listCache) {
        this.namespace = namespace;
        this.cache = cache;
        this.listCache = listCache;
        this.writeRate = namespace.writeRate();
        this.listStress = namespace.listStressMode();
    }

    // ------------------------------------------------------------------ reads

    @Override
    public <T> T get(String key, KvType<T> type, GetOptions options) {
        checkRead(key, type, options);
        Timeline.Moment moment = namespace.timeline().now();
        StoredValue found = cache == null
                ? namespace.store().get(key, moment)
                : cache.read(key, cacheTtlMillis(options), moment).value();
        return found == null ? null : decode(key, found, type);
    }

    /**
     * {@inheritDoc}
     *
     * <p>In a location with a cache, {@code cacheStatus} is {@code "HIT"} when the location's cache
     * answered (a cached miss included) and {@code "MISS"} when it fetched from the store; in the
     * default location it is null.
     */
    @Override
    public <T> KvValueWithMetadata<T> getWithMetadata(String key, KvType<T> type, GetOptions options) {
        checkRead(key, type, options);
        Timeline.Moment moment = namespace.timeline().now();
        if (cache == null) {
            return withMetadata(key, namespace.store().get(key, moment), type, null);
        }
        EdgeCache.Read read = cache.read(key, cacheTtlMillis(options), moment);
        return withMetadata(key, read.value(), type, read.status());
    }

    private <T> KvValueWithMetadata<T> withMetadata(String key, StoredValue found, KvType<T> type, String status) {
        if (found == null) {
            return new KvValueWithMetadata<>(null, null, status);
        }
        return SerializedResults.get()
                .valueWithMetadata(
                        decode(key, found, type),
                        found.metadataJson,
                        namespace.codec().mapper(),
                        status);
    }

    private void checkRead(String key, KvType<?> type, GetOptions options) {
        namespace.limits().checks().read(key, type, options);
    }

    /** The cache life a read asks for: its cacheTtl, or the default. */
    private long cacheTtlMillis(GetOptions options) {
        return Timeline.millis(options.cacheTtl().orElse(namespace.limits().defaultCacheTtlSeconds()));
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
                (key, found) -> SerializedResults.get()
                        .valueWithMetadata(
                                decode(key, found, type),
                                found.metadataJson,
                                namespace.codec().mapper(),
                                null));
    }

    private <T, R> Map<String, R> bulk(
            Collection<String> keys, KvType<T> type, GetOptions options, BiFunction<String, StoredValue, R> result) {
        KvLimits limits = namespace.limits();
        BindingChecks checks = limits.checks();
        LinkedHashSet<String> unique = checks.bulkRead(keys, type, options);
        // Key by key, in request order: its name, the cacheTtl, then (json) whether its value parses.
        // The checks only peek, so a refused read leaves this location's cache as it was.
        Timeline.Moment moment = namespace.timeline().now();
        boolean json = type.kind() == KvType.Kind.JSON;
        Map<String, StoredValue> found = new LinkedHashMap<>();
        long total = 0;
        for (String key : unique) {
            checks.key(key, KvOperation.GET_BULK);
            checks.cacheTtl(null, options, KvOperation.GET_BULK);
            StoredValue value = peek(key, options, moment);
            total += checkBulkValue(key, value, json);
            found.put(key, value);
        }
        if (total > limits.maxBulkTotalBytes()) {
            throw KvErrors.bulkTooLarge(limits);
        }
        if (cache != null) {
            readThroughCache(found, cacheTtlMillis(options), moment, json, limits);
        }
        Map<String, R> results = new LinkedHashMap<>();
        found.forEach((key, value) -> results.put(key, value == null ? null : result.apply(key, value)));
        return Collections.unmodifiableMap(results);
    }

    /** Checks one value of a bulk read, null for a miss, and returns its size toward the total. */
    private long checkBulkValue(String key, StoredValue value, boolean json) {
        if (value == null) {
            return 0;
        }
        if (json && !namespace.codec().isJson(value)) {
            throw BindingChecks.bulkNotJson(key);
        }
        return value.value.length;
    }

    /**
     * Reads the keys of an accepted bulk read through the cache, which then caches what it served.
     * The cache serves what the checks peeked unless a write raced this read; then the values it did
     * serve are checked again, as the service would have checked them.
     */
    private void readThroughCache(
            Map<String, StoredValue> found,
            long cacheTtlMillis,
            Timeline.Moment moment,
            boolean json,
            KvLimits limits) {
        boolean changed = false;
        for (Map.Entry<String, StoredValue> entry : found.entrySet()) {
            StoredValue served =
                    cache.read(entry.getKey(), cacheTtlMillis, moment).value();
            changed |= served != entry.getValue();
            entry.setValue(served);
        }
        if (changed) {
            long total = 0;
            for (Map.Entry<String, StoredValue> entry : found.entrySet()) {
                total += checkBulkValue(entry.getKey(), entry.getValue(), json);
            }
            if (total > limits.maxBulkTotalBytes()) {
                throw KvErrors.bulkTooLarge(limits);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T decode(String key, StoredValue found, KvType<T> type) {
        return switch (type.kind()) {
            case TEXT -> (T) found.text();
            case BYTES -> (T) found.value.clone();
            case STREAM -> (T) new ByteArrayInputStream(found.value);
            case JSON -> namespace.codec().read(key, found, type.javaType());
        };
    }

    // ------------------------------------------------------------------ writes

    @Override
    public void put(String key, String value, PutOptions options) {
        write(key, value, Utf8::encode, options);
    }

    @Override
    public void put(String key, byte[] value, PutOptions options) {
        write(key, value, byte[]::clone, options);
    }

    @Override
    public void put(String key, InputStream value, PutOptions options) {
        write(key, value, LocationBinding::readAll, options);
    }

    @Override
    public void putJson(String key, Object value, PutOptions options) {
        write(key, value, this::serialise, options);
    }

    private static byte[] readAll(InputStream value) {
        try {
            return value.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("KV put() could not read the value stream", e);
        }
    }

    private byte[] serialise(Object value) {
        try {
            return namespace.codec().write(value);
        } catch (JsonProcessingException e) {
            throw BindingChecks.valueNotSerialisable(e);
        }
    }

    /** A write of any value type: refusing {@code null} and encoding are its "value type" step. */
    private <V> void write(String key, V value, Function<V, byte[]> encode, PutOptions options) {
        write(
                key,
                () -> {
                    if (value == null) {
                        throw BindingChecks.nullValue();
                    }
                    return encode.apply(value);
                },
                options);
    }

    private void write(String key, WriteRules.ValueSource source, PutOptions options) {
        // A null key is refused by the rules, before any rate could apply to it.
        if (writeRate != null && key != null) {
            writeRate.admit(key, KvOperation.PUT, namespace.timeline(), moment -> {
                StoredValue record = prepare(key, source, options, moment);
                return () -> store(key, record, moment);
            });
            return;
        }
        Timeline.Moment moment = namespace.timeline().now();
        store(key, prepare(key, source, options, moment), moment);
    }

    private StoredValue prepare(String key, WriteRules.ValueSource source, PutOptions options, Timeline.Moment moment) {
        return WriteRules.prepare(key, source, options, moment, namespace.limits(), namespace.codec());
    }

    /**
     * Stores a checked record, or deletes when it is null, and caches it in this location's cache,
     * so the location sees its own write at once. The cached answer lives for the default cacheTtl,
     * as if the location had just read it.
     */
    private void store(String key, StoredValue record, Timeline.Moment moment) {
        EntryStore store = namespace.store();
        if (cache == null) {
            if (record == null) {
                store.remove(key);
            } else {
                store.put(key, record);
            }
            return;
        }
        Runnable storeWrite = record == null ? () -> store.remove(key) : () -> store.put(key, record);
        cache.write(key, record, moment, Timeline.millis(namespace.limits().defaultCacheTtlSeconds()), storeWrite);
    }

    @Override
    public void delete(String key) {
        namespace.limits().checks().key(key, KvOperation.DELETE);
        if (writeRate != null) {
            writeRate.admit(key, KvOperation.DELETE, namespace.timeline(), moment -> () -> store(key, null, moment));
        } else if (cache == null) {
            namespace.store().remove(key); // no instant needed
        } else {
            store(key, null, namespace.timeline().now());
        }
    }

    // ------------------------------------------------------------------ list

    @Override
    public KvListPage list(ListOptions options) {
        return list(options, false);
    }

    /** What {@link #list(ListOptions)} would answer now, without caching the page: for assertions. */
    KvListPage peekList(ListOptions options) {
        return list(options, true);
    }

    private KvListPage list(ListOptions options, boolean peek) {
        BindingChecks.notNull(options, "options");
        KvLimits limits = namespace.limits();
        int limit = options.limit().orElse(0);
        // Keys are well-formed, so on the prefix a Worker encodes, startsWith matches UTF-8 bytes.
        String prefix = Utf8.toWellFormed(options.prefix().orElse(""));
        limits.checks().list(limit, prefix);
        if (limit <= 0) {
            limit = limits.maxListLimit();
        }
        if (listCache != null || listStress) {
            return listSlice(prefix, options.cursor().orElse(null), limit, peek);
        }
        String after = ListCursor.decode(options.cursor().orElse(null));

        EntryStore.Page<KvListKey> page = namespace
                .store()
                .page(prefix, after, limit, namespace.timeline().now(), this::listKey);
        return new KvListPage(page.entries(), !page.more(), page.nextCursor());
    }

    /** A list through this location's page cache, or shaped by the stress mode, or both. */
    private KvListPage listSlice(String prefix, String cursor, int limit, boolean peek) {
        Timeline.Moment moment = namespace.timeline().now();
        String from = cursor == null || cursor.isEmpty() ? null : cursor;
        ListSlice slice;
        if (listCache == null) {
            slice = fetchSlice(prefix, from, limit, moment);
        } else if (peek) {
            slice = listCache.peek(
                    new ListPageCache.Query(prefix, from, limit),
                    moment.nowMillis(),
                    () -> fetchSlice(prefix, from, limit, moment));
        } else {
            slice = listCache.get(
                    new ListPageCache.Query(prefix, from, limit),
                    moment.nowMillis(),
                    Timeline.millis(namespace.limits().defaultCacheTtlSeconds()),
                    () -> fetchSlice(prefix, from, limit, moment));
        }
        List<KvListKey> keys = new ArrayList<>(slice.entries().size());
        for (Map.Entry<String, StoredValue> entry : slice.entries()) {
            // A cached page may hold keys that have expired since; expiration beats the cache.
            if (moment.sees(entry.getValue())) {
                keys.add(listKey(entry.getKey(), entry.getValue()));
            }
        }
        return new KvListPage(keys, slice.complete(), slice.cursor());
    }

    private ListSlice fetchSlice(String prefix, String cursor, int limit, Timeline.Moment moment) {
        EntryStore store = namespace.store();
        if (listStress) {
            ListStress.Position position = ListStress.decode(cursor);
            return ListStress.shape(prefix, position, limit, store.page(prefix, position.after(), limit, moment));
        }
        return ListSlice.of(store.page(prefix, ListCursor.decode(cursor), limit, moment));
    }

    private KvListKey listKey(String key, StoredValue value) {
        return SerializedResults.get()
                .listKey(
                        key,
                        value.expirationOrNull(),
                        value.metadataJson,
                        namespace.codec().mapper());
    }

    // ------------------------------------------------------------------ test-side queries

    /** What a read with these options would return now, without filling any cache. */
    StoredValue peek(String key, GetOptions options) {
        return peek(key, options, namespace.timeline().now());
    }

    private StoredValue peek(String key, GetOptions options, Timeline.Moment moment) {
        return cache == null ? namespace.store().peek(key, moment) : cache.peek(key, cacheTtlMillis(options), moment);
    }

    /**
     * The first instant, in epoch milliseconds, from which reads with these options see the key's
     * current record, if nothing writes in between; now in the default location.
     */
    long seesCurrentValueFrom(String key, GetOptions options) {
        namespace.limits().checks().cacheTtl(key, options, KvOperation.GET);
        Timeline.Moment moment = namespace.timeline().now();
        return cache == null ? moment.nowMillis() : cache.seesCurrentValueFrom(key, cacheTtlMillis(options), moment);
    }
}
