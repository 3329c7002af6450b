package dev.kvkit.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kvkit.GetOptions;
import dev.kvkit.KvBinding;
import dev.kvkit.KvListPage;
import dev.kvkit.KvOperation;
import dev.kvkit.KvType;
import dev.kvkit.KvValueWithMetadata;
import dev.kvkit.ListOptions;
import dev.kvkit.PutOptions;
import dev.kvkit.internal.BindingChecks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A namespace's binding as served from one location, over the namespace's shared {@link
 * NamespaceCore}: every call's checks in the order Workers KV applies them ({@link BindingChecks},
 * {@link WriteRules}), then its {@link Reads} for single keys and its {@link Listing} for lists.
 *
 * <p>Both are chosen once, when the location is made: the default location reads the store
 * directly ({@link DirectReads}, {@link DirectListing}), so it sees its own writes at once; every
 * other location reads through its caches ({@link EdgeCachedReads}, {@link CachedListing}). Each has
 * a side-effect-free peek, which {@link FakeKvLocation} offers to assertions.
 */
final class Location implements KvBinding {

    private final NamespaceCore core;
    private final Reads reads;
    private final Listing listing;

    private Location(NamespaceCore core, Reads reads, Listing listing) {
        this.core = core;
        this.reads = reads;
        this.listing = listing;
    }

    /** The default location: strong, no cache. */
    static Location direct(NamespaceCore core) {
        return new Location(core, new DirectReads(core), new DirectListing(core));
    }

    /** A location that reads through its own edge and list caches. */
    static Location edgeCached(NamespaceCore core) {
        return new Location(core, new EdgeCachedReads(core), new CachedListing(core, new DirectListing(core)));
    }

    // ------------------------------------------------------------------ reads

    @Override
    public <T> T get(String key, KvType<T> type, GetOptions options) {
        core.checks.read(key, type, options);
        StoredValue found = reads.get(key, options, core.timeline.now());
        return found == null ? null : core.answers.decode(key, found, type);
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
        core.checks.read(key, type, options);
        return reads.getWithMetadata(key, type, options, core.timeline.now());
    }

    @Override
    public <T> Map<String, T> get(Collection<String> keys, KvType<T> type, GetOptions options) {
        return bulk(keys, type, options, (key, found) -> core.answers.decode(key, found, type));
    }

    @Override
    public <T> Map<String, KvValueWithMetadata<T>> getWithMetadata(
            Collection<String> keys, KvType<T> type, GetOptions options) {
        return bulk(keys, type, options, (key, found) -> core.answers.withMetadata(key, found, type, null));
    }

    private <T, R> Map<String, R> bulk(
            Collection<String> keys, KvType<T> type, GetOptions options, BiFunction<String, StoredValue, R> result) {
        BindingChecks checks = core.checks;
        LinkedHashSet<String> unique = checks.bulkRead(keys, type, options);
        // Key by key, in request order: its name, the cacheTtl, then (json) whether its value parses.
        // The checks only peek, so a refused read leaves this location's cache as it was.
        Timeline.Moment moment = core.timeline.now();
        boolean json = type.kind() == KvType.Kind.JSON;
        Map<String, StoredValue> found = new LinkedHashMap<>();
        long total = 0;
        for (String key : unique) {
            checks.key(key, KvOperation.GET_BULK);
            checks.cacheTtl(null, options, KvOperation.GET_BULK);
            StoredValue value = reads.peek(key, options, moment);
            total += checkBulkValue(key, value, json);
            found.put(key, value);
        }
        checkBulkTotal(total);
        // A write that raced this read changed what the location served: checked again, as the
        // service would have checked what it served.
        if (reads.readPeeked(found, options, moment)) {
            long served = 0;
            for (Map.Entry<String, StoredValue> entry : found.entrySet()) {
                served += checkBulkValue(entry.getKey(), entry.getValue(), json);
            }
            checkBulkTotal(served);
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
        if (json && !core.codec.isJson(value)) {
            throw BindingChecks.bulkNotJson(key);
        }
        return value.value.length;
    }

    private void checkBulkTotal(long total) {
        if (total > core.limits.maxBulkTotalBytes()) {
            throw KvErrors.bulkTooLarge(core.limits);
        }
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
        write(key, value, Location::readAll, options);
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
            return core.codec.write(value);
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
        if (core.writeRate != null && key != null) {
            core.writeRate.admit(key, KvOperation.PUT, core.timeline, moment -> {
                StoredValue record = prepare(key, source, options, moment);
                return () -> reads.write(key, record, moment);
            });
            return;
        }
        Timeline.Moment moment = core.timeline.now();
        reads.write(key, prepare(key, source, options, moment), moment);
    }

    private StoredValue prepare(String key, WriteRules.ValueSource source, PutOptions options, Timeline.Moment moment) {
        return WriteRules.prepare(key, source, options, moment, core.limits, core.codec);
    }

    @Override
    public void delete(String key) {
        core.checks.key(key, KvOperation.DELETE);
        if (core.writeRate != null) {
            core.writeRate.admit(
                    key, KvOperation.DELETE, core.timeline, moment -> () -> reads.write(key, null, moment));
        } else {
            reads.delete(key);
        }
    }

    // ------------------------------------------------------------------ list

    @Override
    public KvListPage list(ListOptions options) {
        return list(options, false);
    }

    private KvListPage list(ListOptions options, boolean peek) {
        BindingChecks.notNull(options, "options");
        int limit = options.limit().orElse(0);
        // Keys are well-formed, so on the prefix a Worker encodes, startsWith matches UTF-8 bytes.
        String prefix = Utf8.toWellFormed(options.prefix().orElse(""));
        core.checks.list(limit, prefix);
        if (limit <= 0) {
            limit = core.limits.maxListLimit();
        }
        String cursor = options.cursor().orElse(null);
        Timeline.Moment moment = core.timeline.now();
        return peek ? listing.peek(prefix, cursor, limit, moment) : listing.list(prefix, cursor, limit, moment);
    }

    // ------------------------------------------------------------------ side-effect-free, for tests

    /** What {@link #list(ListOptions)} would answer now, without caching the page: for assertions. */
    KvListPage peekList(ListOptions options) {
        return list(options, true);
    }

    /** What a read with these options would return now, without filling any cache. */
    StoredValue peek(String key, GetOptions options) {
        return reads.peek(key, options, core.timeline.now());
    }

    /**
     * The first instant, in epoch milliseconds, from which reads with these options see the key's
     * current record, if nothing writes in between; now in the default location.
     */
    long seesCurrentValueFrom(String key, GetOptions options) {
        core.checks.cacheTtl(key, options, KvOperation.GET);
        return reads.seesCurrentValueFrom(key, options, core.timeline.now());
    }

    /** Forgets every cached answer and page, for {@link FakeKvNamespace#reset()}. */
    void forgetCaches() {
        reads.forget();
        listing.forget();
    }

    /** The test-side view of a record this location found. */
    KvEntry entry(String key, StoredValue stored) {
        return core.entry(key, stored);
    }
}
