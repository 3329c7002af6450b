package dev.kvkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kvkit.GetOptions;
import dev.kvkit.KvBinding;
import dev.kvkit.KvException;
import dev.kvkit.KvListKey;
import dev.kvkit.KvListPage;
import dev.kvkit.KvType;
import dev.kvkit.KvValueWithMetadata;
import dev.kvkit.ListOptions;
import dev.kvkit.PutOptions;
import dev.kvkit.fake.FakeAgreesWithReferenceModelTest.Shrinker;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random sequences of calls from two locations (the default one and Sydney, with its edge cache),
 * on namespaces with and without the write rate and the list stress mode, run against the fake and
 * against {@link Model}, the spec written as plain code. Every call's outcome (its result, or the
 * exception type and exact message of a refusal) must agree, and after every step so must the
 * namespace's entries and what Sydney would serve for each key.
 *
 * <p>The sequences cover what is riskiest: cached values and cached misses, reads with a shorter
 * cacheTtl, stale list pages, refused calls (which change nothing), text, byte and JSON values,
 * TTLs and absolute expirations, clock moves both ways, the write rate and list stress mode.
 *
 * <p>The self-check plants one bug at a time behind a {@link KvBinding} decorator (the fake's main
 * code is untouched), runs the same search, and asserts the bug is found and shrunk to a few steps.
 */
class LocationsAndRulesAgreeWithModelTest {

    static final int SEQUENCES = 400;
    static final int MAX_STEPS = 30;

    static final String DEFAULT = "default";
    static final String SYDNEY = "syd";
    /** Keys for text and byte values; {@code "j"} only ever holds JSON, so JSON reads of it parse. */
    static final List<String> KEYS = List.of("a", "b", "ba");

    static final String JSON_KEY = "j";
    static final ObjectMapper JSON = new ObjectMapper();

    // ------------------------------------------------------------------ steps

    sealed interface Step {}

    /** A value to write: text, bytes (hex) or a JSON list. */
    sealed interface Value {}

    record Text(String text) implements Value {}

    record Bytes(String hex) implements Value {}

    record Json(List<Integer> list) implements Value {}

    /**
     * A write; {@code ttl} seconds, or {@code expiresIn} seconds from now as an absolute expiration,
     * or neither.
     */
    record Put(String location, String key, Value value, Long ttl, Long expiresIn, String metadata) implements Step {}

    /** A read as text, bytes or JSON, with a cacheTtl in seconds or none. */
    record Get(String location, String key, KvType.Kind kind, Long cacheTtl) implements Step {}

    record GetWithMetadata(String location, String key, Long cacheTtl) implements Step {}

    record BulkGet(String location, List<String> keys, boolean json, Long cacheTtl) implements Step {}

    record Delete(String location, String key) implements Step {}

    /** Every page of a listing, following cursors until a page is complete. */
    record ListAll(String location, String prefix, int limit) implements Step {}

    record MoveClock(long millis) implements Step {}

    /** A namespace's switches and the steps run on it. */
    record Sequence(boolean writeRate, boolean listStress, List<Step> steps) {}

    // ------------------------------------------------------------------ the test and its self-check

    @org.junit.jupiter.api.Test
    void theFakeAgreesWithTheModelFromEveryLocationInEveryRandomSequence() {
        for (long seed = 1; seed <= SEQUENCES; seed++) {
            Sequence sequence = RandomSequences.generate(new SplittableRandom(seed));
            String disagreement = disagreement(sequence, Bug.NONE);
            if (disagreement != null) {
                Sequence smallest = shrink(sequence, Bug.NONE);
                throw new AssertionError("Seed " + seed + ": the fake and the model disagree. Smallest failing sequence"
                        + " (" + describe(smallest) + "):\n" + disagreement(smallest, Bug.NONE));
            }
        }
    }

