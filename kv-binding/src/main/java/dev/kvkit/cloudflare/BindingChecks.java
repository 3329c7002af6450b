package dev.kvkit.cloudflare;

import dev.kvkit.GetOptions;
import dev.kvkit.KvException;
import dev.kvkit.KvOperation;
import dev.kvkit.KvType;
import dev.kvkit.PutOptions;
import dev.kvkit.internal.WorkerUtf8;
import java.util.Collection;
import java.util.LinkedHashSet;

/**
 * The checks a Workers binding makes before any request, and the service rules that need no clock,
 * worded exactly as the fake words them ({@code dev.kvkit.fake.KvErrors}, {@code BindingArguments},
 * {@code WriteRules}), so that a test cannot tell the client from the fake by a message.
 *
 * <p>kv-binding cannot depend on kv-fake, so these few rules are written twice; they belong in
 * kv-binding's root package, where both could share them. The limits are Cloudflare's; the fake's
 * configurable {@code KvLimits} profile does not reach a client.
 */
final class BindingChecks {

    static final int MAX_KEY_BYTES = 512;
    static final int MAX_LIST_LIMIT = 1000;
    static final int MAX_BULK_KEYS = 100;
    static final long MIN_EXPIRATION_TTL = 60;
    static final long MIN_CACHE_TTL = 30;

    private BindingChecks() {}

    static void notNull(Object argument, String name) {
        if (argument == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }

    /** Key rules of a single-key call, in the binding's order. */
    static void key(String key, KvOperation operation) {
        notNull(key, "Key name");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("Key name cannot be empty.");
        }
        if (key.equals(".") || key.equals("..")) {
            throw new IllegalArgumentException("\"" + key + "\" is not allowed as a key name.");
        }
        int bytes = utf8Length(key);
        if (bytes > MAX_KEY_BYTES) {
            throw keyTooLong(operation, key, bytes);
        }
    }

    static void read(String key, KvType<?> type, GetOptions options) {
        key(key, KvOperation.GET);
        notNull(type, "type");
        notNull(options, "options");
        cacheTtl(key, options, KvOperation.GET);
    }

    /** {@code key} is null for a bulk read, whose cacheTtl is about all its keys. */
    static void cacheTtl(String key, GetOptions options, KvOperation operation) {
        if (options.cacheTtl().isPresent()) {
            long cacheTtl = options.cacheTtl().getAsLong();
            if (cacheTtl < MIN_CACHE_TTL) {
                throw new KvException(
                        operation,
                        400,
                        "Invalid cache_ttl of " + cacheTtl + ". Cache TTL must be at least " + MIN_CACHE_TTL + ".",
                        key);
            }
        }
    }

