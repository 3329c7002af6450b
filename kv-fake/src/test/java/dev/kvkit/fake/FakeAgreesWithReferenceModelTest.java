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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of writes, reads, deletes, lists and clock moves, run against the fake and
 * against a deliberately simple reference model: a {@link TreeMap} ordered by code point arrays and
 * plain expiry arithmetic. Every observable result must be the same at every step.
 *
 * <p>The sequences come from fixed seeds, so a failure names a seed that reproduces it on every run,
 * and a failing sequence is shrunk to the fewest steps that still fail before it is reported. (This
 * is property-based testing without jqwik: since 1.10, jqwik's engine asks AI agents not to use it,
 * and kvkit is partly written by one.)
 *
 * <p>This test covers key order and expiry on the default location; {@link
 * LocationsAndRulesAgreeWithModelTest} covers locations and their caches, refusals, value kinds,
 * absolute expirations, the write rate and list stress mode, with the same {@link Shrinker}.
 */
class FakeAgreesWithReferenceModelTest {

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

    /** How many random sequences one run checks; each seed gives the same sequence on every run. */
    static final int SEQUENCES = 1000;

    @Test
    void theFakeBehavesLikeTheReferenceModelInEveryRandomSequence() {
        for (long seed = 1; seed <= SEQUENCES; seed++) {
            List<Step> steps = RandomSteps.generate(new SplittableRandom(seed));
            if (disagreement(steps, ReferenceModel::byCodePoints) != null) {
                List<Step> smallest =
                        Shrinker.shrink(steps, s -> disagreement(s, ReferenceModel::byCodePoints) != null);
                AssertionError failure = disagreement(smallest, ReferenceModel::byCodePoints);
                throw new AssertionError(
                        "Seed " + seed + ": the fake and the reference model disagree. Smallest failing sequence ("
                                + smallest.size() + " of " + steps.size() + " steps):\n  "
                                + smallest.stream().map(Step::toString).collect(Collectors.joining("\n  "))
                                + "\n" + failure.getMessage(),
                        failure);
            }
        }
    }

    /**
     * The check above can fail, and what it reports is small: against a model that sorts keys with
     * {@code String.compareTo} (UTF-16 order, the classic mistake), some sequence disagrees and
     * shrinks to a handful of steps.
     */
    @Test
    void aModelWithUtf16OrderIsCaughtAndShrunkToAFewSteps() {
        Comparator<String> utf16 = String::compareTo;
        List<Step> failing = null;
        for (long seed = 1; seed <= SEQUENCES && failing == null; seed++) {
            List<Step> steps = RandomSteps.generate(new SplittableRandom(seed));
            if (disagreement(steps, utf16) != null) {
                failing = steps;
            }
        }
        assertThat(failing)
                .as("a sequence that tells code point order from UTF-16 order")
                .isNotNull();

        List<Step> smallest = Shrinker.shrink(failing, s -> disagreement(s, utf16) != null);

        assertThat(disagreement(smallest, utf16)).isNotNull();
        assertThat(smallest).hasSizeLessThanOrEqualTo(4);
    }

    /** Runs the steps against the fake and a model; returns the first disagreement, or null. */
    static AssertionError disagreement(List<Step> steps, Comparator<String> modelOrder) {
        try {
            runAgainstModel(steps, modelOrder);
            return null;
        } catch (AssertionError e) {
            return e;
        }
    }

    private static void runAgainstModel(List<Step> steps, Comparator<String> modelOrder) {
        TestClock clock = TestClock.create();
        FakeKvNamespace fake = FakeKvNamespace.builder().clock(clock).build();
        ReferenceModel model = new ReferenceModel(clock.millis(), modelOrder);

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

    /**
     * Random step sequences, up to 40 steps, weighted towards writes and clock moves. A small alphabet
     * makes keys collide and prefixes overlap, across the planes where UTF-16 and code point order
     * differ.
     */
    static final class RandomSteps {

        private static final List<Long> TTLS = List.of(60L, 61L, 120L);
        private static final List<Long> MOVES =
                List.of(1L, 999L, 1_000L, 30_000L, 59_999L, 60_000L, 61_000L, -1_000L, -60_000L);

        static List<Step> generate(SplittableRandom random) {
            int length = random.nextInt(41);
            List<Step> steps = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                steps.add(step(random));
            }
            return steps;
        }

        private static Step step(SplittableRandom random) {
            int weight = random.nextInt(17);
            if (weight < 5) {
                return new Put(
                        key(random),
                        word(random, "xyz", 3),
                        random.nextBoolean() ? null : pick(random, TTLS),
                        random.nextBoolean() ? null : pick(random, List.of("m1", "m2")));
            }
            if (weight < 7) {
                return new Get(key(random));
            }
            if (weight < 9) {
                return new GetWithMetadata(key(random));
            }
            if (weight < 10) {
                List<String> keys = new ArrayList<>();
                int count = 1 + random.nextInt(4);
                for (int i = 0; i < count; i++) {
                    keys.add(key(random));
                }
                return new BulkGet(keys);
            }
            if (weight < 12) {
                return new Delete(key(random));
            }
            if (weight < 14) {
                return new ListAll(letters(random, 0, 2), random.nextInt(5));
            }
            return new MoveClock(pick(random, MOVES));
        }

        private static String key(SplittableRandom random) {
            return letters(random, 1, 3);
        }

        private static String letters(SplittableRandom random, int min, int max) {
            StringBuilder text = new StringBuilder();
            int count = min + random.nextInt(max - min + 1);
            for (int i = 0; i < count; i++) {
                text.append(pick(random, LETTERS));
            }
            return text.toString();
        }

        private static String word(SplittableRandom random, String chars, int maxLength) {
            StringBuilder text = new StringBuilder();
            int count = random.nextInt(maxLength + 1);
            for (int i = 0; i < count; i++) {
                text.append(chars.charAt(random.nextInt(chars.length())));
            }
            return text.toString();
        }

        private static <T> T pick(SplittableRandom random, List<T> choices) {
            return choices.get(random.nextInt(choices.size()));
        }
    }

    /**
     * Shrinks a failing sequence by removing steps while it still fails: chunks of halving size, down
     * to single steps, until no removal keeps the failure (delta debugging, without the search for
     * complements).
     */
    static final class Shrinker {

        static <T> List<T> shrink(List<T> failing, Predicate<List<T>> fails) {
            List<T> current = List.copyOf(failing);
            for (int chunk = Math.max(1, current.size() / 2); chunk >= 1; chunk /= 2) {
                boolean removed;
                do {
                    removed = false;
                    for (int from = 0; from + chunk <= current.size(); from += chunk) {
                        List<T> candidate = new ArrayList<>(current.subList(0, from));
                        candidate.addAll(current.subList(from + chunk, current.size()));
                        if (fails.test(candidate)) {
                            current = candidate;
                            removed = true;
                            break;
                        }
                    }
                } while (removed);
            }
            return current;
        }
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

        private final TreeMap<String, Record> records;
        private long nowMillis;

        ReferenceModel(long nowMillis, Comparator<String> order) {
            this.nowMillis = nowMillis;
            this.records = new TreeMap<>(order);
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
