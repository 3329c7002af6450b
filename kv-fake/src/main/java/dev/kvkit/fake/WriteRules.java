package dev.kvkit.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kvkit.KvOperation;
import dev.kvkit.PutOptions;
import dev.kvkit.internal.BindingChecks;

/**
 * The rules of a write, in the order Workers KV applies them: the binding's conversion of the
 * expiration options (it carries them as 32-bit integers, {@code expiration} first, so a value it
 * cannot carry is refused even when the TTL would win), key, value type, metadata serialisation,
 * expiration_ttl or expiration, metadata size, value size. The checks and texts the REST client
 * shares are {@link BindingChecks}'s. They only build the record to store; storing it is the
 * caller's, so a refused write changes nothing, and a bulk import can check every item before it
 * stores any.
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
        BindingChecks.notNull(options, "options");
        BindingChecks.expirationOptions(options);
        limits.checks().key(key, KvOperation.PUT);
        byte[] bytes = source.bytes();
        byte[] metadata = null;
        if (options.metadata().isPresent()) {
            try {
                metadata = codec.write(options.metadata().get());
            } catch (JsonProcessingException e) {
                throw BindingChecks.metadataNotSerialisable(e);
            }
            if (JsonCodec.isJsonNull(metadata)) {
                metadata = null; // a JSON null (a NullNode, say) is no metadata, as null is in a Worker
            }
        }
        Long expiration = expiration(key, options, moment, limits);
        if (metadata != null && metadata.length > limits.maxMetadataBytes()) {
            throw KvErrors.metadataTooLarge(key, metadata.length, limits);
        }
        if (bytes.length > limits.maxValueBytes()) {
            throw KvErrors.valueTooLarge(key, bytes.length, limits);
        }
        return StoredValue.of(bytes, metadata, expiration, moment.nowMillis(), moment.mark());
    }

    /** Returns the record's expiration in epoch seconds, or null when it never expires. */
    private static Long expiration(String key, PutOptions options, Timeline.Moment moment, KvLimits limits) {
        long now = moment.nowSeconds();
        if (options.expirationTtl().isPresent()) {
            long ttl = options.expirationTtl().getAsLong();
            limits.checks().expirationTtl(key, ttl);
            return now + ttl;
        }
        if (options.expiration().isPresent()) {
            long expiration = options.expiration().getAsLong();
            if (expiration <= now) {
                throw KvErrors.expirationNotInFuture(key, expiration);
            }
            if (expiration < now + limits.minExpirationTtlSeconds()) {
                throw KvErrors.expirationTooSoon(key, expiration, limits);
            }
            return expiration;
        }
        return null;
    }

    /** Produces a write's bytes; this is the "value type" step of a write's checks. */
    @FunctionalInterface
    interface ValueSource {
        byte[] bytes();
    }
}
