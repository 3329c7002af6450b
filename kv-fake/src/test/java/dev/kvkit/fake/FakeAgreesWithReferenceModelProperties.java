package dev.kvkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kvkit.KvListKey;
import dev.kvkit.KvListPage;
import dev.kvkit.KvValueWithMetadata;
import dev.kvkit.ListOptions;
import dev.kvkit.PutOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random sequences of writes, reads, deletes, lists and clock moves, run against the fake and
 * against a deliberately simple reference model: a {@link TreeMap} ordered by code point arrays and
 * plain expiry arithmetic. Every observable result must be the same at every step.
 */
class FakeAgreesWithReferenceModelProperties {

    /** A small alphabet so that keys collide, prefixes overlap and order is tested across planes. */
    private static final List<String> LETTERS = List.of("a", "b", "B", "é", "\uE000", "\uFFFF", "😀");

    sealed interface Step {}

    record Put(String key, String value, Long ttl, String metadata) implements Step {}

    record Get(String key) implements Step {}

    record GetWithMetadata(String key) implements Step {}

    record BulkGet(List<String> keys) implements Step {}

    record Delete(String key) implements Step {}

    record ListAll(String prefix, int limit) implements Step {}

    record MoveClock(long millis) implements Step {}

    @Property(tries = 1000)
    void theFakeBehavesLikeTheReferenceModel(@ForAll("steps") List<Step> steps) {
        TestClock clock = TestClock.create();
        FakeKvNamespace fake = FakeKvNamespace.builder().clock(clock).build();
        ReferenceModel model = new ReferenceModel(clock.millis());

        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String at = "step " + i + " " + step;
            if (step instanceof Put put) {
                PutOptions options = PutOptions.defaults().withMetadata(put.metadata());
                if (put.ttl() != null) {
                    options = options.withExpirationTtl(put.ttl());
                }
                fake.put(put.key(), put.value(), options);
                model.put(put.key(), put.value(), put.ttl(), put.metadata());
            } else if (step instanceof Get get) {
                assertThat(fake.get(get.key())).as(at).isEqualTo(model.value(get.key()));
            } else if (step instanceof GetWithMetadata get) {
                KvValueWithMetadata<String> found = fake.getWithMetadata(get.key());
                assertThat(found.value()).as(at).isEqualTo(model.value(get.key()));
                assertThat(text(found.metadata())).as(at).isEqualTo(model.metadata(get.key()));
            } else if (step instanceof BulkGet bulk) {
                Map<String, String> found = fake.get(bulk.keys());
                List<String> expectedKeys = bulk.keys().stream().distinct().toList();
                assertThat(found.keySet()).as(at).containsExactlyElementsOf(expectedKeys);
                expectedKeys.forEach(key -> assertThat(found.get(key)).as(at).isEqualTo(model.value(key)));
            } else if (step instanceof Delete delete) {
                fake.delete(delete.key());
                model.delete(delete.key());
            } else if (step instanceof ListAll list) {
                assertThat(listEveryPage(fake, list)).as(at).isEqualTo(model.pages(list.prefix(), list.limit()));
            } else if (step instanceof MoveClock move) {
                clock.advance(Duration.ofMillis(move.millis()));
                model.moveClock(move.millis());
            }
            assertThat(fake.keys()).as("keys() after " + at).isEqualTo(model.keys());
        }
    }

    private static List<Page> listEveryPage(FakeKvNamespace fake, ListAll list) {
        List<Page> pages = new ArrayList<>();
        ListOptions options = ListOptions.defaults().withPrefix(list.prefix()).withLimit(list.limit());
        KvListPage page;
        do {
            page = fake.list(options);
            List<ModelKey> keys = new ArrayList<>();
            for (KvListKey key : page.keys()) {
                keys.add(new ModelKey(key.name(), key.expiration(), text(key.metadata())));
            }
            pages.add(new Page(keys, page.listComplete()));
            assertThat(pages).as("pages of " + list).hasSizeLessThan(100);
            options = options.withCursor(page.cursor());
        } while (!page.listComplete());
        return pages;
    }

    private static String text(JsonNode metadata) {
        return metadata == null ? null : metadata.textValue();
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<String> keys =
                Arbitraries.of(LETTERS).list().ofMinSize(1).ofMaxSize(3).map(letters -> String.join("", letters));
        Arbitrary<String> prefixes =
                Arbitraries.of(LETTERS).list().ofMaxSize(2).map(letters -> String.join("", letters));
        Arbitrary<Step> put = Combinators.combine(
                        keys,
                        Arbitraries.strings().withChars("xyz").ofMaxLength(3),
                        Arbitraries.of(60L, 61L, 120L).injectNull(0.5),
                        Arbitraries.of("m1", "m2").injectNull(0.5))
                .as(Put::new);
        Arbitrary<Step> moves = Arbitraries.of(1L, 999L, 1_000L, 30_000L, 59_999L, 60_000L, 61_000L, -1_000L, -60_000L)
                .map(MoveClock::new);
        return Arbitraries.frequencyOf(
                        Tuple.of(5, put),
                        Tuple.of(2, keys.map(Get::new)),
                        Tuple.of(2, keys.map(GetWithMetadata::new)),
                        Tuple.of(1, keys.list().ofMinSize(1).ofMaxSize(4).map(BulkGet::new)),
                        Tuple.of(2, keys.map(Delete::new)),
                        Tuple.of(
                                2,
                                Combinators.combine(
                                                prefixes, Arbitraries.integers().between(0, 4))
                                        .as(ListAll::new)),
                        Tuple.of(3, moves))
                .list()
                .ofMaxSize(40);
    }

    record ModelKey(String name, Long expiration, String metadata) {}

    record Page(List<ModelKey> keys, boolean listComplete) {}

    /**
     * The spec in its plainest form: a sorted map, expiry as arithmetic on a millisecond counter, and
     * an expired record removed the moment the clock reaches it, which is why moving the clock back
     * cannot revive it.
     */
    static final class ReferenceModel {

        private record Record(String value, String metadata, Long expirationSeconds) {}

        private final TreeMap<String, Record> records = new TreeMap<>(ReferenceModel::byCodePoints);
        private long nowMillis;

        ReferenceModel(long nowMillis) {
            this.nowMillis = nowMillis;
        }

        static int byCodePoints(String a, String b) {
            return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
        }

        void put(String key, String value, Long ttl, String metadata) {
            Long expiration = ttl == null ? null : Math.floorDiv(nowMillis, 1000) + ttl;
            records.put(key, new Record(value, metadata, expiration));
        }

        void delete(String key) {
            records.remove(key);
        }

        void moveClock(long millis) {
            nowMillis += millis;
            records.values()
                    .removeIf(record ->
                            record.expirationSeconds() != null && nowMillis >= record.expirationSeconds() * 1000);
        }

        String value(String key) {
            Record record = records.get(key);
            return record == null ? null : record.value();
        }

        String metadata(String key) {
            Record record = records.get(key);
            return record == null ? null : record.metadata();
        }

        List<String> keys() {
            return List.copyOf(records.keySet());
        }

        List<Page> pages(String prefix, int limit) {
            int pageSize = limit <= 0 ? 1000 : limit;
            List<ModelKey> matching = new ArrayList<>();
            records.forEach((key, record) -> {
                if (key.startsWith(prefix)) {
                    matching.add(new ModelKey(key, record.expirationSeconds(), record.metadata()));
                }
            });
            List<Page> pages = new ArrayList<>();
            for (int from = 0; from < matching.size(); from += pageSize) {
                int to = Math.min(from + pageSize, matching.size());
                pages.add(new Page(matching.subList(from, to), to == matching.size()));
            }
            if (pages.isEmpty()) {
                pages.add(new Page(List.of(), true));
            }
            return pages;
        }
    }
}
