package dev.kvkit.fake;

import static dev.kvkit.fake.Refusals.assertArgumentRefusal;
import static dev.kvkit.fake.Refusals.assertRefusedWithoutChange;
import static dev.kvkit.fake.Refusals.assertServiceRefusal;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kvkit.GetOptions;
import dev.kvkit.KvOperation;
import dev.kvkit.KvType;
import dev.kvkit.KvValueWithMetadata;
import dev.kvkit.PutOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Spec section "get / getWithMetadata": read types, missing keys, JSON errors and cacheTtl. */
class ReadRulesTest {

    private final TestClock clock = TestClock.create();
    private final FakeKvNamespace kv = Namespaces.seeded(clock);

    record Point(int x, int y) {}

    @Nested
    class ReadTypes {

        @Test
        void textIsTheDefault() {
            assertThat(kv.get("plain")).isEqualTo("plain value");
            assertThat(kv.get("plain", KvType.TEXT)).isEqualTo("plain value");
        }

        @Test
        void invalidUtf8BecomesTheReplacementCharacter() {
            kv.put("broken", new byte[] {'a', (byte) 0xFF, 'b', (byte) 0xE2, (byte) 0x82});

            assertThat(kv.get("broken")).isEqualTo("a\uFFFDb\uFFFD");
            assertThat(kv.getWithMetadata("broken").value()).isEqualTo("a\uFFFDb\uFFFD");
        }

        @Test
        void jsonIsDecodedIntoATreeAClassOrAGenericType() {
            kv.put("points", "[{\"x\":1,\"y\":2}]");

            assertThat(kv.getJson("points").get(0).get("y").asInt()).isEqualTo(2);
            assertThat(kv.get("points", KvType.json(new TypeReference<List<Point>>() {})))
                    .containsExactly(new Point(1, 2));
            assertThat(kv.getJson("points", Point[].class)).containsExactly(new Point(1, 2));
        }

        @Test
        void bytesAndStreamGiveTheRawValue() throws IOException {
            kv.put("raw", new byte[] {0, (byte) 0xFF});

            assertThat(kv.getBytes("raw")).containsExactly(0, 0xFF);
            try (InputStream stream = kv.getStream("raw")) {
                assertThat(stream.readAllBytes()).containsExactly(0, 0xFF);
            }
        }

        @Test
        void getWithMetadataReturnsEveryReadTypeWithTheMetadataAndNoCacheStatus() {
            kv.put("k", "{\"a\":1}", PutOptions.defaults().withMetadata(Map.of("m", true)));

            KvValueWithMetadata<JsonNode> json = kv.getWithMetadata("k", KvType.JSON);
            KvValueWithMetadata<byte[]> bytes = kv.getWithMetadata("k", KvType.BYTES);

            assertThat(json.value().get("a").asInt()).isEqualTo(1);
            assertThat(bytes.value()).hasSize(7);
            assertThat(json.metadata().get("m").asBoolean()).isTrue();
            assertThat(json.cacheStatus()).isNull();
            assertThat(json.isPresent()).isTrue();
        }
    }

    @Nested
    class MissingKeys {

        @Test
        void aMissingKeyIsNullForEveryType() {
            assertThat(kv.get("missing")).isNull();
            assertThat(kv.getJson("missing")).isNull();
            assertThat(kv.getJson("missing", Point.class)).isNull();
            assertThat(kv.getBytes("missing")).isNull();
            assertThat(kv.getStream("missing")).isNull();
        }

        @Test
        void getWithMetadataOfAMissingKeyHasNeitherValueNorMetadata() {
            for (KvType<?> type : List.of(KvType.TEXT, KvType.JSON, KvType.BYTES, KvType.STREAM)) {
                assertThat(kv.getWithMetadata("missing", type))
                        .isEqualTo(new KvValueWithMetadata<>(null, null, null))
                        .extracting(KvValueWithMetadata::isPresent)
                        .isEqualTo(false);
            }
        }
    }

    @Nested
    class JsonErrors {

        @Test
        void aValueThatIsNotJsonFailsWithTheKeyAndJacksonsReason() {
            kv.put("text", "not json");

            UncheckedIOException failure =
                    assertRefusedWithoutChange(kv, () -> kv.getJson("text"), UncheckedIOException.class);

            assertThat(failure.getCause()).isInstanceOf(JsonProcessingException.class);
            assertThat(failure)
                    .hasMessage("Value of key \"text\" is not JSON of type com.fasterxml.jackson.databind.JsonNode: "
                            + failure.getCause().getMessage());
        }

        @Test
        void anEmptyValueIsNotJson() {
            kv.put("empty", "");

            assertThat(assertRefusedWithoutChange(kv, () -> kv.getJson("empty"), UncheckedIOException.class))
                    .hasMessage("Value of key \"empty\" is not JSON of type com.fasterxml.jackson.databind.JsonNode:"
                            + " No content: an empty value is not JSON");
        }

        @Test
        void trailingTextAfterJsonIsAnError() {
            kv.put("trailing", "{\"a\":1} x");

            assertThat(assertRefusedWithoutChange(
                            kv, () -> kv.getWithMetadata("trailing", KvType.JSON), UncheckedIOException.class))
                    .hasMessageStartingWith("Value of key \"trailing\" is not JSON of type");
        }

        @Test
        void jsonOfTheWrongShapeNamesTheTargetType() {
            kv.put("array", "[1,2]");

            assertThat(assertRefusedWithoutChange(
                            kv, () -> kv.getJson("array", Point.class), UncheckedIOException.class))
                    .hasMessageStartingWith(
                            "Value of key \"array\" is not JSON of type dev.kvkit.fake.ReadRulesTest$Point: ");
        }
    }

    @Nested
    class CacheTtl {

        private final GetOptions cacheTtl29 = GetOptions.defaults().withCacheTtl(29);

        @Test
        void aCacheTtlUnder30FailsEvenForAMissingKey() {
            assertServiceRefusal(
                    kv,
                    () -> kv.get("missing", cacheTtl29),
                    KvOperation.GET,
                    400,
                    "KV GET failed: 400 Invalid cache_ttl of 29. Cache TTL must be at least 30.");
        }

        @Test
        void aCacheTtlUnder30FailsGetWithMetadataAsAGet() {
            assertServiceRefusal(
                    kv,
                    () -> kv.getWithMetadata(
                            "plain", KvType.TEXT, GetOptions.defaults().withCacheTtl(0)),
                    KvOperation.GET,
                    400,
                    "KV GET failed: 400 Invalid cache_ttl of 0. Cache TTL must be at least 30.");
        }

        @Test
        void aCacheTtlOf30IsAccepted() {
            assertThat(kv.get("plain", GetOptions.defaults().withCacheTtl(30))).isEqualTo("plain value");
            assertThat(kv.get("missing", GetOptions.defaults().withCacheTtl(30)))
                    .isNull();
        }

        @Test
        void keyRulesComeBeforeTheCacheTtl() {
            assertArgumentRefusal(kv, () -> kv.get("", cacheTtl29), "Key name cannot be empty.");
        }
    }

    @Nested
    class NullArguments {

        @Test
        void aNullTypeOrNullOptionsAreRefused() {
            assertArgumentRefusal(kv, () -> kv.get("plain", (KvType<?>) null), "type must not be null");
            assertArgumentRefusal(kv, () -> kv.get("plain", (GetOptions) null), "options must not be null");
            assertArgumentRefusal(kv, () -> kv.getWithMetadata("plain", KvType.TEXT, null), "options must not be null");
        }
    }
}
