package dev.kvkit.cloudflare;

import dev.kvkit.GetOptions;
import dev.kvkit.KvOperation;
import dev.kvkit.KvType;
import dev.kvkit.PutOptions;
import dev.kvkit.internal.BindingChecks;
import java.util.Collection;
import java.util.LinkedHashSet;

/**
 * The order in which the REST client applies the shared {@link BindingChecks} before any request,
 * with Cloudflare's limits; the checks and their texts are the fake's own, so a test cannot tell the
 * client from the fake by a message. The fake's configurable {@code KvLimits} profile does not reach
 * a client.
 */
final class ClientChecks {

    static final BindingChecks CHECKS = BindingChecks.CLOUDFLARE;

    private ClientChecks() {}

    /**
     * The rules of a bulk read, in the client's order: type, null keys, count, every key's name, then
     * the cacheTtl; returns the keys without duplicates, in request order.
     */
    static LinkedHashSet<String> bulkRead(Collection<String> keys, KvType<?> type, GetOptions options) {
        LinkedHashSet<String> unique = CHECKS.bulkRead(keys, type, options);
        for (String key : unique) {
            CHECKS.key(key, KvOperation.GET_BULK);
        }
        CHECKS.cacheTtl(null, options, KvOperation.GET_BULK);
        return unique;
    }

    /** The key rules of a write, then the options; the value and metadata follow in the caller. */
    static void write(String key, PutOptions options) {
        CHECKS.writeKey(key);
        BindingChecks.notNull(options, "options");
    }

    /**
     * The expiration rules that need no clock: a TTL's range, and the 32-bit bound of both options.
     * Whether an absolute expiration lies far enough in the future is the service's to say, by its
     * clock. When a TTL is given, {@code expiration} is ignored entirely, as the service ignores it.
     */
    static void expiration(String key, PutOptions options) {
        if (options.expirationTtl().isPresent()) {
            long ttl = options.expirationTtl().getAsLong();
            BindingChecks.expirationTtlPositive(key, ttl);
            BindingChecks.int32("expiration_ttl", ttl);
            CHECKS.expirationTtlAtLeastMinimum(key, ttl);
        } else if (options.expiration().isPresent()) {
            BindingChecks.int32("expiration", options.expiration().getAsLong());
        }
    }
}
