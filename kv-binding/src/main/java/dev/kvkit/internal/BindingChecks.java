package dev.kvkit.internal;

import dev.kvkit.GetOptions;
import dev.kvkit.KvException;
import dev.kvkit.KvJsonCodec;
import dev.kvkit.KvOperation;
import dev.kvkit.KvType;
import dev.kvkit.PutOptions;
import java.util.Collection;
import java.util.LinkedHashSet;

/**
 * Not API: the checks a Workers binding makes before any request, and the service's rules that need
 * no clock, with their texts worded exactly as Workers KV words them. kvkit's fake and its REST
 * client both check through this one class, so a test cannot tell them apart by a message.
 *
 * <p>An instance carries the limits the checks compare against: {@link #CLOUDFLARE} for the client,
 * the namespace's own profile for the fake. Each check takes the operation its error texts name. A
 * caller composes the checks in its own order; the order is the caller's to document.
 *
 * <p>Binding-side argument errors are {@link IllegalArgumentException}s; service answers are {@link
 * KvException}s. Immutable and thread-safe.
 */
public final class BindingChecks {

    /** Cloudflare's limits, as the service enforces them. */
    public static final BindingChecks CLOUDFLARE = new BindingChecks(512, 1000, 100, 60, 30);

    private final int maxKeyBytes;
    private final int maxListLimit;
    private final int maxBulkKeys;
    private final long minExpirationTtlSeconds;
    private final long minCacheTtlSeconds;

    /**
     * Makes checks against these limits.
     *
     * @param maxKeyBytes the longest key name, in UTF-8 bytes
     * @param maxListLimit the largest list page
     * @param maxBulkKeys the most keys one bulk read may ask for
     * @param minExpirationTtlSeconds the shortest expiration TTL
     * @param minCacheTtlSeconds the shortest cacheTtl of a read
     */
    public BindingChecks(
            int maxKeyBytes, int maxListLimit, int maxBulkKeys, long minExpirationTtlSeconds, long minCacheTtlSeconds) {
        this.maxKeyBytes = maxKeyBytes;
        this.maxListLimit = maxListLimit;
        this.maxBulkKeys = maxBulkKeys;
        this.minExpirationTtlSeconds = minExpirationTtlSeconds;
        this.minCacheTtlSeconds = minCacheTtlSeconds;
    }

    // ------------------------------------------------------------------ checks

    /**
     * Returns the codec a builder was given, refusing {@code null} with the factories that make one:
     * the one text of every builder's {@code jsonCodec}.
     *
     * @param jsonCodec the codec
     * @return the codec
     * @throws IllegalArgumentException when it is null
     */
    public static KvJsonCodec jsonCodec(KvJsonCodec jsonCodec) {
        if (jsonCodec == null) {
            throw new IllegalArgumentException(
                    "jsonCodec must not be null: pass KvJsonCodec.jackson3(mapper), KvJsonCodec.jackson2(mapper)"
                            + " or KvJsonCodec.defaults()");
        }
        return jsonCodec;
    }

    /**
     * Refuses a {@code null} where Java takes an object.
     *
     * @param argument the argument
     * @param name what it is, as the message names it, such as {@code "options"}
     * @throws IllegalArgumentException when it is null
     */
    public static void notNull(Object argument, String name) {
        if (argument == null) {
            throw nullArgument(name);
        }
    }

    /**
     * Checks a key name with the texts of {@code operation} (see {@link #keyName}), then, but for a
     * bulk read, that a URL can carry it: a lone surrogate cannot be URL-decoded by the service, a
     * {@code 400} (Miniflare answers get, getWithMetadata, put and delete alike).
     *
     * @param key the key name
     * @param operation the call, for its error texts
     * @throws IllegalArgumentException for a binding-side refusal
     * @throws KvException for the service's
     */
    public void key(String key, KvOperation operation) {
        keyName(key, operation);
        // A bulk read sends its keys in a JSON body, not a URL.
        if (operation != KvOperation.GET_BULK && WorkerUtf8.hasLoneSurrogate(key)) {
            throw new KvException(operation, 400, "Could not URL-decode key name", key);
        }
    }