    /**
     * The sequences reach every area the test claims to cover: cache hits and misses in Sydney, each
     * kind of refusal, and listings from both locations with and without the stress mode.
     */
    @org.junit.jupiter.api.Test
    void theRandomSequencesReachEveryArea() {
        Map<String, Integer> reached = new TreeMap<>();
        for (long seed = 1; seed <= SEQUENCES; seed++) {
            Sequence sequence = RandomSequences.generate(new SplittableRandom(seed));
            Model model = new Model(TestClock.create().millis(), sequence.writeRate(), sequence.listStress());
            for (Step step : sequence.steps()) {
                String outcome = model.run(step);
                String area = outcome.startsWith("refused")
                        ? outcome.replaceAll("[0-9]+", "N")
                        : step instanceof ListAll list
                                ? "list in " + list.location() + (sequence.listStress() ? " under stress" : "")
                                : outcome.endsWith(" HIT") ? "HIT" : outcome.endsWith(" MISS") ? "MISS" : "other";
                reached.merge(area, 1, Integer::sum);
            }
        }
        assertThat(reached)
                .containsKeys(
                        "HIT",
                        "MISS",
                        "list in default",
                        "list in syd",
                        "list in default under stress",
                        "refused: IllegalArgumentException: Key name cannot be empty.",
                        "refused: KvException: KV PUT failed: N Invalid expiration_ttl of N. Expiration TTL must be"
                                + " at least N.",
                        "refused: KvException: KV PUT failed: N Invalid expiration of N. Expiration times must be at"
                                + " least N seconds in the future.",
                        "refused: KvException: KV PUT failed: N Too Many Requests",
                        "refused: KvException: KV DELETE failed: N Too Many Requests",
                        "refused: KvException: KV GET failed: N Invalid cache_ttl of N. Cache TTL must be at least N.",
                        "refused: KvException: KV GET_BULK failed: N Invalid cache_ttl of N. Cache TTL must be at"
                                + " least N.",
                        "refused: KvException: KV GET_BULK failed: N At least one of the requested keys corresponds"
                                + " to a non-json value");
        assertThat(reached.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(10));
    }

    /** One bug per risky area, each planted behind a decorator of the location's binding. */
    enum Bug {
        NONE,
        /** Sydney does not remember a miss: a read that found nothing asks the namespace again. */
        FORGETS_CACHED_MISS,
        /** A read from Sydney with a shorter cacheTtl is served as if it had the default. */
        IGNORES_SHORTER_CACHE_TTL,
        /** Sydney's lists are fresh, not served from its list cache. */
        LIST_NEVER_STALE,
        /** A refused put still writes its value, without options. */
        REFUSED_PUT_WRITES,
        /** Byte values go through a String, which replaces bytes that are not UTF-8. */
        BYTES_THROUGH_STRING,
        /** A JSON read returns the value's text instead of the parsed JSON. */
        JSON_READ_AS_TEXT,
        /** An absolute expiration is dropped. */
        DROPS_ABSOLUTE_EXPIRATION,
        /** A write refused by the write rate is acknowledged as if it went through. */
        WRITE_RATE_PASSES,
        /** An empty page that is not complete, in list stress mode, is shown as complete. */
        STRESS_PAGE_SHOWN_COMPLETE
    }

