package dev.kvkit.fake;

import dev.kvkit.KvException;
import dev.kvkit.KvOperation;

/**
 * The error texts only the fake raises, worded exactly as Workers KV words them: the rules that need
 * the clock or limits no client checks (value and metadata sizes, absolute expirations, the write
 * rate, cursors, the bulk total). The texts the REST client raises too are in {@link
 * dev.kvkit.internal.BindingChecks}, which both share.
 */
final class KvErrors {

    private KvErrors() {}

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

    static KvException tooManyRequests(KvOperation operation, String key) {
        return new KvException(operation, 429, "Too Many Requests", key);
    }

    static KvException invalidCursor(String cursor) {
        return new KvException(KvOperation.GET, 400, "Invalid cursor \"" + cursor + "\".");
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
