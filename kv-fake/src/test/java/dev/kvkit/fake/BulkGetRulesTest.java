package dev.kvkit.fake;

import static dev.kvkit.fake.Refusals.assertArgumentRefusal;
import static dev.kvkit.fake.Refusals.assertServiceRefusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kvkit.GetOptions;
import dev.kvkit.KvOperation;
import dev.kvkit.KvType;
import dev.kvkit.KvValueWithMetadata;
import dev.kvkit.PutOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Spec section "Bulk get": the rules in their order, and the shape of the result. */
class BulkGetRulesTest {

    private final TestClock clock = TestClock.create();
    private final FakeKvNamespace kv = Namespaces.seeded(clock);

    private static List<String> keys(int count) {
        return IntStream.range(0, count).mapToObj(i -> "key-" + i).toList();
    }

    private static List<String> with(List<String> keys, String... more) {
        List<String> all = new ArrayList<>(keys);
        all.addAll(Arrays.asList(more));
        return all;
    }

    @Nested
    class Type {

        @Test
        void bytesAreRefusedByTheirWorkersName() {
            assertServiceRefusal(
                    kv,
                    () -> kv.get(List.of("plain"), KvType.BYTES),
                    KvOperation.GET_BULK,
                    400,
                    "KV GET_BULK failed: 400 \"arrayBuffer\" is not a valid type. Use \"json\" or \"text\"");
        }

        @Test
        void aStreamIsRefused() {
            assertServiceRefusal(
                    kv,
                    () -> kv.getWithMetadata(List.of("plain"), KvType.STREAM),
                    KvOperation.GET_BULK,
                    400,
                    "KV GET_BULK failed: 400 \"stream\" is not a valid type. Use \"json\" or \"text\"");
        }

        @Test
        void theTypeIsCheckedBeforeTheNumberOfKeys() {
            assertServiceRefusal(
                    kv,
                    () -> kv.get(keys(101), KvType.BYTES),
                    KvOperation.GET_BULK,
                    400,
                    "KV GET_BULK failed: 400 \"arrayBuffer\" is not a valid type. Use \"json\" or \"text\"");
            assertServiceRefusal(
                    kv,
                    () -> kv.get(List.of(), KvType.STREAM),
                    KvOperation.GET_BULK,
                    400,
                    "KV GET_BULK failed: 400 \"stream\" is not a valid type. Use \"json\" or \"text\"");
        }
    }

    @Nested
    class NumberOfKeys {

        @Test
        void moreThan100KeysAreRefused() {
            assertServiceRefusal(
                    kv,
                    () -> kv.get(keys(101)),
                    KvOperation.GET_BULK,
                    400,
                    "KV GET_BULK failed: 400 You can request a maximum of 100 keys");
        }

        @Test
        void exactly100KeysAreAccepted() {
            assertThat(kv.get(keys(100))).hasSize(100).containsEntry("key-99", null);
        }

        @Test
        void theCountComesBeforeKeyNames() {
            assertServiceRefusal(
                    kv,
                    () -> kv.get(with(keys(100), "")),
                    KvOperation.GET_BULK,
                    400,
                    "KV GET_BULK failed: 400 You can request a maximum of 100 keys");
        }

        @Test
        void noKeysAreRefused() {
            assertServiceRefusal(
                    kv,
                    () -> kv.get(List.of()),
                    KvOperation.GET_BULK,
                    400,
                    "KV GET_BULK failed: 400 You must request a minimum of 1 key");
        }
    }

    @Nested
    class KeyNames {

        @Test
        void anEmptyKeyIsRefusedWithTheBulkText() {
            assertServiceRefusal(
                    kv,
                    () -> kv.get(List.of("plain", "")),
                    KvOperation.GET_BULK,
                    400,
                    "KV GET_BULK failed: 400 Key names must not be empty");
        }

        @Test
        void dotKeysAreRefusedWithTheBulkText() {
            assertServiceRefusal(
                    kv,
                    () -> kv.get(List.of(".")),
                    KvOperation.GET_BULK,
                    400,
                    "KV GET_BULK failed: 400 Illegal key name \".\". Please use a different name.");
            assertServiceRefusal(
                    kv,
                    () -> kv.get(List.of("..")),
                    KvOperation.GET_BULK,
                    400,
                    "KV GET_BULK failed: 400 Illegal key name \"..\". Please use a different name.");
        }

        @Test
        void aKeyOver512BytesIsRefusedAsABulkFailure() {
            assertServiceRefusal(
                    kv,
                    () -> kv.get(List.of("€".repeat(171))),
                    KvOperation.GET_BULK,
                    414,
                    "KV GET_BULK failed: 414 UTF-8 encoded length of 513 exceeds key length limit of 512.");
        }

