package dev.kvkit.fake;

import dev.kvkit.PutOptions;
import java.util.Map;

/** Namespaces the conformance tests start from. */
final class Namespaces {

    /** A key that already holds a value, metadata and an expiration, so refusals can prove they kept all three. */
    static final String EXISTING = "existing";

    private Namespaces() {}

    /** A namespace on {@code clock} holding {@link #EXISTING} (metadata and a TTL) and a plain key. */
    static FakeKvNamespace seeded(TestClock clock) {
        return seeded(clock, KvLimits.cloudflare());
    }

    static FakeKvNamespace seeded(TestClock clock, KvLimits limits) {
        FakeKvNamespace namespace =
                FakeKvNamespace.builder().clock(clock).limits(limits).build();
        namespace.put(
                EXISTING,
                "old value",
                PutOptions.defaults().withExpirationTtl(3600).withMetadata(Map.of("version", 1)));
        namespace.put("plain", "plain value");
        return namespace;
    }
}
