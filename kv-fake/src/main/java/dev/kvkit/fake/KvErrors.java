package dev.kvkit.fake;

import dev.kvkit.KvException;
import dev.kvkit.KvOperation;

/**
 * Every error text the fake raises, in one place, worded exactly as Workers KV words it.
 *
 * <p>Binding-side argument errors are {@link IllegalArgumentException}s; service answers are
 * {@link KvException}s.
 */
final class KvErrors {

    private KvErrors() {}

    static IllegalArgumentException nullArgument(String what) {
        return new IllegalArgumentException(what + " must not be null");
    }

    static IllegalArgumentException emptyKey() {
        return new IllegalArgumentException("Key name cannot be empty.");
    }

    static IllegalArgumentException dotKey(String key) {
        return new IllegalArgumentException("\"" + key + "\" is not allowed as a key name.");
    }

    static KvException keyTooLong(KvOperation operation, String key, int bytes, KvLimits limits) {
        return new KvException(
                operation,
                414,
                "UTF-8 encoded length of " + bytes + " exceeds key length limit of " + limits.maxKeyBytes() + ".",
                key);
    }

    static KvException keyNotEncodable(String key) {
        return new KvException(KvOperation.PUT, 400, "Could not URL-decode key name", key);
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

    static IllegalArgumentException expirationOutOfRange(String option, long value) {
        return new IllegalArgumentException("Invalid " + option + " of " + value
                + ". The binding carries 32-bit integers: the largest allowed is " + Integer.MAX_VALUE + ".");
    }

    static KvException ttlNotPositive(String key, long ttl) {
        return new KvException(
                KvOperation.PUT,
                400,
                "Invalid expiration_ttl of " + ttl + ". Please specify integer greater than 0.",
                key);
    }

    static KvException ttlTooShort(String key, long ttl, KvLimits limits) {
        return new KvException(
                KvOperation.PUT,
                400,
                "Invalid expiration_ttl of " + ttl + ". Expiration TTL must be at least "
                        + limits.minExpirationTtlSeconds() + ".",
                key);
    }

    static KvException expirationNotInFuture(String key, long expiration) {
        return new KvException(
                KvOperation.PUT,
                400,
                "Invalid expiration of " + expiration
                        + ". Please specify integer greater than the current number of seconds since the UNIX epoch.",
                key);
    }

    static KvException expirationTooSoon(String key, long expiration, KvLimits limits) {
        return new KvException(
                KvOperation.PUT,
                400,
                "Invalid expiration of " + expiration + ". Expiration times must be at least "
                        + limits.minExpirationTtlSeconds() + " seconds in the future.",
                key);
    }

    static KvException metadataTooLarge(String key, int bytes, KvLimits limits) {
        return new KvException(
                KvOperation.PUT,
                413,
                "Metadata length of " + bytes + " exceeds limit of " + limits.maxMetadataBytes() + ".",
                key);
    }

    static KvException valueTooLarge(String key, long bytes, KvLimits limits) {
        return new KvException(
                KvOperation.PUT,
                413,
                "Value length of " + bytes + " exceeds limit of " + limits.maxValueBytes() + ".",
                key);
    }

    static KvException cacheTtlTooShort(KvOperation operation, String key, long cacheTtl, KvLimits limits) {
        return new KvException(
                operation,
                400,
                "Invalid cache_ttl of " + cacheTtl + ". Cache TTL must be at least " + limits.minCacheTtlSeconds()
                        + ".",
                key);
    }

    static KvException tooManyRequests(KvOperation operation, String key) {
        return new KvException(operation, 429, "Too Many Requests", key);
    }

    static KvException listLimitTooLarge(long limit, KvLimits limits) {
        return new KvException(
                KvOperation.GET,
                400,
                "Invalid key_count_limit of " + limit + ". Please specify an integer less than " + limits.maxListLimit()
                        + ".");
    }

    static KvException invalidCursor(String cursor) {
        return new KvException(KvOperation.GET, 400, "Invalid cursor \"" + cursor + "\".");
    }

    static KvException bulkType(String type) {
        return new KvException(
                KvOperation.GET_BULK, 400, "\"" + type + "\" is not a valid type. Use \"json\" or \"text\"");
    }

    static KvException bulkTooManyKeys(KvLimits limits) {
        return new KvException(
                KvOperation.GET_BULK, 400, "You can request a maximum of " + limits.maxBulkKeys() + " keys");
    }

    static KvException bulkNoKeys() {
        return new KvException(KvOperation.GET_BULK, 400, "You must request a minimum of 1 key");
    }

    static KvException bulkEmptyKey(String key) {
        return new KvException(KvOperation.GET_BULK, 400, "Key names must not be empty", key);
    }

    static KvException bulkIllegalKey(String key) {
        return new KvException(
                KvOperation.GET_BULK, 400, "Illegal key name \"" + key + "\". Please use a different name.", key);
    }

    static KvException bulkNotJson(String key) {
        return new KvException(
                KvOperation.GET_BULK, 400, "At least one of the requested keys corresponds to a non-json value", key);
    }

    static KvException bulkTooLarge(KvLimits limits) {
        return new KvException(
                KvOperation.GET_BULK,
                413,
                "Total size of request exceeds the limit of " + megabytes(limits.maxBulkTotalBytes()));
    }

    /** Writes a byte count the way the service does in its bulk message: {@code 25MB}. */
    private static String megabytes(long bytes) {
        long mib = 1024L * 1024;
        return bytes % mib == 0 ? bytes / mib + "MB" : bytes + " bytes";
    }
}
