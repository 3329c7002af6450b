package dev.kvkit.fake;

import static dev.kvkit.fake.Refusals.assertRefusedWithoutChange;
import static dev.kvkit.fake.Refusals.assertServiceRefusal;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvkit.KvOperation;
import dev.kvkit.PutOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Spec section "Metadata": any JSON value, 1024 bytes of JSON text at most, returned parsed. */
class MetadataRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestClock clock = TestClock.create();
    private final FakeKvNamespace kv = Namespaces.seeded(clock);

    private JsonNode storedAndReadBack(Object metadata) {
        kv.put("k", "v", PutOptions.defaults().withMetadata(metadata));
        return kv.getWithMetadata("k").metadata();
    }

    @Nested
    class Types {

        @Test
        void anObjectIsStoredAsJson() {
            assertThat(storedAndReadBack(Map.of("user", 42)))
                    .isEqualTo(JSON.createObjectNode().put("user", 42));
        }

        @Test
        void anArrayIsStoredAsJson() {
            assertThat(storedAndReadBack(List.of(1, "two", true)))
                    .isEqualTo(JSON.createArrayNode().add(1).add("two").add(true));
        }

        @Test
        void scalarsAreStoredAsJson() {
            assertThat(storedAndReadBack("text").textValue()).isEqualTo("text");
            assertThat(storedAndReadBack(7).intValue()).isEqualTo(7);
            assertThat(storedAndReadBack(1.5).doubleValue()).isEqualTo(1.5);
            assertThat(storedAndReadBack(false).isBoolean()).isTrue();
        }

        @Test
        void nullMetadataMeansNone() {
            kv.put("k", "v", PutOptions.defaults().withMetadata(null));

            assertThat(kv.getWithMetadata("k").metadata()).isNull();
            assertThat(kv.list().keys())
                    .filteredOn(key -> key.name().equals("k"))
                    .singleElement()
                    .satisfies(key -> assertThat(key.metadata()).isNull());
        }

        @Test
        void jsonNullMetadataMeansNoneAndClearsOldMetadata() {
            kv.put("k", "v", PutOptions.defaults().withMetadata(java.util.Map.of("old", true)));

            kv.put("k", "v", PutOptions.defaults().withMetadata(com.fasterxml.jackson.databind.node.NullNode.instance));

            assertThat(kv.getWithMetadata("k").metadata()).isNull();
            assertThat(kv.entry("k").orElseThrow().metadataJson()).isEmpty();
        }

        @Test
        void metadataThatCannotBeSerialisedIsRefusedWithJacksonsReason() {
            IllegalArgumentException refusal = assertRefusedWithoutChange(
                    kv,
                    () -> kv.put(Namespaces.EXISTING, "v", PutOptions.defaults().withMetadata(new Object())),
                    IllegalArgumentException.class);

            assertThat(refusal.getCause()).isInstanceOf(InvalidDefinitionException.class);
            assertThat(refusal)
                    .hasMessage("KV put() could not serialise the metadata as JSON: "
                            + refusal.getCause().getMessage());
        }
    }

    @Nested
    class SizeLimit {

        @Test
        void aJsonStringOf1024BytesIncludingItsQuotesIsAccepted() {
            kv.put("k", "v", PutOptions.defaults().withMetadata("x".repeat(1022)));

            assertThat(kv.entry("k").orElseThrow().metadataJson())
                    .hasValueSatisfying(json -> assertThat(json).hasSize(1024));
        }

        @Test
        void aJsonStringOf1025BytesIncludingItsQuotesIsRefused() {
            assertServiceRefusal(
                    kv,
                    () -> kv.put(Namespaces.EXISTING, "v", PutOptions.defaults().withMetadata("x".repeat(1023))),
                    KvOperation.PUT,
                    413,
                    "KV PUT failed: 413 Metadata length of 1025 exceeds limit of 1024.");
        }

        @Test
        void metadataIsCountedInUtf8Bytes() {
            kv.put("k", "v", PutOptions.defaults().withMetadata("é".repeat(511))); // 1022 + 2 quotes

            assertServiceRefusal(
                    kv,
                    () -> kv.put(Namespaces.EXISTING, "v", PutOptions.defaults().withMetadata("é".repeat(512))),
                    KvOperation.PUT,
                    413,
                    "KV PUT failed: 413 Metadata length of 1026 exceeds limit of 1024.");
        }

        @Test
        void anObjectIsCountedByItsSerialisedText() {
            // {"a":"..."} is 8 bytes of syntax around the string's content
            kv.put("k", "v", PutOptions.defaults().withMetadata(Map.of("a", "x".repeat(1016))));

            assertServiceRefusal(
                    kv,
                    () -> kv.put(
                            Namespaces.EXISTING,
                            "v",
                            PutOptions.defaults().withMetadata(Map.of("a", "x".repeat(1017)))),
                    KvOperation.PUT,
                    413,
                    "KV PUT failed: 413 Metadata length of 1025 exceeds limit of 1024.");
        }
    }

    @Nested
    class ReturnedParsed {

        private final ObjectNode original = JSON.createObjectNode().put("owner", "ada");

        @Test
        void getWithMetadataReturnsAnEqualButFreshTreeEachTime() {
            kv.put("k", "v", PutOptions.defaults().withMetadata(original));

            JsonNode first = kv.getWithMetadata("k").metadata();
            ((ObjectNode) first).put("owner", "mallory");

            assertThat(first).isNotSameAs(original);
            assertThat(kv.getWithMetadata("k").metadata()).isEqualTo(original);
        }

        @Test
        void changingTheWrittenTreeAfterThePutDoesNotChangeTheStoredMetadata() {
            kv.put("k", "v", PutOptions.defaults().withMetadata(original));
            original.put("owner", "mallory");

            assertThat(kv.getWithMetadata("k").metadata().get("owner").asText()).isEqualTo("ada");
        }

        @Test
        void bulkGetWithMetadataAndListReturnEqualTrees() {
            kv.put("k", "v", PutOptions.defaults().withMetadata(original));

            JsonNode fromBulk = kv.getWithMetadata(List.of("k")).get("k").metadata();
            JsonNode fromList = kv.list().keys().stream()
                    .filter(key -> key.name().equals("k"))
                    .findFirst()
                    .orElseThrow()
                    .metadata();

            assertThat(fromBulk).isEqualTo(original).isNotSameAs(original).isNotSameAs(fromList);
            assertThat(fromList).isEqualTo(original);
        }
    }
}
