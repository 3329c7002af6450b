package dev.kvkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.kvkit.internal.SerializedResults;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The option and result values of the binding API: immutability, equality and readable {@code toString}. */
class ValueTypesTest {

    private static final JsonNode METADATA =
            JsonNodeFactory.instance.objectNode().put("a", 1);

    @Nested
    class Options {

        @Test
        void getOptionsCarryAnOptionalCacheTtl() {
            assertThat(GetOptions.defaults().cacheTtl()).isEmpty();
            assertThat(GetOptions.defaults().withCacheTtl(300).cacheTtl()).hasValue(300);
            assertThat(GetOptions.defaults()).hasToString("GetOptions{}");
            assertThat(GetOptions.defaults().withCacheTtl(300)).hasToString("GetOptions{cacheTtl=300}");
            assertThat(GetOptions.defaults().withCacheTtl(30))
                    .isEqualTo(GetOptions.defaults().withCacheTtl(30))
                    .hasSameHashCodeAs(GetOptions.defaults().withCacheTtl(30))
                    .isNotEqualTo(GetOptions.defaults());
        }

        @Test
        void putOptionsAreImmutableAndDescribeThemselves() {
            PutOptions plain = PutOptions.defaults();
            PutOptions full =
                    plain.withExpiration(1_800_000_000L).withExpirationTtl(60).withMetadata(Map.of("a", 1));

            assertThat(plain).hasToString("PutOptions{}");
            assertThat(plain.expiration()).isEmpty();
            assertThat(full).hasToString("PutOptions{expiration=1800000000, expirationTtl=60, metadata={a=1}}");
            assertThat(full.expiration()).hasValue(1_800_000_000L);
            assertThat(full.expirationTtl()).hasValue(60);
            assertThat(full.metadata()).contains(Map.of("a", 1));
            assertThat(full)
                    .isEqualTo(PutOptions.defaults()
                            .withMetadata(Map.of("a", 1))
                            .withExpirationTtl(60)
                            .withExpiration(1_800_000_000L))
                    .hasSameHashCodeAs(full.withMetadata(Map.of("a", 1)));
        }

        @Test
        void putOptionsTakeInstantsAndDurations() {
            assertThat(PutOptions.defaults()
                            .withExpiration(Instant.parse("2026-01-01T00:01:00.900Z"))
                            .expiration())
                    .hasValue(Instant.parse("2026-01-01T00:01:00Z").getEpochSecond());
            assertThat(PutOptions.defaults()
                            .withExpirationTtl(Duration.ofMinutes(2))
                            .expirationTtl())
                    .hasValue(120);
        }