    /**
     * The rules of a bulk read, in the binding's order: type, null keys, count, then key by key; returns
     * the keys without duplicates, in request order.
     */
    static LinkedHashSet<String> bulkRead(Collection<String> keys, KvType<?> type, GetOptions options) {
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
                notNull(null, "A key in keys");
            }
            unique.add(key);
        }
        if (keys.size() > MAX_BULK_KEYS) {
            throw new KvException(KvOperation.GET_BULK, 400, "You can request a maximum of " + MAX_BULK_KEYS + " keys");
        }
        if (unique.isEmpty()) {
            throw new KvException(KvOperation.GET_BULK, 400, "You must request a minimum of 1 key");
        }
        for (String key : unique) {
            if (key.isEmpty()) {
                throw new KvException(KvOperation.GET_BULK, 400, "Key names must not be empty", key);
            }
            if (key.equals(".") || key.equals("..")) {
                throw new KvException(
                        KvOperation.GET_BULK,
                        400,
                        "Illegal key name \"" + key + "\". Please use a different name.",
                        key);
            }
            int bytes = utf8Length(key);
            if (bytes > MAX_KEY_BYTES) {
                throw keyTooLong(KvOperation.GET_BULK, key, bytes);
            }
        }
        cacheTtl(null, options, KvOperation.GET_BULK);
        return unique;
    }

    static KvException bulkNotJson(String key) {
        return new KvException(
                KvOperation.GET_BULK, 400, "At least one of the requested keys corresponds to a non-json value", key);
    }

    /** The key rules of a write, then the options; the value and metadata follow in the caller. */
    static void write(String key, PutOptions options) {
        key(key, KvOperation.PUT);
        if (hasLoneSurrogate(key)) {
            throw new KvException(KvOperation.PUT, 400, "Could not URL-decode key name", key);
        }
        notNull(options, "options");
    }

    static IllegalArgumentException nullValue() {
        return new IllegalArgumentException(
                "KV put() accepts only text, bytes, a stream or a JSON-serialisable object as a value, but was: null");
    }

    static IllegalArgumentException valueNotSerialisable(Exception cause) {
        return new IllegalArgumentException(
                "KV put() could not serialise the value as JSON: " + cause.getMessage(), cause);
    }

    static IllegalArgumentException metadataNotSerialisable(Exception cause) {
        return new IllegalArgumentException(
                "KV put() could not serialise the metadata as JSON: " + cause.getMessage(), cause);
    }

    /**
     * The expiration rules that need no clock: a TTL's range, and the 32-bit bound of both options.
     * Whether an absolute expiration lies far enough in the future is the service's to say, by its
     * clock. When a TTL is given, {@code expiration} is ignored entirely, as the service ignores it.
     */
    static void expiration(String key, PutOptions options) {
        if (options.expirationTtl().isPresent()) {
            long ttl = options.expirationTtl().getAsLong();
            if (ttl <= 0) {
                throw new KvException(
                        KvOperation.PUT,
                        400,
                        "Invalid expiration_ttl of " + ttl + ". Please specify integer greater than 0.",
                        key);
            }
            int32("expiration_ttl", ttl);
            if (ttl < MIN_EXPIRATION_TTL) {
                throw new KvException(
                        KvOperation.PUT,
                        400,
                        "Invalid expiration_ttl of " + ttl + ". Expiration TTL must be at least " + MIN_EXPIRATION_TTL
                                + ".",
                        key);
            }
        } else if (options.expiration().isPresent()) {
            int32("expiration", options.expiration().getAsLong());
        }
    }

    private static void int32(String option, long value) {
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Invalid " + option + " of " + value
                    + ". The binding carries 32-bit integers: the largest allowed is " + Integer.MAX_VALUE + ".");
        }
    }

    /** The rules of a list, in the binding's order: the limit, then the prefix. */
    static void list(int limit, String prefix) {
        if (limit > MAX_LIST_LIMIT) {
            throw new KvException(
                    KvOperation.GET,
                    400,
                    "Invalid key_count_limit of " + limit + ". Please specify an integer less than " + MAX_LIST_LIMIT
                            + ".");
        }
        int bytes = utf8Length(prefix);
        if (bytes > MAX_KEY_BYTES) {
            throw keyTooLong(KvOperation.GET, null, bytes);
        }
    }

    /** {@code key} is null for a list prefix, which is no key. */
    static KvException keyTooLong(KvOperation operation, String key, int bytes) {
        return new KvException(
                operation,
                414,
                "UTF-8 encoded length of " + bytes + " exceeds key length limit of " + MAX_KEY_BYTES + ".",
                key);
    }

    /** The UTF-8 length of {@code text} as Workers counts it: a lone surrogate is U+FFFD, three bytes. */
    static int utf8Length(String text) {
        return WorkerUtf8.length(text);
    }

    /**
     * Whether {@code text} holds a surrogate that is not half of a pair. No stored key can hold one
     * (a write of one is refused), and none can be sent in a URL, so reads of such a key find nothing
     * without asking.
     */
    static boolean hasLoneSurrogate(String text) {
        return WorkerUtf8.hasLoneSurrogate(text);
    }

    /** Encodes text as a Worker's encoder does: a lone surrogate becomes U+FFFD. */
    static byte[] utf8(String text) {
        return WorkerUtf8.encode(text);
    }
}