        @Test
        void theFirstBadKeyInRequestOrderIsReported() {
            assertServiceRefusal(
                    kv,
                    () -> kv.get(List.of("..", "")),
                    KvOperation.GET_BULK,
                    400,
                    "KV GET_BULK failed: 400 Illegal key name \"..\". Please use a different name.");
            assertServiceRefusal(
                    kv,
                    () -> kv.get(List.of("a".repeat(513), ".")),
                    KvOperation.GET_BULK,
                    414,
                    "KV GET_BULK failed: 414 UTF-8 encoded length of 513 exceeds key length limit of 512.");
            assertServiceRefusal(
                    kv,
                    () -> kv.get(List.of("", "a".repeat(513))),
                    KvOperation.GET_BULK,
                    400,
                    "KV GET_BULK failed: 400 Key names must not be empty");
        }

        @Test
        void aNullKeyIsRefusedByTheBinding() {
            assertArgumentRefusal(kv, () -> kv.get(Arrays.asList("plain", null)), "A key in keys must not be null");
            assertArgumentRefusal(kv, () -> kv.get((List<String>) null), "keys must not be null");
        }
    }

    @Nested
    class CacheTtl {

        @Test
        void aCacheTtlUnder30IsRefusedWithTheBulkPrefix() {
            assertServiceRefusal(
                    kv,
                    () -> kv.get(
                            List.of("missing"),
                            KvType.TEXT,
                            GetOptions.defaults().withCacheTtl(29)),
                    KvOperation.GET_BULK,
                    400,
                    "KV GET_BULK failed: 400 Invalid cache_ttl of 29. Cache TTL must be at least 30.");
        }

        @Test
        void keyNamesComeBeforeTheCacheTtl() {
            assertServiceRefusal(
                    kv,
                    () -> kv.get(List.of(""), KvType.TEXT, GetOptions.defaults().withCacheTtl(29)),
                    KvOperation.GET_BULK,
                    400,
                    "KV GET_BULK failed: 400 Key names must not be empty");
        }

        @Test
        void theCacheTtlComesBeforeTheJsonCheck() {
            assertServiceRefusal(
                    kv,
                    () -> kv.get(
                            List.of("plain"), KvType.JSON, GetOptions.defaults().withCacheTtl(29)),
                    KvOperation.GET_BULK,
                    400,
                    "KV GET_BULK failed: 400 Invalid cache_ttl of 29. Cache TTL must be at least 30.");
        }

        @Test
        void aCacheTtlOf30IsAccepted() {
            assertThat(kv.get(
                            List.of("plain"), KvType.TEXT, GetOptions.defaults().withCacheTtl(30)))
                    .containsExactly(entry("plain", "plain value"));
        }
    }

    /** Spec "Bulk get", item 4: for each key in request order, its name, then cacheTtl, then (json) its value. */
    @Nested
    class KeyByKeyInRequestOrder {

        private static final String CACHE_TTL_10 =
                "KV GET_BULK failed: 400 Invalid cache_ttl of 10. Cache TTL must be at least 30.";
        private static final String EMPTY = "KV GET_BULK failed: 400 Key names must not be empty";
        private static final String NOT_JSON =
                "KV GET_BULK failed: 400 At least one of the requested keys corresponds to a non-json value";

        private final GetOptions cacheTtl10 = GetOptions.defaults().withCacheTtl(10);

        @Test
        void aGoodFirstKeyLetsTheCacheTtlFailBeforeALaterBadName() {
            assertServiceRefusal(
                    kv,
                    () -> kv.get(List.of("a", ""), KvType.TEXT, cacheTtl10),
                    KvOperation.GET_BULK,
                    400,
                    CACHE_TTL_10);
            assertServiceRefusal(
                    kv,
                    () -> kv.getWithMetadata(List.of("a", "b", ".."), KvType.JSON, cacheTtl10),
                    KvOperation.GET_BULK,
                    400,
                    CACHE_TTL_10);
        }

        @Test
        void aBadFirstNameComesBeforeTheCacheTtl() {
            assertServiceRefusal(
                    kv, () -> kv.get(List.of("", "a"), KvType.TEXT, cacheTtl10), KvOperation.GET_BULK, 400, EMPTY);
        }

        @Test
        void anEarlierKeysValueThatIsNotJsonComesBeforeALaterBadName() {
            assertServiceRefusal(
                    kv, () -> kv.get(List.of("plain", ""), KvType.JSON), KvOperation.GET_BULK, 400, NOT_JSON);
            assertServiceRefusal(
                    kv,
                    () -> kv.getWithMetadata(List.of("missing", "plain", "a".repeat(513)), KvType.JSON),
                    KvOperation.GET_BULK,
                    400,
                    NOT_JSON);
        }