    /**
     * Checks a key name with the texts of {@code operation}: not null, not empty, not {@code "."} or
     * {@code ".."}, and not longer than the limit (that one answered by the service, as a {@code
     * 414}). A bulk read ({@link KvOperation#GET_BULK}) words the first three as the service's bulk
     * route does, as {@code 400}s. For keys that travel in a JSON body rather than a URL.
     *
     * @param key the key name
     * @param operation the call, for its error texts
     * @throws IllegalArgumentException for a binding-side refusal
     * @throws KvException for the service's
     */
    public void keyName(String key, KvOperation operation) {
        boolean bulk = operation == KvOperation.GET_BULK;
        if (key == null) {
            throw nullArgument(bulk ? "A key in keys" : "Key name");
        }
        if (key.isEmpty()) {
            throw bulk ? bulkEmptyKey(key) : new IllegalArgumentException("Key name cannot be empty.");
        }
        if (key.equals(".") || key.equals("..")) {
            throw bulk
                    ? bulkIllegalKey(key)
                    : new IllegalArgumentException("\"" + key + "\" is not allowed as a key name.");
        }
        int bytes = WorkerUtf8.length(key);
        if (bytes > maxKeyBytes) {
            throw keyTooLong(operation, key, bytes);
        }
    }

    /**
     * Checks a single-key read: its key, type and options, then its cacheTtl.
     *
     * @param key the key name
     * @param type the value type
     * @param options the read's options
     */
    public void read(String key, KvType<?> type, GetOptions options) {
        key(key, KvOperation.GET);
        notNull(type, "type");
        notNull(options, "options");
        cacheTtl(key, options, KvOperation.GET);
    }

    /**
     * Checks the cacheTtl of a read.
     *
     * @param key the key the message names; null for a bulk read, whose cacheTtl is about all its keys
     * @param options the read's options
     * @param operation the call, for its error text
     * @throws KvException when the cacheTtl is below the minimum
     */
    public void cacheTtl(String key, GetOptions options, KvOperation operation) {
        if (options.cacheTtl().isPresent()) {
            long cacheTtl = options.cacheTtl().getAsLong();
            if (cacheTtl < minCacheTtlSeconds) {
                throw new KvException(
                        operation,
                        400,
                        "Invalid cache_ttl of " + cacheTtl + ". Cache TTL must be at least " + minCacheTtlSeconds + ".",
                        key);
            }
        }
    }

