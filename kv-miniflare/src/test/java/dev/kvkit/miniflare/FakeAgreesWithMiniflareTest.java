package dev.kvkit.miniflare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvkit.fake.KvLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Fidelity measured, not asserted: seeded random operation sequences run on the fake (in-process)
 * and on Miniflare, Cloudflare's local simulator running workerd's KV code, and every divergence
 * must be one the allow-list ({@code allowed-divergences.json}) explains by its signature.
 *
 * <p><b>How.</b> One Miniflare per test class ({@link MiniflareDriver}) runs a tiny Worker with a
 * KV binding; sequences go to it in batches, each on an emptied namespace with Miniflare's fake
 * timers set to the sequence's start and moved by its clock steps (Miniflare's own test-only control
 * operations on the namespace's storage object: {@code enableFakeTimers}, {@code sqlQuery}). The
 * fake runs the same steps on a {@code TestClock}. Results and errors are compared in one shape
 * ({@link Outcomes}): values, metadata, list pages (cursors by presence only), error kind, exact
 * message, operation and status. A sequence is compared up to its first divergence: past an allowed
 * one the two stores may legitimately hold different data.
 *
 * <p><b>How often.</b> Every build compares {@code kvkit.miniflare.sequences} sequences (2,000 by
 * default) from seed {@code kvkit.miniflare.seed} (1) on. Any count and seed:
 *
 * <pre>
 * ./mvnw -pl kv-binding,kv-fake,kv-miniflare -am verify -Dkvkit.miniflare.sequences=20000 -Dkvkit.miniflare.seed=42
 * </pre>
 *
 * <p>An unexplained divergence fails with its seed and the shortest sequence that still diverges
 * ({@link Shrinker}), as JSON ready to paste into the allow-list or a test.
 *
 * <p><b>What Miniflare cannot reach.</b> Its fake timers exist only in its test mode, which caps
 * values and bulk reads at 1 KiB, so values of 25 MiB and the 25 MiB bulk total are not compared
 * (the fake runs with the same 1 KiB limits here, its other limits as on Cloudflare); Miniflare
 * models no locations, edge caches or cacheTtl expiry (so consistency is not compared), no write
 * rate limit, and no list tombstones. Option values that only JavaScript can pass (strings,
 * fractions, {@code NaN} for numbers) have no Java form and are not generated.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FakeAgreesWithMiniflareTest {

    /** Miniflare's test mode: 1 KiB values and bulk reads; everything else as on Cloudflare. */
    static final KvLimits MINIFLARE_TEST_MODE = KvLimits.cloudflare().toBuilder()
            .name("miniflare-test-mode")
            .maxValueBytes(1024)
            .maxBulkTotalBytes(1024)
            .build();

    private static final int SEQUENCES = Integer.getInteger("kvkit.miniflare.sequences", 2000);
    private static final long FIRST_SEED = Long.getLong("kvkit.miniflare.seed", 1L);
    private static final int BATCH = 50;
    private static final int SHRINK_BUDGET = 400;
    /** How many different kinds of unexplained divergence one run shrinks and reports. */
    private static final int REPORTED = Integer.getInteger("kvkit.miniflare.reported", 6);

    private final ObjectMapper mapper =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private final AllowList allowList = AllowList.load(mapper, "/allowed-divergences.json");
    private MiniflareDriver miniflare;

    @BeforeAll
    void startMiniflare() {
        miniflare = MiniflareDriver.start(mapper);
    }

    @AfterAll
    void stopMiniflare() {
        if (miniflare != null) {
            miniflare.close();
        }
    }

    @Test
    void everyRandomSequenceAgreesWithMiniflareOrDivergesOnlyAsTheAllowListSays() {
        SequenceRunner fake = new SequenceRunner(MINIFLARE_TEST_MODE, mapper);
        long started = System.nanoTime();
        long steps = 0;
        long stepsCompared = 0;
        Map<String, Integer> allowed = new LinkedHashMap<>();
        List<Long> unexplained = new ArrayList<>();
        Map<String, String> reports = new LinkedHashMap<>();
        Map<String, Integer> coverage = new TreeMap<>();
        for (long batchStart = 0; batchStart < SEQUENCES; batchStart += BATCH) {
            List<Sequence> batch = new ArrayList<>();
            for (long i = batchStart; i < Math.min(SEQUENCES, batchStart + BATCH); i++) {
                batch.add(SequenceGenerator.generate(FIRST_SEED + i));
            }
            List<ArrayNode> answers = miniflare.run(batch);
            for (int i = 0; i < batch.size(); i++) {
                Sequence sequence = batch.get(i);
                long seed = FIRST_SEED + batchStart + i;
                steps += sequence.steps().size();
                List<ObjectNode> fakeOutcomes = fake.run(sequence);
                Divergence divergence = Divergence.first(sequence, list(answers.get(i)), fakeOutcomes);
                int agreeing = divergence == null ? fakeOutcomes.size() : divergence.index();
                for (int s = 0; s < agreeing; s++) {
                    coverage.merge(
                            sequence.steps().get(s).path("op").asText() + " -> " + shape(fakeOutcomes.get(s)),
                            1,
                            Integer::sum);
                }
                if (divergence == null) {
                    stepsCompared += sequence.steps().size();
                    continue;
                }
                stepsCompared += divergence.index() + 1;
                Optional<AllowList.Entry> entry = allowList.explaining(divergence, sequence);
                if (entry.isPresent()) {
                    allowed.merge(entry.get().id(), 1, Integer::sum);
                } else {
                    unexplained.add(seed);
                    String kind = kindOf(divergence);
                    if (reports.size() < REPORTED && !reports.containsKey(kind)) {
                        reports.put(kind, report(seed, sequence, fake));
                    }
                }
            }
        }
        String summary = String.format(
                "kv-miniflare: %d sequences (seeds %d..%d), %d steps, %d steps compared on both sides in %.1f s;"
                        + " allowed divergences %s; unexplained divergences: %d",
                SEQUENCES,
                FIRST_SEED,
                FIRST_SEED + SEQUENCES - 1,
                steps,
                stepsCompared,
                (System.nanoTime() - started) / 1e9,
                allowed,
                unexplained.size());
        System.out.println(summary);
        writeCoverage(coverage);
        assertThat(unexplained)
                .as(() -> summary + " (seeds " + unexplained + ")\n\n" + String.join("\n\n", reports.values()))
                .isEmpty();
    }

    @Test
    void everyAllowListEntryStillDivergesExactlyAsItsSignatureSays() {
        SequenceRunner fake = new SequenceRunner(MINIFLARE_TEST_MODE, mapper);
        assertThat(allowList.entries()).isNotEmpty();
        List<Sequence> sequences =
                allowList.entries().stream().map(AllowList.Entry::sequence).toList();
        List<ArrayNode> answers = miniflare.run(sequences);
        List<String> stale = new ArrayList<>();
        for (int i = 0; i < sequences.size(); i++) {
            AllowList.Entry entry = allowList.entries().get(i);
            Divergence divergence =
                    Divergence.first(sequences.get(i), list(answers.get(i)), fake.run(sequences.get(i)));
            if (divergence == null) {
                stale.add(entry.id() + ": its sequence no longer diverges; remove the entry");
            } else if (!entry.explains(divergence, sequences.get(i))) {
                stale.add(entry.id() + ": its sequence diverges, but not as its signature says:\n  " + divergence);
            }
        }
        assertThat(stale).as("stale allow-list entries").isEmpty();
    }

    /**
     * The comparison can fail, and what it reports is small: a fake that demands a cacheTtl of 60
     * (the old documented minimum) where Miniflare accepts 30 diverges in some random sequence, no
     * allow-list entry explains it, and it shrinks to at most two steps.
     */
    @Test
    void aFakeThatBreaksARuleDivergesUnexplainedAndShrinksToAFewSteps() {
        SequenceRunner broken = new SequenceRunner(
                MINIFLARE_TEST_MODE.toBuilder().minCacheTtlSeconds(60).build(), mapper);
        for (long seed = 1; seed <= 200; seed++) {
            Sequence sequence = SequenceGenerator.generate(seed);
            if (showsBrokenRule(sequence, broken)) {
                Sequence smallest = Shrinker.shrink(sequence, s -> showsBrokenRule(s, broken), SHRINK_BUDGET);
                Divergence divergence = unexplained(smallest, broken);
                assertThat(smallest.steps().size())
                        .as(smallest.steps().toString())
                        .isLessThanOrEqualTo(2);
                assertThat(divergence.miniflare().toString()).doesNotContain("cache_ttl");
                assertThat(divergence.fake().toString()).contains("Cache TTL must be at least 60.");
                return;
            }
        }
        throw new AssertionError("No sequence of seeds 1..200 showed the broken cacheTtl rule");
    }

    private boolean showsBrokenRule(Sequence sequence, SequenceRunner broken) {
        Divergence divergence = unexplained(sequence, broken);
        return divergence != null && divergence.fake().toString().contains("Cache TTL must be at least 60.");
    }

    private Divergence unexplained(Sequence sequence, SequenceRunner fake) {
        Divergence divergence =
                Divergence.first(sequence, list(miniflare.run(List.of(sequence)).get(0)), fake.run(sequence));
        return divergence == null || allowList.explaining(divergence, sequence).isPresent() ? null : divergence;
    }

    private String report(long seed, Sequence sequence, SequenceRunner fake) {
        Sequence smallest = Shrinker.shrink(sequence, s -> unexplained(s, fake) != null, SHRINK_BUDGET);
        Divergence divergence = unexplained(smallest, fake);
        ObjectNode json = mapper.createObjectNode();
        json.put("startMillis", smallest.startMillis());
        json.set("steps", smallest.steps());
        String pretty;
        try {
            pretty = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            pretty = json.toString();
        }
        return "Seed " + seed + " diverges (" + sequence.steps().size() + " steps, shrunk to "
                + smallest.steps().size() + "): " + divergence + "\n  sequence: " + pretty;
    }

    /**
     * Writes how often each operation agreed with Miniflare, by outcome (ok, or the error's kind and
     * text with its numbers as N), to {@code target/kv-miniflare-coverage.txt}: what the run exercised.
     */
    private static void writeCoverage(Map<String, Integer> coverage) {
        StringBuilder text = new StringBuilder("Steps that agreed with Miniflare, by operation and outcome:\n");
        coverage.forEach((outcome, count) -> text.append(String.format("%7d  %s%n", count, outcome)));
        long errors =
                coverage.keySet().stream().filter(k -> !k.endsWith("-> ok")).count();
        System.out.println("kv-miniflare: " + errors
                + " distinct error outcomes agreed; details in target/kv-miniflare-coverage.txt");
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target/kv-miniflare-coverage.txt"), text);
        } catch (java.io.IOException e) {
            System.out.println(text);
        }
    }

    /** A divergence's operation and both outcomes' shapes, numbers and values left out: one per kind of bug. */
    private static String kindOf(Divergence divergence) {
        return divergence.op() + " | " + shape(divergence.miniflare()) + " | " + shape(divergence.fake());
    }

    private static String shape(ObjectNode outcome) {
        if (outcome.has("error")) {
            return outcome.get("error").path("kind").asText() + " "
                    + outcome.get("error").path("message").asText().replaceAll("[0-9]+", "N");
        }
        return "ok";
    }

    private static List<ObjectNode> list(ArrayNode array) {
        List<ObjectNode> list = new ArrayList<>();
        array.forEach(node -> list.add((ObjectNode) node));
        return list;
    }
}