        @Test
        void anEarlierBadNameComesBeforeALaterValueThatIsNotJson() {
            assertServiceRefusal(kv, () -> kv.get(List.of("", "plain"), KvType.JSON), KvOperation.GET_BULK, 400, EMPTY);
            assertServiceRefusal(
                    kv,
                    () -> kv.get(List.of("missing", ".", "plain"), KvType.JSON),
                    KvOperation.GET_BULK,
                    400,
                    "KV GET_BULK failed: 400 Illegal key name \".\". Please use a different name.");
        }

        @Test
        void theKeyByKeyRulesComeBeforeTheTotalSize() {
            FakeKvNamespace small = Namespaces.seeded(
                    clock,
                    KvLimits.cloudflare().toBuilder().maxBulkTotalBytes(5).build());

            assertServiceRefusal(small, () -> small.get(List.of("plain", "")), KvOperation.GET_BULK, 400, EMPTY);
        }

        @Nested
        class InAnotherLocation {

            private final FakeKvLocation sydney = kv.location("syd");

            /** Proves the location cached none of {@code keys}: a write elsewhere is seen there at once. */
            private void assertNothingCached(List<String> keys) {
                for (String key : keys) {
                    assertThat(sydney.seesCurrentValueFrom(key)).as(key).isEqualTo(clock.instant());
                    kv.put(key, "[\"new\"]");
                    assertThat(sydney.getWithMetadata(key).cacheStatus())
                            .as(key)
                            .isEqualTo("MISS");
                    assertThat(sydney.get(key)).as(key).isEqualTo("[\"new\"]");
                }
            }

            @Test
            void theSameOrderHoldsInALocation() {
                kv.put("a", "1");

                assertServiceRefusal(
                        kv,
                        () -> sydney.get(List.of("a", "plain", ""), KvType.JSON),
                        KvOperation.GET_BULK,
                        400,
                        NOT_JSON);
                assertServiceRefusal(
                        kv, () -> sydney.get(List.of("a", "", "plain"), KvType.JSON), KvOperation.GET_BULK, 400, EMPTY);
                assertServiceRefusal(
                        kv,
                        () -> sydney.get(List.of("a", ""), KvType.TEXT, cacheTtl10),
                        KvOperation.GET_BULK,
                        400,
                        CACHE_TTL_10);
                assertNothingCached(List.of("a", "plain"));
            }

            @Test
            void aReadRefusedForALaterKeysValueCachesNoEarlierKey() {
                kv.put("a", "1");

                assertServiceRefusal(
                        kv,
                        () -> sydney.getWithMetadata(List.of("a", "missing", "plain"), KvType.JSON),
                        KvOperation.GET_BULK,
                        400,
                        NOT_JSON);

                assertNothingCached(List.of("a", "missing", "plain"));
            }

            @Test
            void aReadRefusedForTheTotalSizeCachesNothing() {
                FakeKvNamespace small = FakeKvNamespace.builder()
                        .clock(clock)
                        .limits(KvLimits.cloudflare().toBuilder()
                                .maxBulkTotalBytes(5)
                                .build())
                        .build();
                FakeKvLocation smallSydney = small.location("syd");
                small.put("a", "123");
                small.put("b", "456");

                assertServiceRefusal(
                        small,
                        () -> smallSydney.get(List.of("a", "b")),
                        KvOperation.GET_BULK,
                        413,
                        "KV GET_BULK failed: 413 Total size of request exceeds the limit of 5 bytes");

                small.put("a", "new");
                assertThat(smallSydney.get("a")).isEqualTo("new");
            }

            @Test
            void anAcceptedReadStillCachesWhatItRead() {
                kv.put("a", "1");
                assertThat(sydney.get(List.of("a", "missing"), KvType.JSON)).containsKeys("a", "missing");

                kv.put("a", "2");
                kv.put("missing", "3");

                assertThat(sydney.get("a")).isEqualTo("1");
                assertThat(sydney.get("missing")).isNull();
            }
        }
    }

    @Nested
    class NonJsonValues {

        @Test
        void aJsonReadOfATextValueIsRefused() {
            assertServiceRefusal(
                    kv,
                    () -> kv.get(List.of("plain"), KvType.JSON),
                    KvOperation.GET_BULK,
                    400,
                    "KV GET_BULK failed: 400 At least one of the requested keys corresponds to a non-json value");
        }

        @Test
        void anEmptyValueIsNotJson() {
            kv.put("empty", "");

            assertServiceRefusal(
                    kv,
                    () -> kv.getWithMetadata(List.of("empty"), KvType.JSON),
                    KvOperation.GET_BULK,
                    400,
                    "KV GET_BULK failed: 400 At least one of the requested keys corresponds to a non-json value");
        }

        @Test
        void theJsonCheckComesBeforeTheTotalSize() {
            FakeKvNamespace small = Namespaces.seeded(
                    clock,
                    KvLimits.cloudflare().toBuilder().maxBulkTotalBytes(5).build());

            assertServiceRefusal(
                    small,
                    () -> small.get(List.of("plain"), KvType.JSON),
                    KvOperation.GET_BULK,
                    400,
                    "KV GET_BULK failed: 400 At least one of the requested keys corresponds to a non-json value");
        }

