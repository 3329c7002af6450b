package dev.kvkit.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kvkit.KvOperation;
import dev.kvkit.PutOptions;

/**
 * The rules of a write, in the order Workers KV applies them: key, value type, metadata
 * serialisation, expiration_ttl or expiration, metadata size, value size. They only build the record
 * to store; storing it is the caller's, so a refused write changes nothing, and a bulk import can
 * check every item before it stores any.
 */
final class WriteRules {

    private WriteRules() {}

    /**
     * Applies every rule of a write, in Workers KV's order, and returns the record to store. Nothing
     * is written here, so a refused write changes nothing.
     */
    static StoredValue prepare(
            String key,
            ValueSource source,
            PutOptions options,
            Timeline.Moment moment,
            KvLimits limits,
            JsonCodec codec) {
        BindingArguments.checkKey(key, KvOperation.PUT, limits);
        if (Utf8.hasLoneSurrogate(key)) {
            throw KvErrors.keyNotEncodable(key);
        }
        BindingArguments.notNull(options, "options");
        byte[] bytes = source.bytes();
        byte[] metadata = null;
        if (options.metadata().isPresent()) {
            try {
                metadata = codec.write(options.metadata().get());
            } catch (JsonProcessingException e) {
                throw KvErrors.metadataNotSerialisable(e);
            }
            if (JsonCodec.isJsonNull(metadata)) {
                metadata = null; // a JSON null (a NullNode, say) is no metadata, as null is in a Worker
            }
        }
        long expiration = expiration(key, options, moment, limits);
        if (metadata != null && metadata.length > limits.maxMetadataBytes()) {
            throw KvErrors.metadataTooLarge(key, metadata.length, limits);
        }
        if (bytes.length > limits.maxValueBytes()) {
            throw KvErrors.valueTooLarge(key, bytes.length, limits);
        }
        return new StoredValue(bytes, metadata, expiration, moment.nowMillis(), moment.mark());
    }

    private static long expiration(String key, PutOptions options, Timeline.Moment moment, KvLimits limits) {
        long now = moment.nowSeconds();
        if (options.expirationTtl().isPresent()) {
            long ttl = options.expirationTtl().getAsLong();
            if (ttl <= 0) {
                throw KvErrors.ttlNotPositive(key, ttl);
            }
            checkInt32("expiration_ttl", ttl);
            if (ttl < limits.minExpirationTtlSeconds()) {
                throw KvErrors.ttlTooShort(key, ttl, limits);
            }
            return now + ttl;
        }
        if (options.expiration().isPresent()) {
            long expiration = options.expiration().getAsLong();
            if (expiration <= now) {
                throw KvErrors.expirationNotInFuture(key, expiration);
            }
            checkInt32("expiration", expiration);
            if (expiration < now + limits.minExpirationTtlSeconds()) {
                throw KvErrors.expirationTooSoon(key, expiration, limits);
            }
            return expiration;
        }
        return StoredValue.NEVER;
    }

    /** Past the lower bounds the service states, the only way out of 32 bits is up. */
    private static void checkInt32(String option, long value) {
        if (value > Integer.MAX_VALUE) {
            throw KvErrors.expirationOutOfRange(option, value);
        }
    }

    /** Produces a write's bytes; this is the "value type" step of a write's checks. */
    @FunctionalInterface
    interface ValueSource {
        byte[] bytes();
    }
}
