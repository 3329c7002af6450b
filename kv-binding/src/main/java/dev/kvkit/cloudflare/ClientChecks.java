package dev.kvkit.cloudflare;

import dev.kvkit.GetOptions;
import dev.kvkit.KvOperation;
import dev.kvkit.KvType;
import dev.kvkit.PutOptions;
import dev.kvkit.internal.BindingChecks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

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
     * The rules of a bulk read, in the binding's order: type, null keys, count, then key by key its
     * name and the cacheTtl; returns the keys without duplicates, in request order.
     *
     * <p>A JSON read would also have refused, key by key, a value that is not JSON, and only the
     * service holds the values. So when a key's name is refused after others passed, {@code
     * firstNotJson} is asked which of those keys holds a value that is not JSON: that one is
     * reported, as the binding would have reached it first; else the name.
     */
    static LinkedHashSet<String> bulkRead(
            Collection<String> keys, KvType<?> type, GetOptions options, Function<List<String>, String> firstNotJson) {
        LinkedHashSet<String> unique = CHECKS.bulkRead(keys, type, options);
        List<String> passed = new ArrayList<>(unique.size());
        for (String key : unique) {
            try {
                CHECKS.key(key, KvOperation.GET_BULK);
            } catch (RuntimeException refused) {
                String notJson =
                        type.kind() == KvType.Kind.JSON && !passed.isEmpty() ? firstNotJson.apply(passed) : null;
                throw notJson == null ? refused : BindingChecks.bulkNotJson(notJson);
            }
            CHECKS.cacheTtl(null, options, KvOperation.GET_BULK);
            passed.add(key);
        }
        return unique;
    }

    /**
     * The first rules of a write, in the binding's order: the options, their conversion to the
     * binding's 32-bit integers (both expiration options, even when the TTL would win), then the
     * key's name. The value and metadata follow in the caller.
     */
    static void write(String key, PutOptions options) {
        BindingChecks.notNull(options, "options");
        BindingChecks.expirationOptions(options);
        CHECKS.key(key, KvOperation.PUT);
    }

    /**
     * The expiration rules that need no clock: a TTL is positive, then at least the minimum. Whether
     * an absolute expiration lies far enough in the future is the service's to say, by its clock.
     * When a TTL is given, {@code expiration} is ignored beyond its conversion, as the service ignores
     * it.
     */
    static void expiration(String key, PutOptions options) {
        if (options.expirationTtl().isPresent()) {
            CHECKS.expirationTtl(key, options.expirationTtl().getAsLong());
        }
    }
}