    /**
     * Checks what a bulk read is asked as a whole, in the binding's order: the arguments, the type,
     * null keys, the count, at least one key. The keys' names are the caller's to check next, with
     * {@link #key(String, KvOperation)} and {@link KvOperation#GET_BULK}.
     *
     * @param keys the keys asked for
     * @param type the value type
     * @param options the read's options
     * @return the keys without duplicates, in request order
     */
    public LinkedHashSet<String> bulkRead(Collection<String> keys, KvType<?> type, GetOptions options) {
        notNull(keys, "keys");
        notNull(type, "type");
        notNull(options, "options");
        if (type.kind() != KvType.Kind.TEXT && type.kind() != KvType.Kind.JSON) {
            throw new KvException(
                    KvOperation.GET_BULK,
                    400,
                    "\"" + type.kind().workersName() + "\" is not a valid type. Use \"json\" or \"text\"");
        }
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String key : keys) {
            if (key == null) {
                throw nullArgument("A key in keys");
            }
            unique.add(key);
        }
        if (keys.size() > maxBulkKeys) {
            throw new KvException(KvOperation.GET_BULK, 400, "You can request a maximum of " + maxBulkKeys + " keys");
        }
        if (unique.isEmpty()) {
            throw new KvException(KvOperation.GET_BULK, 400, "You must request a minimum of 1 key");
        }
        return unique;
    }

    /**
     * Checks a list, in the binding's order: the limit, then the prefix's length.
     *
     * @param limit the page size asked for, 0 or less for the default
     * @param prefix the prefix, empty for none
     * @throws KvException for a limit over the maximum or a prefix longer than a key may be
     */
    public void list(int limit, String prefix) {
        if (limit > maxListLimit) {
            throw new KvException(
                    KvOperation.GET,
                    400,
                    "Invalid key_count_limit of " + limit + ". Please specify an integer less than " + maxListLimit
                            + ".");
        }
        int bytes = WorkerUtf8.length(prefix);
        if (bytes > maxKeyBytes) {
            throw keyTooLong(KvOperation.GET, null, bytes);
        }
    }

    /**
     * The binding's conversion of one expiration option, which it carries as a 32-bit integer. Below
     * zero the service's own messages say more than a range would, so only the way up out of 32
     * bits is the binding's to refuse.
     *
     * @param option the option's wire name, {@code "expiration"} or {@code "expiration_ttl"}
     * @param value its value
     * @throws IllegalArgumentException when the binding cannot carry it
     */
    public static void int32(String option, long value) {
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Invalid " + option + " of " + value
                    + ". The binding carries 32-bit integers: the largest allowed is " + Integer.MAX_VALUE + ".");
        }
    }

    /**
     * The binding's conversion of both expiration options, in the order of their names ({@code
     * expiration}, then {@code expirationTtl}), so a value it cannot carry is refused even when the
     * TTL would win.
     *
     * @param options the write's options
     * @throws IllegalArgumentException when the binding cannot carry one of them
     */
    public static void expirationOptions(PutOptions options) {
        if (options.expiration().isPresent()) {
            int32("expiration", options.expiration().getAsLong());
        }
        if (options.expirationTtl().isPresent()) {
            int32("expiration_ttl", options.expirationTtl().getAsLong());
        }
    }

    /**
     * The service's rules of an expiration TTL that need no clock: positive, then at least the
     * minimum.
     *
     * @param key the key written
     * @param ttl the TTL in seconds
     * @throws KvException when the service refuses it
     */
    public void expirationTtl(String key, long ttl) {
        expirationTtlPositive(key, ttl);
        expirationTtlAtLeastMinimum(key, ttl);
    }

    /**
     * The service's first rule of an expiration TTL: it is positive.
     *
     * @param key the key written
     * @param ttl the TTL in seconds
     * @throws KvException when it is 0 or less
     */
    public static void expirationTtlPositive(String key, long ttl) {
        if (ttl <= 0) {
            throw new KvException(
                    KvOperation.PUT,
                    400,
                    "Invalid expiration_ttl of " + ttl + ". Please specify integer greater than 0.",
                    key);
        }
    }

    /**
     * The service's minimum of an expiration TTL, for a TTL already known to be positive.
     *
     * @param key the key written
     * @param ttl the TTL in seconds
     * @throws KvException when it is below the minimum
     */
    public void expirationTtlAtLeastMinimum(String key, long ttl) {
        if (ttl < minExpirationTtlSeconds) {
            throw new KvException(
                    KvOperation.PUT,
                    400,
                    "Invalid expiration_ttl of " + ttl + ". Expiration TTL must be at least " + minExpirationTtlSeconds
                            + ".",
                    key);
        }
    }

    // ------------------------------------------------------------------ texts

    /**
     * The refusal of a {@code null} argument.
     *
     * @param what what was null, such as {@code "Key name"}
     * @return the exception to throw
     */
    public static IllegalArgumentException nullArgument(String what) {
        return new IllegalArgumentException(what + " must not be null");
    }

    /**
     * The service's answer to a key or prefix longer than the limit.
     *
     * @param operation the call
     * @param key the key; null for a list prefix, which is no key
     * @param bytes its UTF-8 length
     * @return the exception to throw
     */
    public KvException keyTooLong(KvOperation operation, String key, int bytes) {
        return new KvException(
                operation,
                414,
                "UTF-8 encoded length of " + bytes + " exceeds key length limit of " + maxKeyBytes + ".",
                key);
    }

    /**
     * The refusal of a {@code null} value to write.
     *
     * @return the exception to throw
     */
    public static IllegalArgumentException nullValue() {
        return new IllegalArgumentException(
                "KV put() accepts only text, bytes, a stream or a JSON-serialisable object as a value, but was: null");
    }

    /**
     * The refusal of a value the mapper cannot write.
     *
     * @param cause the mapper's exception
     * @return the exception to throw
     */
    public static IllegalArgumentException valueNotSerialisable(Exception cause) {
        return new IllegalArgumentException(
                "KV put() could not serialise the value as JSON: " + cause.getMessage(), cause);
    }

    /**
     * The refusal of metadata the mapper cannot write.
     *
     * @param cause the mapper's exception
     * @return the exception to throw
     */
    public static IllegalArgumentException metadataNotSerialisable(Exception cause) {
        return new IllegalArgumentException(
                "KV put() could not serialise the metadata as JSON: " + cause.getMessage(), cause);
    }

    /**
     * The bulk route's answer to an empty key name.
     *
     * @param key the key
     * @return the exception to throw
     */
    private static KvException bulkEmptyKey(String key) {
        return new KvException(KvOperation.GET_BULK, 400, "Key names must not be empty", key);
    }

    /**
     * The bulk route's answer to {@code "."} or {@code ".."}.
     *
     * @param key the key
     * @return the exception to throw
     */
    private static KvException bulkIllegalKey(String key) {
        return new KvException(
                KvOperation.GET_BULK, 400, "Illegal key name \"" + key + "\". Please use a different name.", key);
    }

    /**
     * The bulk route's answer to a json read of a value that does not parse.
     *
     * @param key the first such key, in request order
     * @return the exception to throw
     */
    public static KvException bulkNotJson(String key) {
        return new KvException(
                KvOperation.GET_BULK, 400, "At least one of the requested keys corresponds to a non-json value", key);
    }
}
