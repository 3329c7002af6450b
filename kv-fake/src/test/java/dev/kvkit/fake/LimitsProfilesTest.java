package dev.kvkit.fake;

import static dev.kvkit.fake.Refusals.assertServiceRefusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.GetOptions;
import dev.kvkit.KvOperation;
import dev.kvkit.KvType;
import dev.kvkit.ListOptions;
import dev.kvkit.PutOptions;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Spec section "Limits in force": the JSON-native profile, and custom profiles that change the messages. */
class LimitsProfilesTest {

    private final TestClock clock = TestClock.create();
    private final long now = clock.instant().getEpochSecond();

    @Nested
    class JsonNative {

        private final FakeKvNamespace kv = Namespaces.seeded(clock, KvLimits.jsonNative());

        @Test
        void aValueOf100KilobytesIsAccepted() {
            kv.put("k", new byte[102_400]);

            assertThat(kv.entry("k").orElseThrow().valueSize()).isEqualTo(102_400);
        }

        @Test
        void aValueOver100KilobytesIsRefused() {
            assertServiceRefusal(
                    kv,
                    () -> kv.put(Namespaces.EXISTING, new byte[102_401]),
                    KvOperation.PUT,
                    413,
                    "KV PUT failed: 413 Value length of 102401 exceeds limit of 102400.");
        }

        @Test
        void everyOtherLimitIsCloudflares() {
            KvLimits expected = KvLimits.cloudflare().toBuilder()
                    .name("json-native")
                    .maxValueBytes(102_400)
                    .build();

            assertThat(KvLimits.jsonNative()).isEqualTo(expected);
        }
    }

    @Nested
    class CustomLimits {

        private final KvLimits custom = KvLimits.builder()
                .name("tiny")
                .maxKeyBytes(8)
                .maxMetadataBytes(10)
                .maxListLimit(5)
                .maxBulkKeys(3)
                .minExpirationTtlSeconds(10)
                .minCacheTtlSeconds(5)
                .defaultCacheTtlSeconds(5)
                .build();
        private final FakeKvNamespace kv =
                FakeKvNamespace.builder().clock(clock).limits(custom).build();

        @Test
        void theKeyLimitIsInTheMessage() {
            kv.put("12345678", "fits");

            assertServiceRefusal(
                    kv,
                    () -> kv.put("123456789", "v"),
                    KvOperation.PUT,
                    414,
                    "KV PUT failed: 414 UTF-8 encoded length of 9 exceeds key length limit of 8.");
            assertServiceRefusal(
                    kv,
                    () -> kv.get(List.of("123456789")),
                    KvOperation.GET_BULK,
                    414,
                    "KV GET_BULK failed: 414 UTF-8 encoded length of 9 exceeds key length limit of 8.");
        }

        @Test
        void theMetadataLimitIsInTheMessage() {
            assertServiceRefusal(
                    kv,
                    () -> kv.put("k", "v", PutOptions.defaults().withMetadata("123456789")),
                    KvOperation.PUT,
                    413,
                    "KV PUT failed: 413 Metadata length of 11 exceeds limit of 10.");
        }

        @Test
        void theMinimumExpirationIsInTheMessages() {
            kv.put("ttl", "v", PutOptions.defaults().withExpirationTtl(10));
            kv.put("at", "v", PutOptions.defaults().withExpiration(now + 10));

            assertServiceRefusal(
                    kv,
                    () -> kv.put("k", "v", PutOptions.defaults().withExpirationTtl(9)),
                    KvOperation.PUT,
                    400,
                    "KV PUT failed: 400 Invalid expiration_ttl of 9. Expiration TTL must be at least 10.");
            assertServiceRefusal(
                    kv,
                    () -> kv.put("k", "v", PutOptions.defaults().withExpiration(now + 9)),
                    KvOperation.PUT,
                    400,
                    "KV PUT failed: 400 Invalid expiration of " + (now + 9)
                            + ". Expiration times must be at least 10 seconds in the future.");
        }

        @Test
        void theMinimumCacheTtlIsInTheMessage() {
            assertThat(kv.get("k", GetOptions.defaults().withCacheTtl(5))).isNull();
            assertServiceRefusal(
                    kv,
                    () -> kv.get("k", GetOptions.defaults().withCacheTtl(4)),
                    KvOperation.GET,
                    400,
                    "KV GET failed: 400 Invalid cache_ttl of 4. Cache TTL must be at least 5.");
        }

        @Test
        void theListLimitIsInTheMessageAndIsTheDefaultPageSize() {
            for (int i = 0; i < 7; i++) {
                kv.put("k" + i, "v");
            }

            assertThat(kv.list().keys()).hasSize(5);
            assertThat(kv.list(ListOptions.defaults().withLimit(5)).keys()).hasSize(5);
            assertServiceRefusal(
                    kv,
                    () -> kv.list(ListOptions.defaults().withLimit(6)),
                    KvOperation.GET,
                    400,
                    "KV GET failed: 400 Invalid key_count_limit of 6. Please specify an integer less than 5.");
        }

        @Test
        void theBulkKeyLimitIsInTheMessage() {
            assertThat(kv.get(List.of("a", "b", "c"), KvType.TEXT)).hasSize(3);
            assertServiceRefusal(
                    kv,
                    () -> kv.get(List.of("a", "b", "c", "d")),
                    KvOperation.GET_BULK,
                    400,
                    "KV GET_BULK failed: 400 You can request a maximum of 3 keys");
        }
    }
}