        @Test
        void aTtlWithAFractionOfASecondIsRefused() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> PutOptions.defaults().withExpirationTtl(Duration.ofMillis(60_500)))
                    .withMessage("expirationTtl must be a whole number of seconds, but was: PT1M0.5S");
        }

        @Test
        void listOptionsDescribeOnlyWhatIsSet() {
            ListOptions options =
                    ListOptions.defaults().withPrefix("to-do:").withLimit(5).withCursor("abc");

            assertThat(ListOptions.defaults()).hasToString("ListOptions{}");
            assertThat(options).hasToString("ListOptions{prefix=\"to-do:\", limit=5, cursor=\"abc\"}");
            assertThat(options.prefix()).contains("to-do:");
            assertThat(options.limit()).hasValue(5);
            assertThat(options.cursor()).contains("abc");
            assertThat(options)
                    .isEqualTo(ListOptions.defaults()
                            .withCursor("abc")
                            .withLimit(5)
                            .withPrefix("to-do:"))
                    .hasSameHashCodeAs(ListOptions.defaults()
                            .withCursor("abc")
                            .withLimit(5)
                            .withPrefix("to-do:"));
            assertThat(ListOptions.defaults().limit()).isEmpty();
        }
    }

    @Nested
    class Results {

        @Test
        void aValueWithMetadataComparesByteArraysByContent() {
            KvValueWithMetadata<byte[]> one = new KvValueWithMetadata<>(new byte[] {1, 2}, METADATA, null);
            KvValueWithMetadata<byte[]> same = new KvValueWithMetadata<>(new byte[] {1, 2}, METADATA, null);

            assertThat(one).isEqualTo(same).hasSameHashCodeAs(same);
            assertThat(one).isNotEqualTo(new KvValueWithMetadata<>(new byte[] {1, 3}, METADATA, null));
        }

        @Test
        void aValueWithMetadataDescribesItself() {
            assertThat(new KvValueWithMetadata<>("v", METADATA, null))
                    .hasToString("KvValueWithMetadata[value=\"v\", metadata={\"a\":1}, cacheStatus=null]");
            assertThat(new KvValueWithMetadata<>(new byte[] {'h', 'i'}, null, "HIT"))
                    .hasToString("KvValueWithMetadata[value=2 bytes \"hi\", metadata=null, cacheStatus=HIT]");
            assertThat(new KvValueWithMetadata<>(null, null, null).isPresent()).isFalse();
        }

        @Test
        void aListKeyShowsOnlyWhatIsSet() {
            assertThat(KvListKey.of("a")).hasToString("KvListKey[name=\"a\"]");
            assertThat(new KvListKey("a", 1_800_000_000L, METADATA))
                    .hasToString("KvListKey[name=\"a\", expiration=1800000000, metadata={\"a\":1}]");
            assertThat(new KvListKey("a", 1_800_000_000L, null).expirationInstant())
                    .isEqualTo(Instant.ofEpochSecond(1_800_000_000L));
            assertThat(KvListKey.of("a").expirationInstant()).isNull();
            assertThatThrownBy(() -> KvListKey.of(null)).hasMessage("name");
        }

        @Test
        void aListPageCopiesItsKeysAndChecksItsCursor() {
            List<KvListKey> keys = new ArrayList<>(List.of(KvListKey.of("a"), KvListKey.of("b")));
            KvListPage page = new KvListPage(keys, false, "cursor");
            keys.clear();

            assertThat(page.names()).containsExactly("a", "b");
            assertThatThrownBy(() -> page.keys().add(KvListKey.of("c")))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new KvListPage(List.of(), true, "cursor"))
                    .withMessage("A complete page has no cursor, but was given: cursor");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new KvListPage(List.of(), false, null))
                    .withMessage("A page that is not complete needs a cursor");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new KvListPage(List.of(), false, ""))
                    .withMessage("A page that is not complete needs a cursor");
        }

        @Test
        void aPageHandedOverByABindingIsAnUnmodifiableListThatEqualsACopiedOne() {
            List<KvListKey> keys = new ArrayList<>(List.of(KvListKey.of("a"), KvListKey.of("b")));
            KvListPage page = SerializedResults.get().listPage(keys, false, "cursor");
            KvListPage copied = new KvListPage(List.of(KvListKey.of("a"), KvListKey.of("b")), false, "cursor");

            assertThat(page).isEqualTo(copied).hasSameHashCodeAs(copied).hasToString(copied.toString());
            assertThat(page.keys()).isInstanceOf(java.util.RandomAccess.class);
            assertThatThrownBy(() -> page.keys().add(KvListKey.of("c")))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> page.keys().set(0, KvListKey.of("c")))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> page.keys().removeIf(key -> true))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThat(keys).hasSize(2);
            // A page rebuilt from a handed-over one's keys is that page, not another copy of it.
            assertThat(new KvListPage(page.keys(), false, "next").keys()).isSameAs(page.keys());
            assertThatNullPointerException()
                    .isThrownBy(() -> SerializedResults.get()
                            .listPage(java.util.Arrays.asList(KvListKey.of("a"), null), true, null))
                    .withMessage("keys must not contain null");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> SerializedResults.get().listPage(List.of(), true, "cursor"))
                    .withMessage("A complete page has no cursor, but was given: cursor");
        }

        @Test
        void aKvExceptionCarriesOperationStatusAndReason() {
            KvException failure = new KvException(KvOperation.GET_BULK, 413, "Too big");

            assertThat(failure).hasMessage("KV GET_BULK failed: 413 Too big");
            assertThat(failure.operation()).isEqualTo(KvOperation.GET_BULK);
            assertThat(failure.status()).isEqualTo(413);
            assertThat(failure.reason()).isEqualTo("Too big");
        }
    }

    @Nested
    class Types {

        record Todo(String title) {}

        @Test
        void readTypesAreNamedAsWorkersNamesThem() {
            assertThat(KvType.TEXT).hasToString("KvType[text]");
            assertThat(KvType.BYTES).hasToString("KvType[arrayBuffer]");
            assertThat(KvType.STREAM).hasToString("KvType[stream]");
            assertThat(KvType.JSON).hasToString("KvType[json as com.fasterxml.jackson.databind.JsonNode]");
            assertThat(KvType.json(Todo.class)).hasToString("KvType[json as dev.kvkit.ValueTypesTest$Types$Todo]");
            assertThat(KvType.Kind.BYTES.workersName()).isEqualTo("arrayBuffer");
        }

        @Test
        void jsonTypesAreEqualWhenTheyDecodeIntoTheSameType() {
            assertThat(KvType.json(Todo.class))
                    .isEqualTo(KvType.json(Todo.class))
                    .hasSameHashCodeAs(KvType.json(Todo.class))
                    .isNotEqualTo(KvType.json(String.class));
            assertThat(KvType.json(new TypeReference<List<Todo>>() {}))
                    .isEqualTo(KvType.json(new TypeReference<List<Todo>>() {}));
            assertThat(KvType.json(new TypeReference<List<Todo>>() {})
                            .javaType()
                            .getTypeName())
                    .isEqualTo("java.util.List<dev.kvkit.ValueTypesTest$Types$Todo>");
            assertThat(KvType.json(JsonNode.class)).isEqualTo(KvType.JSON);
            assertThat(KvType.TEXT.kind()).isEqualTo(KvType.Kind.TEXT);
        }
    }
}