    @ParameterizedTest
    @EnumSource(value = Bug.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void aPlantedBugIsCaughtAndShrunkToAFewSteps(Bug bug) {
        Sequence failing = null;
        for (long seed = 1; seed <= SEQUENCES && failing == null; seed++) {
            Sequence sequence = RandomSequences.generate(new SplittableRandom(seed));
            if (disagreement(sequence, bug) != null) {
                failing = sequence;
            }
        }
        assertThat(failing).as("a sequence that catches " + bug).isNotNull();
        assertThat(disagreement(failing, Bug.NONE))
                .as("the same sequence without the bug")
                .isNull();

        Sequence smallest = shrink(failing, bug);

        assertThat(disagreement(smallest, bug)).as(describe(smallest)).isNotNull();
        assertThat(smallest.steps()).as(describe(smallest)).hasSizeLessThanOrEqualTo(5);
    }

    private static Sequence shrink(Sequence failing, Bug bug) {
        List<Step> steps = Shrinker.shrink(
                failing.steps(),
                candidate ->
                        disagreement(new Sequence(failing.writeRate(), failing.listStress(), candidate), bug) != null);
        return new Sequence(failing.writeRate(), failing.listStress(), steps);
    }

    private static String describe(Sequence sequence) {
        return "write rate " + sequence.writeRate() + ", list stress " + sequence.listStress() + ", "
                + sequence.steps().size() + " steps:\n  "
                + sequence.steps().stream().map(Step::toString).collect(Collectors.joining("\n  "));
    }

    // ------------------------------------------------------------------ running a sequence

    /** Runs the sequence on the fake (with the bug planted) and on the model; the first disagreement, or null. */
    static String disagreement(Sequence sequence, Bug bug) {
        TestClock clock = TestClock.create();
        FakeKvNamespace fake = FakeKvNamespace.builder()
                .clock(clock)
                .enforceWriteRate(sequence.writeRate())
                .listStressMode(sequence.listStress())
                .build();
        FakeKvLocation sydney = fake.location(SYDNEY);
        Map<String, KvBinding> bindings = Map.of(
                DEFAULT, new Planted(fake, fake, bug),
                SYDNEY, new Planted(sydney, fake, bug));
        Model model = new Model(clock.millis(), sequence.writeRate(), sequence.listStress());

        for (int i = 0; i < sequence.steps().size(); i++) {
            Step step = sequence.steps().get(i);
            String expected = model.run(step);
            String actual = step instanceof MoveClock move
                    ? advance(clock, move)
                    : outcome(() -> call(bindings, clock, step, sequence.listStress()));
            if (!expected.equals(actual)) {
                return "step " + i + " " + step + "\n  model: " + expected + "\n  fake:  " + actual;
            }
            String expectedEntries = model.entries();
            String actualEntries = entries(fake);
            if (!expectedEntries.equals(actualEntries)) {
                return "entries after step " + i + " " + step + "\n  model: " + expectedEntries + "\n  fake:  "
                        + actualEntries;
            }
            for (String key : allKeys()) {
                String expectedSeen = model.seenInSydney(key);
                String actualSeen =
                        sydney.entry(key).map(entry -> record(entry)).orElse("null");
                if (!expectedSeen.equals(actualSeen)) {
                    return "what Sydney serves for " + key + " after step " + i + " " + step + "\n  model: "
                            + expectedSeen + "\n  fake:  " + actualSeen;
                }
            }
        }
        return null;
    }

    private static List<String> allKeys() {
        List<String> keys = new ArrayList<>(KEYS);
        keys.add(JSON_KEY);
        return keys;
    }

    private static String advance(TestClock clock, MoveClock move) {
        clock.advance(Duration.ofMillis(move.millis()));
        return "ok";
    }

    private interface Call {
        String run() throws Exception;
    }

    /** A call's result, or the refusal's exception type and message. */
    private static String outcome(Call call) {
        try {
            return call.run();
        } catch (Exception e) {
            return "refused: " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static String call(Map<String, KvBinding> bindings, TestClock clock, Step step, boolean listStress) {
        if (step instanceof Put put) {
            KvBinding kv = bindings.get(put.location());
            PutOptions options = PutOptions.defaults().withMetadata(put.metadata());
            if (put.ttl() != null) {
                options = options.withExpirationTtl(put.ttl());
            }
            if (put.expiresIn() != null) {
                // The absolute expiration is taken from the same clock the fake reads.
                options = options.withExpiration(Math.floorDiv(clock.millis(), 1000) + put.expiresIn());
            }
            if (put.value() instanceof Text text) {
                kv.put(put.key(), text.text(), options);
            } else if (put.value() instanceof Bytes bytes) {
                kv.put(put.key(), HexFormat.of().parseHex(bytes.hex()), options);
            } else {
                kv.putJson(put.key(), ((Json) put.value()).list(), options);
            }
            return "ok";
        }
        if (step instanceof Get get) {
            KvBinding kv = bindings.get(get.location());
            GetOptions options = cacheTtl(get.cacheTtl());
            return switch (get.kind()) {
                case BYTES -> {
                    byte[] found = kv.get(get.key(), KvType.BYTES, options);
                    yield found == null ? "null" : HexFormat.of().formatHex(found);
                }
                case JSON -> String.valueOf(kv.get(get.key(), KvType.JSON, options));
                default -> quoted(kv.get(get.key(), KvType.TEXT, options));
            };
        }
        if (step instanceof GetWithMetadata get) {
            KvValueWithMetadata<String> found =
                    bindings.get(get.location()).getWithMetadata(get.key(), KvType.TEXT, cacheTtl(get.cacheTtl()));
            return quoted(found.value()) + " " + found.metadata() + " " + found.cacheStatus();
        }
        if (step instanceof BulkGet bulk) {
            KvBinding kv = bindings.get(bulk.location());
            Map<String, String> found = new LinkedHashMap<>();
            if (bulk.json()) {
                kv.get(bulk.keys(), KvType.JSON, cacheTtl(bulk.cacheTtl()))
                        .forEach((key, value) -> found.put(key, String.valueOf(value)));
            } else {
                kv.get(bulk.keys(), KvType.TEXT, cacheTtl(bulk.cacheTtl()))
                        .forEach((key, value) -> found.put(key, quoted(value)));
            }
            return found.toString();
        }
        if (step instanceof Delete delete) {
            bindings.get(delete.location()).delete(delete.key());
            return "ok";
        }
        ListAll list = (ListAll) step;
        List<KvListPage> pages = new ArrayList<>();
        ListOptions options = ListOptions.defaults().withPrefix(list.prefix()).withLimit(list.limit());
        KvListPage page;
        do {
            page = bindings.get(list.location()).list(options);
            pages.add(page);
            if (pages.size() > 50) {
                return "more than 50 pages";
            }
            options = options.withCursor(page.cursor());
        } while (!page.listComplete());
        return listStress ? stressListing(pages, list.limit()) : listing(pages);
    }

    private static GetOptions cacheTtl(Long seconds) {
        return seconds == null ? GetOptions.defaults() : GetOptions.defaults().withCacheTtl(seconds);
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    /** Every page: each key with its expiration and metadata, and whether the page is complete. */
    private static String listing(List<KvListPage> pages) {
        StringBuilder text = new StringBuilder();
        for (KvListPage page : pages) {
            text.append(page.keys().stream()
                            .map(key -> key.name() + " " + key.expiration() + " " + key.metadata())
                            .toList())
                    .append(page.listComplete() ? " complete; " : " more; ");
        }
        return text.toString();
    }

    /**
     * A listing in stress mode, as the stress mode promises it: every key once, in order, the first
     * page empty and not complete when there are keys, every page before the last shorter than the
     * limit (a limit of 1 aside), the last complete. The page shapes are the fake's own choice.
     */
    private static String stressListing(List<KvListPage> pages, int limit) {
        List<String> names = pages.stream()
                .flatMap(page -> page.keys().stream().map(KvListKey::name))
                .toList();
        List<String> broken = new ArrayList<>();
        if (!names.isEmpty() && (!pages.get(0).keys().isEmpty() || pages.get(0).listComplete())) {
            broken.add("the first page is not empty and incomplete");
        }
        int pageLimit = limit <= 0 ? 1000 : limit;
        for (int i = 0; i < pages.size() - 1; i++) {
            if (pageLimit > 1 && pages.get(i).keys().size() >= pageLimit) {
                broken.add("page " + i + " is full before the end");
            }
        }
        return names + (broken.isEmpty() ? "" : " BROKEN: " + broken);
    }

    private static String entries(FakeKvNamespace fake) {
        Map<String, String> entries = new TreeMap<>();
        fake.entries().forEach((key, entry) -> entries.put(key, record(entry)));
        return entries.toString();
    }

    private static String record(KvEntry entry) {
        return "<" + HexFormat.of().formatHex(entry.value()) + "> "
                + entry.metadataJson().orElse(null) + " "
                + entry.expiration().map(at -> at.getEpochSecond()).orElse(null);
    }

    // ------------------------------------------------------------------ random sequences

    /** Random sequences of up to {@link #MAX_STEPS} steps on a small key set, weighted towards writes and reads. */
    static final class RandomSequences {

        private static final List<Long> MOVES =
                List.of(500L, 999L, 1_000L, 20_000L, 30_000L, 59_999L, 60_000L, 61_000L, -1_000L, -30_000L);
        /** A TTL of 30 and an expiration 30 s away are refused; 60 is the minimum. */
        private static final List<Long> EXPIRY_SECONDS = List.of(30L, 60L, 61L, 120L);
        /** 10 is refused; 30 is the minimum, 60 the default. */
        private static final List<Long> CACHE_TTLS = List.of(10L, 30L, 60L, 120L);

        static Sequence generate(SplittableRandom random) {
            boolean writeRate = random.nextInt(3) == 0;
            boolean listStress = random.nextInt(3) == 0;
            int length = random.nextInt(MAX_STEPS + 1);
            List<Step> steps = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                steps.add(step(random, listStress));
            }
            return new Sequence(writeRate, listStress, steps);
        }

        private static Step step(SplittableRandom random, boolean listStress) {
            String location = random.nextBoolean() ? DEFAULT : SYDNEY;
            int weight = random.nextInt(20);
            if (weight < 6) {
                return put(random, location);
            }
            if (weight < 9) {
                boolean json = random.nextInt(4) == 0;
                String key = json ? JSON_KEY : pick(random, KEYS);
                KvType.Kind kind =
                        json ? KvType.Kind.JSON : random.nextBoolean() ? KvType.Kind.TEXT : KvType.Kind.BYTES;
                return new Get(location, key, kind, cacheTtl(random));
            }
            if (weight < 11) {
                return new GetWithMetadata(location, pick(random, allKeys()), cacheTtl(random));
            }
            if (weight < 12) {
                List<String> keys = new ArrayList<>();
                int count = 1 + random.nextInt(3);
                for (int i = 0; i < count; i++) {
                    keys.add(pick(random, allKeys()));
                }
                return new BulkGet(location, keys, random.nextInt(3) == 0, cacheTtl(random));
            }
            if (weight < 14) {
                return new Delete(location, pick(random, allKeys()));
            }
            if (weight < 16) {
                // Stress-mode pages are the fake's own shapes, not cached copies of them: list from
                // the default location there.
                return new ListAll(listStress ? DEFAULT : location, pick(random, List.of("", "b")), random.nextInt(4));
            }
            return new MoveClock(pick(random, MOVES));
        }

        private static Put put(SplittableRandom random, String location) {
            boolean json = random.nextInt(4) == 0;
            String key = json ? JSON_KEY : random.nextInt(12) == 0 ? "" : pick(random, KEYS);
            Value value;
            if (json) {
                value = new Json(random.nextBoolean() ? List.of() : List.of(random.nextInt(3)));
            } else if (random.nextInt(3) == 0) {
                value = new Bytes(pick(random, List.of("", "00", "c3a9", "fe", "41ff42")));
            } else {
                value = new Text(pick(random, List.of("", "x", "12", "é")));
            }
            Long ttl = null;
            Long expiresIn = null;
            int expiry = random.nextInt(4);
            if (expiry == 0) {
                ttl = pick(random, EXPIRY_SECONDS);
            } else if (expiry == 1) {
                expiresIn = pick(random, EXPIRY_SECONDS);
            }
            String metadata = random.nextBoolean() ? null : pick(random, List.of("m1", "m2"));
            return new Put(location, key, value, ttl, expiresIn, metadata);
        }

        private static Long cacheTtl(SplittableRandom random) {
            return random.nextBoolean() ? null : pick(random, CACHE_TTLS);
        }

        private static <T> T pick(SplittableRandom random, List<T> choices) {
            return choices.get(random.nextInt(choices.size()));
        }
    }

    // ------------------------------------------------------------------ the model

    /**
     * The spec as plain code: a sorted map of records, Sydney's cache as a map of answers with the
     * instants they were fetched and run out, Sydney's list cache as a map of pages, and a list of
     * write instants per key. Times are milliseconds on one counter; a record is dead for good once
     * the clock has reached its expiration.
     */
    static final class Model {

        /** A stored record. {@code dead} is set once the clock reaches its expiration. */
        static final class Rec {
            final byte[] value;
            final String metadata;
            final Long expiration;
            boolean dead;

            Rec(byte[] value, String metadata, Long expiration) {
                this.value = value;
                this.metadata = metadata;
                this.expiration = expiration;
            }

            @Override
            public String toString() {
                return "<" + HexFormat.of().formatHex(value) + "> " + metadata + " " + expiration;
            }
        }

        /** What Sydney cached for a key: a record, or null for a miss. */
        record Cached(Rec rec, long fetchedAt, long until) {}

        /** What a read served, and its cache status (null in the default location). */
        record Read(Rec rec, String status) {}

        record Page(List<String> keys, List<Rec> recs, boolean complete, String lastKey) {}

        record PageQuery(String prefix, String after, int limit) {}

        record CachedPage(Page page, long until) {}

        private final TreeMap<String, Rec> store = new TreeMap<>();
        private final List<Rec> everyRecord = new ArrayList<>();
        private final Map<String, Cached> sydneyCache = new LinkedHashMap<>();
        private final Map<PageQuery, CachedPage> sydneyPages = new LinkedHashMap<>();
        private final Map<String, List<Long>> writes = new LinkedHashMap<>();
        private final boolean writeRate;
        private final boolean listStress;
        private long now;

        Model(long now, boolean writeRate, boolean listStress) {
            this.now = now;
            this.writeRate = writeRate;
            this.listStress = listStress;
        }

        boolean live(Rec rec) {
            return rec != null && !rec.dead && (rec.expiration == null || now < rec.expiration * 1000);
        }

        String run(Step step) {
            try {
                return runOrRefuse(step);
            } catch (Refused refused) {
                return "refused: " + refused.getMessage();
            }
        }

        private String runOrRefuse(Step step) {
            if (step instanceof MoveClock move) {
                now += move.millis();
                everyRecord.forEach(rec -> rec.dead |= !live(rec));
                return "ok";
            }
            if (step instanceof Put put) {
                if (put.key().isEmpty()) {
                    throw new Refused("IllegalArgumentException: Key name cannot be empty.");
                }
                long nowSeconds = Math.floorDiv(now, 1000);
                Long expiration = null;
                if (put.ttl() != null) {
                    if (put.ttl() < 60) {
                        throw service(
                                "PUT",
                                400,
                                "Invalid expiration_ttl of " + put.ttl() + ". Expiration TTL must be at least 60.");
                    }
                    expiration = nowSeconds + put.ttl();
                } else if (put.expiresIn() != null) {
                    expiration = nowSeconds + put.expiresIn();
                    if (put.expiresIn() < 60) {
                        throw service(
                                "PUT",
                                400,
                                "Invalid expiration of " + expiration
                                        + ". Expiration times must be at least 60 seconds in the future.");
                    }
                }
                byte[] bytes;
                if (put.value() instanceof Text text) {
                    bytes = text.text().getBytes(StandardCharsets.UTF_8);
                } else if (put.value() instanceof Bytes hex) {
                    bytes = HexFormat.of().parseHex(hex.hex());
                } else {
                    bytes = ((Json) put.value())
                            .list()
                            .toString()
                            .replace(" ", "")
                            .getBytes(StandardCharsets.UTF_8);
                }
                String metadata = put.metadata() == null ? null : "\"" + put.metadata() + "\"";
                Rec rec = new Rec(bytes, metadata, expiration);
                write("PUT", put.location(), put.key(), rec);
                return "ok";
            }
            if (step instanceof Delete delete) {
                write("DELETE", delete.location(), delete.key(), null);
                return "ok";
            }
            if (step instanceof Get get) {
                checkCacheTtl("GET", get.cacheTtl());
                Rec rec = read(get.location(), get.key(), get.cacheTtl()).rec();
                if (rec == null) {
                    return "null";
                }
                return switch (get.kind()) {
                    case BYTES -> HexFormat.of().formatHex(rec.value);
                    case JSON -> parse(rec.value).toString();
                    default -> "\"" + new String(rec.value, StandardCharsets.UTF_8) + "\"";
                };
            }
            if (step instanceof GetWithMetadata get) {
                checkCacheTtl("GET", get.cacheTtl());
                Read read = read(get.location(), get.key(), get.cacheTtl());
                String status = read.status();
                Rec rec = read.rec();
                return rec == null
                        ? "null null " + status
                        : "\"" + new String(rec.value, StandardCharsets.UTF_8) + "\" " + rec.metadata + " " + status;
            }
            if (step instanceof BulkGet bulk) {
                // Key by key in request order: the cacheTtl, then (json) whether what would be served parses.
                LinkedHashSet<String> keys = new LinkedHashSet<>(bulk.keys());
                for (String key : keys) {
                    checkCacheTtl("GET_BULK", bulk.cacheTtl());
                    Rec seen = peek(bulk.location(), key, bulk.cacheTtl());
                    if (bulk.json() && seen != null && parseOrNull(seen.value) == null) {
                        throw service(
                                "GET_BULK", 400, "At least one of the requested keys corresponds to a non-json value");
                    }
                }
                Map<String, String> found = new LinkedHashMap<>();
                for (String key : keys) {
                    Rec rec = read(bulk.location(), key, bulk.cacheTtl()).rec();
                    found.put(
                            key,
                            rec == null
                                    ? "null"
                                    : bulk.json()
                                            ? parse(rec.value).toString()
                                            : "\"" + new String(rec.value, StandardCharsets.UTF_8) + "\"");
                }
                return found.toString();
            }
            ListAll list = (ListAll) step;
            int limit = list.limit() <= 0 ? 1000 : list.limit();
            List<Page> pages = new ArrayList<>();
            String after = null;
            do {
                pages.add(
                        list.location().equals(DEFAULT)
                                ? page(list.prefix(), after, limit)
                                : cachedPage(new PageQuery(list.prefix(), after, limit)));
                after = pages.get(pages.size() - 1).lastKey();
            } while (!pages.get(pages.size() - 1).complete());
            if (listStress) {
                return pages.stream()
                        .flatMap(page -> page.keys().stream())
                        .toList()
                        .toString();
            }
            StringBuilder text = new StringBuilder();
            for (Page page : pages) {
                List<String> keys = new ArrayList<>();
                for (int i = 0; i < page.keys().size(); i++) {
                    Rec rec = page.recs().get(i);
                    if (live(rec)) { // a cached page drops keys that expired since
                        keys.add(page.keys().get(i) + " " + rec.expiration + " "
                                + (rec.metadata == null ? null : rec.metadata));
                    }
                }
                text.append(keys).append(page.complete() ? " complete; " : " more; ");
            }
            return text.toString();
        }

        /** A write from a location: the rules are checked by the caller, then the write rate, then it lands. */
        private void write(String operation, String location, String key, Rec rec) {
            if (writeRate) {
                List<Long> instants = writes.computeIfAbsent(key, k -> new ArrayList<>());
                if (instants.stream().anyMatch(at -> Math.abs(at - now) < 1000)) {
                    throw service(operation, 429, "Too Many Requests");
                }
                instants.add(now);
            }
            if (rec == null) {
                store.remove(key);
            } else {
                store.put(key, rec);
                everyRecord.add(rec);
            }
            if (location.equals(SYDNEY)) {
                sydneyCache.put(key, new Cached(rec, now, now + 60_000));
            }
        }

        /** A read; in Sydney through its cache, which then holds what was served. */
        private Read read(String location, String key, Long cacheTtl) {
            if (location.equals(DEFAULT)) {
                Rec rec = store.get(key);
                return new Read(live(rec) ? rec : null, null);
            }
            long ttl = (cacheTtl == null ? 60 : cacheTtl) * 1000;
            Cached cached = sydneyCache.get(key);
            if (servable(cached, ttl)) {
                // A read with a shorter cacheTtl shortens the cached answer's life.
                long until = Math.min(cached.until(), cached.fetchedAt() + ttl);
                sydneyCache.put(key, new Cached(cached.rec(), cached.fetchedAt(), until));
                return new Read(cached.rec(), "HIT");
            }
            Rec rec = store.get(key);
            sydneyCache.put(key, new Cached(live(rec) ? rec : null, now, now + ttl));
            return new Read(live(rec) ? rec : null, "MISS");
        }

        private boolean servable(Cached cached, long ttl) {
            return cached != null
                    && now < Math.min(cached.until(), cached.fetchedAt() + ttl)
                    && (cached.rec() == null || live(cached.rec()));
        }

        /** What a read would serve, without caching it. */
        private Rec peek(String location, String key, Long cacheTtl) {
            long ttl = (cacheTtl == null ? 60 : cacheTtl) * 1000;
            Cached cached = location.equals(DEFAULT) ? null : sydneyCache.get(key);
            if (servable(cached, ttl)) {
                return cached.rec();
            }
            Rec rec = store.get(key);
            return live(rec) ? rec : null;
        }

        /** What Sydney would serve a plain read now, as the entry's description or "null". */
        String seenInSydney(String key) {
            Rec rec = peek(SYDNEY, key, null);
            return rec == null ? "null" : rec.toString();
        }

        String entries() {
            Map<String, String> live = new TreeMap<>();
            store.forEach((key, rec) -> {
                if (live(rec)) {
                    live.put(key, rec.toString());
                }
            });
            return live.toString();
        }

        private Page page(String prefix, String after, int limit) {
            List<String> keys = new ArrayList<>();
            List<Rec> recs = new ArrayList<>();
            for (Map.Entry<String, Rec> entry : store.entrySet()) {
                String key = entry.getKey();
                if (key.startsWith(prefix) && (after == null || key.compareTo(after) > 0) && live(entry.getValue())) {
                    if (keys.size() == limit) {
                        return new Page(keys, recs, false, keys.get(keys.size() - 1));
                    }
                    keys.add(key);
                    recs.add(entry.getValue());
                }
            }
            return new Page(keys, recs, true, null);
        }

        /** Sydney's list pages live 60 s, whatever this location writes meanwhile. */
        private Page cachedPage(PageQuery query) {
            CachedPage cached = sydneyPages.get(query);
            if (cached != null && now < cached.until()) {
                return cached.page();
            }
            Page page = page(query.prefix(), query.after(), query.limit());
            sydneyPages.put(query, new CachedPage(page, now + 60_000));
            return page;
        }

        private void checkCacheTtl(String operation, Long cacheTtl) {
            if (cacheTtl != null && cacheTtl < 30) {
                throw service(operation, 400, "Invalid cache_ttl of " + cacheTtl + ". Cache TTL must be at least 30.");
            }
        }

        private static JsonNode parse(byte[] value) {
            JsonNode node = parseOrNull(value);
            if (node == null) {
                throw new AssertionError("the model only reads JSON from keys that hold JSON");
            }
            return node;
        }

        private static JsonNode parseOrNull(byte[] value) {
            try {
                return value.length == 0 ? null : JSON.readTree(new String(value, StandardCharsets.UTF_8));
            } catch (JsonProcessingException e) {
                return null;
            }
        }

        private static Refused service(String operation, int status, String text) {
            return new Refused("KvException: KV " + operation + " failed: " + status + " " + text);
        }

        /** A refusal the model predicts, as type and message. */
        static final class Refused extends RuntimeException {
            Refused(String message) {
                super(message, null, false, false);
            }
        }
    }

    // ------------------------------------------------------------------ planted bugs

    /** A binding that passes every call to a location of the fake, except where its bug misbehaves. */
    static final class Planted implements KvBinding {

        private final KvBinding delegate;
        final FakeKvNamespace namespace;
        private final Bug bug;
        private final boolean sydney;

        Planted(KvBinding delegate, FakeKvNamespace namespace, Bug bug) {
            this.delegate = delegate;
            this.namespace = namespace;
            this.bug = bug;
            this.sydney = delegate != namespace;
        }

        private GetOptions options(GetOptions options) {
            if (bug == Bug.IGNORES_SHORTER_CACHE_TTL
                    && sydney
                    && options.cacheTtl().isPresent()
                    && options.cacheTtl().getAsLong() < 60
                    && options.cacheTtl().getAsLong() >= 30) {
                return GetOptions.defaults();
            }
            return options;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get(String key, KvType<T> type, GetOptions options) {
            T found = delegate.get(key, type, options(options));
            if (found == null && bug == Bug.FORGETS_CACHED_MISS && sydney) {
                return namespace.get(key, type, GetOptions.defaults());
            }
            if (found != null && bug == Bug.JSON_READ_AS_TEXT && type.kind() == KvType.Kind.JSON) {
                return (T) TextNode.valueOf(delegate.get(key, KvType.TEXT, options(options)));
            }
            return found;
        }

        @Override
        public <T> KvValueWithMetadata<T> getWithMetadata(String key, KvType<T> type, GetOptions options) {
            KvValueWithMetadata<T> found = delegate.getWithMetadata(key, type, options(options));
            if (found.value() == null && bug == Bug.FORGETS_CACHED_MISS && sydney) {
                KvValueWithMetadata<T> fresh = namespace.getWithMetadata(key, type, GetOptions.defaults());
                return new KvValueWithMetadata<>(fresh.value(), fresh.metadata(), "MISS");
            }
            return found;
        }

        @Override
        public <T> Map<String, T> get(Collection<String> keys, KvType<T> type, GetOptions options) {
            return delegate.get(keys, type, options(options));
        }

        @Override
        public <T> Map<String, KvValueWithMetadata<T>> getWithMetadata(
                Collection<String> keys, KvType<T> type, GetOptions options) {
            return delegate.getWithMetadata(keys, type, options(options));
        }

        @Override
        public void put(String key, String value, PutOptions options) {
            write(options, o -> delegate.put(key, value, o), () -> delegate.put(key, value));
        }

        @Override
        public void put(String key, byte[] value, PutOptions options) {
            byte[] written = bug == Bug.BYTES_THROUGH_STRING
                    ? new String(value, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)
                    : value;
            write(options, o -> delegate.put(key, written, o), () -> delegate.put(key, written));
        }

        @Override
        public void put(String key, InputStream value, PutOptions options) {
            delegate.put(key, value, options);
        }

        @Override
        public void putJson(String key, Object value, PutOptions options) {
            write(options, o -> delegate.putJson(key, value, o), () -> delegate.putJson(key, value));
        }

        private void write(PutOptions options, Consumer<PutOptions> put, Runnable plainPut) {
            PutOptions used = options;
            if (bug == Bug.DROPS_ABSOLUTE_EXPIRATION && options.expiration().isPresent()) {
                used = PutOptions.defaults().withMetadata(options.metadata().orElse(null));
                if (options.expirationTtl().isPresent()) {
                    used = used.withExpirationTtl(options.expirationTtl().getAsLong());
                }
            }
            try {
                put.accept(used);
            } catch (KvException e) {
                if (bug == Bug.WRITE_RATE_PASSES && e.status() == 429) {
                    return;
                }
                if (bug == Bug.REFUSED_PUT_WRITES && e.status() == 400) {
                    plainPut.run();
                }
                throw e;
            }
        }

        @Override
        public void delete(String key) {
            delegate.delete(key);
        }

        @Override
        public KvListPage list(ListOptions options) {
            KvListPage page = bug == Bug.LIST_NEVER_STALE && sydney ? namespace.list(options) : delegate.list(options);
            if (bug == Bug.STRESS_PAGE_SHOWN_COMPLETE && page.keys().isEmpty() && !page.listComplete()) {
                return new KvListPage(page.keys(), true, null);
            }
            return page;
        }

        @Override
        public String toString() {
            return Objects.toString(delegate) + " with " + bug;
        }
    }
}