        @Test
        void jsonValuesAreDecodedAndMissingKeysAreNull() {
            kv.put("n", "42");
            kv.put("o", "{\"a\":[1]}");

            Map<String, JsonNode> values = kv.get(List.of("n", "o", "missing"), KvType.JSON);

            assertThat(values.get("n").asInt()).isEqualTo(42);
            assertThat(values.get("o").get("a").get(0).asInt()).isEqualTo(1);
            assertThat(values).containsEntry("missing", null);
        }
    }

    @Nested
    class TotalSize {

        private final KvLimits tenBytes =
                KvLimits.cloudflare().toBuilder().maxBulkTotalBytes(10).build();

        @Test
        void aTotalOfExactlyTheLimitIsAccepted() {
            FakeKvNamespace small =
                    FakeKvNamespace.builder().clock(clock).limits(tenBytes).build();
            small.put("a", "12345");
            small.put("b", "67890");

            assertThat(small.get(List.of("a", "b"))).containsExactly(entry("a", "12345"), entry("b", "67890"));
        }

        @Test
        void aTotalOverTheLimitIsRefused() {
            FakeKvNamespace small = Namespaces.seeded(clock, tenBytes);
            small.put("a", "12345");
            small.put("b", "678901");

            assertServiceRefusal(
                    small,
                    () -> small.get(List.of("a", "b")),
                    KvOperation.GET_BULK,
                    413,
                    "KV GET_BULK failed: 413 Total size of request exceeds the limit of 10 bytes");
        }

        @Test
        void aDuplicatedKeyCountsOnce() {
            FakeKvNamespace small =
                    FakeKvNamespace.builder().clock(clock).limits(tenBytes).build();
            small.put("a", "123456");

            assertThat(small.get(List.of("a", "a"))).containsExactly(entry("a", "123456"));
        }

        @Test
        void aLimitInWholeMebibytesIsWrittenAsMb() {
            FakeKvNamespace small = FakeKvNamespace.builder()
                    .clock(clock)
                    .limits(KvLimits.cloudflare().toBuilder()
                            .maxBulkTotalBytes(1024 * 1024)
                            .build())
                    .build();
            small.put("a", new byte[1024 * 1024]);
            small.put("b", "x");

            assertServiceRefusal(
                    small,
                    () -> small.getWithMetadata(List.of("a", "b")),
                    KvOperation.GET_BULK,
                    413,
                    "KV GET_BULK failed: 413 Total size of request exceeds the limit of 1MB");
        }

        @Test
        void the25MebibyteLimitOfCloudflareIsEnforced() {
            kv.put("large", new byte[26_214_400]);

            assertThat(kv.get(List.of("large")).get("large")).hasSize(26_214_400);
            kv.put("one more byte", "x");
            assertServiceRefusal(
                    kv,
                    () -> kv.get(List.of("large", "one more byte")),
                    KvOperation.GET_BULK,
                    413,
                    "KV GET_BULK failed: 413 Total size of request exceeds the limit of 25MB");
        }
    }

    @Nested
    class Results {

        @Test
        void duplicatesCollapseInOrderOfFirstOccurrence() {
            kv.put("a", "A");
            kv.put("b", "B");

            Map<String, String> values = kv.get(List.of("b", "a", "b", "missing", "a"));

            assertThat(values.keySet()).containsExactly("b", "a", "missing");
            assertThat(values).containsExactly(entry("b", "B"), entry("a", "A"), entry("missing", null));
        }

        @Test
        void keysThatLookLikeArrayIndexesArePresent() {
            kv.put("1", "one");

            assertThat(kv.get(List.of("1", "0"))).containsExactly(entry("1", "one"), entry("0", null));
        }

        @Test
        void getWithMetadataGivesValueAndMetadataPerKeyWithoutCacheStatus() {
            kv.put("a", "A", PutOptions.defaults().withMetadata(Map.of("n", 1)));
            kv.put("b", "B");

            Map<String, KvValueWithMetadata<String>> values = kv.getWithMetadata(List.of("a", "b", "missing"));

            assertThat(values.get("a").value()).isEqualTo("A");
            assertThat(values.get("a").metadata().get("n").asInt()).isEqualTo(1);
            assertThat(values.get("a").cacheStatus()).isNull();
            assertThat(values.get("b")).isEqualTo(new KvValueWithMetadata<>("B", null, null));
            assertThat(values).containsEntry("missing", null).hasSize(3);
        }

        @Test
        void theResultIsUnmodifiable() {
            Map<String, String> values = kv.get(List.of("plain"));

            assertThatThrownBy(() -> values.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
