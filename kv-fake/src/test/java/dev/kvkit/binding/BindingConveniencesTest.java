package dev.kvkit.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.kvkit.GetOptions;
import dev.kvkit.KvException;
import dev.kvkit.KvListKey;
import dev.kvkit.KvListPage;
import dev.kvkit.KvType;
import dev.kvkit.KvValueWithMetadata;
import dev.kvkit.ListOptions;
import dev.kvkit.PutOptions;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What KvBinding offers beyond the Workers binding: walks over pages and batches, typed metadata, keys in errors. */
class BindingConveniencesTest {

    record Owner(String name, int since) {}

    record Stamped(String by, Instant at) {}

    private static List<String> keys(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> String.format("k%04d", i))
                .toList();
    }

    private static FakeKvNamespace holding(List<String> keys, FakeKvNamespace.Builder builder) {
        FakeKvNamespace kv = builder.build();
        keys.forEach(key -> kv.put(key, "v-" + key));
        return kv;
    }

    @Nested
    class ListAll {

        @Test
        void walksEveryPageInUtf8ByteOrder() {
            FakeKvNamespace kv = holding(keys(2500), FakeKvNamespace.builder());
            kv.put("\uFFFF", "last in UTF-16 and in UTF-8");
            kv.put("\uD83D\uDE00", "after U+FFFF in UTF-8, before it in UTF-16");
            CountingBinding counting = new CountingBinding(kv);

            List<String> names = counting.listAll(ListOptions.defaults())
                    .map(KvListKey::name)
                    .toList();

            List<String> expected = new ArrayList<>(keys(2500));
            expected.add("\uFFFF");
            expected.add("\uD83D\uDE00");
            assertThat(names).containsExactlyElementsOf(expected);
            assertThat(counting.lists).hasSize(3);
        }

        @Test
        void keepsThePrefixAndPageSizeOnEveryPage() {
            FakeKvNamespace kv = holding(keys(30), FakeKvNamespace.builder());
            kv.put("other", "x");
            CountingBinding counting = new CountingBinding(kv);

            List<String> names = counting.listKeyNames("k00").toList();

            assertThat(names).hasSize(30).allMatch(name -> name.startsWith("k00"));
            counting.lists.clear();
            assertThat(counting.listAll(ListOptions.defaults().withPrefix("k").withLimit(10)))
                    .hasSize(30);
            assertThat(counting.lists).hasSize(3).allSatisfy(options -> {
                assertThat(options.prefix()).hasValue("k");
                assertThat(options.limit()).hasValue(10);
            });
        }

        @Test
        void goesOnPastShortAndEmptyPagesUntilTheListIsComplete() {
            FakeKvNamespace kv = holding(keys(60), FakeKvNamespace.builder().listStressMode(true));
            CountingBinding counting = new CountingBinding(kv);

            List<String> names = counting.listAll(ListOptions.defaults().withLimit(10))
                    .map(KvListKey::name)
                    .toList();

            assertThat(names).containsExactlyElementsOf(keys(60));
            List<KvListPage> pages = new ArrayList<>();
            for (ListOptions options : counting.lists) {
                pages.add(kv.list(options));
            }
            assertThat(pages)
                    .as("stress mode gave a short or empty page before the end, which must not stop the walk")
                    .anySatisfy(page -> {
                        assertThat(page.listComplete()).isFalse();
                        assertThat(page.keys()).hasSizeLessThan(10);
                    });
        }

        @Test
        void fetchesAPageOnlyWhenTheStreamReachesIt() {
            CountingBinding counting = new CountingBinding(holding(keys(50), FakeKvNamespace.builder()));

            var stream = counting.listAll(ListOptions.defaults().withLimit(10));
            assertThat(counting.lists).isEmpty();
            assertThat(stream.limit(5).toList()).hasSize(5);
            assertThat(counting.lists).hasSize(1);
        }

        @Test
        void anEmptyNamespaceIsOneRequestAndAnEmptyStream() {
            CountingBinding counting =
                    new CountingBinding(FakeKvNamespace.builder().build());

            assertThat(counting.listAll(ListOptions.defaults())).isEmpty();
            assertThat(counting.lists).hasSize(1);
        }

        @Test
        void refusesNullOptions() {
            FakeKvNamespace kv = FakeKvNamespace.builder().build();
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> kv.listAll(null))
                    .withMessage("options must not be null");
        }
    }

    @Nested
    class GetAll {

        @Test
        void readsAnyNumberOfKeysInRequestsOfAtMost100() {
            List<String> wanted = new ArrayList<>(keys(250));
            wanted.add("missing");
            wanted.add("k0001"); // a duplicate collapses
            CountingBinding counting = new CountingBinding(holding(keys(250), FakeKvNamespace.builder()));

            Map<String, String> values = counting.getAll(wanted, KvType.TEXT, GetOptions.defaults());

            assertThat(values).hasSize(251).containsEntry("k0249", "v-k0249").containsEntry("missing", null);
            assertThat(values.keySet()).startsWith("k0000", "k0001", "k0002").endsWith("missing");
            assertThat(counting.bulkReads).extracting(List::size).containsExactly(100, 100, 51);
        }

        @Test
        void aBatchTheServiceRefusesFailsWithItsMessage() {
            FakeKvNamespace kv = holding(keys(150), FakeKvNamespace.builder());
            List<String> wanted = new ArrayList<>(keys(150));
            wanted.set(120, "");

            assertThatThrownBy(() -> kv.getAll(wanted, KvType.TEXT, GetOptions.defaults()))
                    .isInstanceOf(KvException.class)
                    .hasMessage("KV GET_BULK failed: 400 Key names must not be empty");
        }
    }

    @Nested
    class Overloads {

        @Test
        void everyReadTakesGetOptionsWithoutSpellingOutTheType() {
            FakeKvNamespace kv = FakeKvNamespace.builder().build();
            kv.putJson("owner", new Owner("ada", 2020), PutOptions.defaults().withMetadata(Map.of("v", 1)));
            GetOptions cached = GetOptions.defaults().withCacheTtl(300);

            assertThat(kv.getJson("owner", Owner.class, cached)).isEqualTo(new Owner("ada", 2020));
            assertThat(kv.getJson("owner", new TypeReference<Map<String, Object>>() {}))
                    .containsEntry("name", "ada");
            assertThat(kv.getJson("owner", new TypeReference<Map<String, Object>>() {}, cached))
                    .containsEntry("since", 2020);
            assertThat(kv.getWithMetadata("owner", cached).metadata(new TypeReference<Map<String, Integer>>() {}))
                    .containsEntry("v", 1);
            assertThat(kv.get(List.of("owner", "none"), cached)).containsEntry("none", null);
            assertThat(kv.getWithMetadata(List.of("owner"), cached).get("owner").value())
                    .contains("\"ada\"");
        }

        @Test
        void theOptionsReachTheBindingAndItsRules() {
            FakeKvNamespace kv = FakeKvNamespace.builder().build();
            GetOptions tooShort = GetOptions.defaults().withCacheTtl(10);

            assertThatThrownBy(() -> kv.getWithMetadata("k", tooShort))
                    .hasMessage("KV GET failed: 400 Invalid cache_ttl of 10. Cache TTL must be at least 30.");
            assertThatThrownBy(() -> kv.get(List.of("k"), tooShort))
                    .hasMessage("KV GET_BULK failed: 400 Invalid cache_ttl of 10. Cache TTL must be at least 30.");
            assertThatThrownBy(() -> kv.getJson("k", Owner.class, tooShort))
                    .hasMessage("KV GET failed: 400 Invalid cache_ttl of 10. Cache TTL must be at least 30.");
        }
    }

    @Nested
    class TypedMetadata {

        @Test
        void metadataComesOutAsTheTypeItWentInAs() {
            FakeKvNamespace kv = FakeKvNamespace.builder().build();
            kv.put("to-do:1", "Buy milk", PutOptions.defaults().withMetadata(new Owner("ada", 2020)));

            KvValueWithMetadata<String> read = kv.getWithMetadata("to-do:1");
            KvListKey listed = kv.list().keys().get(0);

            assertThat(read.metadata(Owner.class)).isEqualTo(new Owner("ada", 2020));
            assertThat(listed.metadata(Owner.class)).isEqualTo(new Owner("ada", 2020));
            assertThat(listed.metadata(new TypeReference<Map<String, Object>>() {}))
                    .containsEntry("name", "ada");
        }

        @Test
        void theDefaultMapperKnowsTheModulesOnTheClassPath() {
            FakeKvNamespace kv = FakeKvNamespace.builder().build();
            Stamped stamped = new Stamped("ada", Instant.parse("2026-01-01T10:00:00Z"));

            kv.putJson("stamp", stamped, PutOptions.defaults().withMetadata(stamped));

            assertThat(kv.getJson("stamp", Stamped.class)).isEqualTo(stamped);
            assertThat(kv.getWithMetadata("stamp").metadata(Stamped.class)).isEqualTo(stamped);
        }

        @Test
        void noMetadataIsNullForEveryType() {
            FakeKvNamespace kv = FakeKvNamespace.builder().build();
            kv.put("plain", "v");

            assertThat(kv.getWithMetadata("plain").metadata(Owner.class)).isNull();
            assertThat(kv.getWithMetadata("missing").metadata(Owner.class)).isNull();
            assertThat(KvListKey.of("x").metadata(Owner.class)).isNull();
        }

        @Test
        void metadataOfAnotherShapeSaysWhatItIsAndWhatWasAsked() {
            FakeKvNamespace kv = FakeKvNamespace.builder().build();
            kv.put("k", "v", PutOptions.defaults().withMetadata(List.of(1, 2)));

            assertThatThrownBy(() -> kv.getWithMetadata("k").metadata(Owner.class))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageStartingWith("Metadata [1,2] cannot be read as " + Owner.class.getName() + ": ");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> kv.getWithMetadata("k").metadata((Class<Owner>) null))
                    .withMessage("type must not be null");
        }
    }

    @Nested
    class KeyInExceptions {

        @Test
        void aRefusedWriteNamesItsKey() {
            FakeKvNamespace kv = FakeKvNamespace.builder().build();

            assertThatThrownBy(() ->
                            kv.put("session:abc", "v", PutOptions.defaults().withExpirationTtl(30)))
                    .isInstanceOfSatisfying(KvException.class, e -> {
                        assertThat(e.key()).hasValue("session:abc");
                        assertThat(e.getMessage()).doesNotContain("session:abc");
                    });
            assertThatThrownBy(() -> kv.put("big", "x".repeat(26_214_401)))
                    .isInstanceOfSatisfying(
                            KvException.class, e -> assertThat(e.key()).hasValue("big"));
        }

        @Test
        void aRefusedReadNamesItsKeyAndABulkReadTheKeyThatBrokeTheRule() {
            TestClock clock = TestClock.create();
            FakeKvNamespace kv = FakeKvNamespace.builder().clock(clock).build();
            kv.put("text", "not json");

            assertThatThrownBy(() -> kv.get("k".repeat(513)))
                    .isInstanceOfSatisfying(
                            KvException.class, e -> assertThat(e.key()).hasValue("k".repeat(513)));
            assertThatThrownBy(() -> kv.get(List.of("a", ".."), KvType.TEXT))
                    .isInstanceOfSatisfying(
                            KvException.class, e -> assertThat(e.key()).hasValue(".."));
            assertThatThrownBy(() -> kv.get(List.of("text"), KvType.JSON))
                    .isInstanceOfSatisfying(
                            KvException.class, e -> assertThat(e.key()).hasValue("text"));
        }

        @Test
        void aFailureAboutNoSingleKeyNamesNone() {
            FakeKvNamespace kv = FakeKvNamespace.builder().build();

            assertThatThrownBy(() -> kv.list(ListOptions.defaults().withLimit(1001)))
                    .isInstanceOfSatisfying(
                            KvException.class, e -> assertThat(e.key()).isEmpty());
            assertThatThrownBy(() -> kv.get(keys(101), KvType.TEXT))
                    .isInstanceOfSatisfying(
                            KvException.class, e -> assertThat(e.key()).isEmpty());
        }

        @Test
        void theFourArgumentConstructorKeepsTheServiceMessage() {
            KvException e =
                    new KvException(dev.kvkit.KvOperation.PUT, 413, "Value length of 9 exceeds limit of 8.", "k");

            assertThat(e).hasMessage("KV PUT failed: 413 Value length of 9 exceeds limit of 8.");
            assertThat(e.key()).hasValue("k");
            assertThat(new KvException(dev.kvkit.KvOperation.GET, 400, "x").key())
                    .isEmpty();
        }
    }
}
