package dev.kvkit.bench;

import dev.kvkit.KvListPage;
import dev.kvkit.ListOptions;
import dev.kvkit.PutOptions;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * List pages, kvkit's fake against iterating the same range of a bare {@code ConcurrentSkipListMap}
 * and collecting the names.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 3,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class ListBenchmark {

    static final int KEYS = 100_000;
    static final int PAGE = 1000;
    /** In the mostly-expired namespace, one key in this many is live. */
    static final int LIVE_EVERY = 10;

    static final String PREFIX = "user:" + Fixture.pad(4242, 5) + ":";
    static final ListOptions FIRST_PAGE = ListOptions.defaults().withLimit(PAGE);
    static final ListOptions PREFIX_PAGE =
            ListOptions.defaults().withPrefix(PREFIX).withLimit(10);

    /** 100,000 keys; 10,000 users with 10 items each under {@code user:NNNNN:}. */
    static String userKey(int i) {
        return "user:" + Fixture.pad(i / 10, 5) + ":item:" + (i % 10);
    }

    @State(Scope.Benchmark)
    public static class Kvkit {
        FakeKvNamespace namespace;

        @Setup(Level.Trial)
        public void setUp() {
            namespace = FakeKvNamespace.create();
            for (int i = 0; i < KEYS; i++) {
                namespace.put(userKey(i), Fixture.value(i), Fixture.putOptions(i));
            }
        }
    }

    @State(Scope.Benchmark)
    public static class Baseline {
        ConcurrentSkipListMap<String, byte[]> map;

        @Setup(Level.Trial)
        public void setUp() {
            map = new ConcurrentSkipListMap<>();
            for (int i = 0; i < KEYS; i++) {
                map.put(userKey(i), Fixture.value(i));
            }
        }
    }

    /**
     * Nine keys in ten expired. A list skips expired records without removing them, so every call
     * walks the same 10,000 records to fill its page of 1,000.
     */
    @State(Scope.Benchmark)
    public static class MostlyExpired {
        FakeKvNamespace namespace;

        @Setup(Level.Trial)
        public void setUp() {
            TestClock clock = TestClock.create();
            namespace = FakeKvNamespace.builder().clock(clock).build();
            PutOptions expiring = PutOptions.defaults().withExpirationTtl(60);
            for (int i = 0; i < KEYS; i++) {
                namespace.put(userKey(i), Fixture.value(i), i % LIVE_EVERY == 0 ? PutOptions.defaults() : expiring);
            }
            clock.advance(Duration.ofSeconds(60));
        }
    }

    @Benchmark
    public KvListPage kvkitFirstPageOf100k(Kvkit s) {
        return s.namespace.list(FIRST_PAGE);
    }

    @Benchmark
    public List<String> baselineFirstPageOf100k(Baseline s) {
        return firstNames(s.map, "", PAGE, 1);
    }

    @Benchmark
    public KvListPage kvkitPrefixPageOf10(Kvkit s) {
        return s.namespace.list(PREFIX_PAGE);
    }

    @Benchmark
    public List<String> baselinePrefixPageOf10(Baseline s) {
        return firstNames(s.map, PREFIX, 10, 1);
    }

    @Benchmark
    public KvListPage kvkitMostlyExpiredPage(MostlyExpired s) {
        return s.namespace.list(FIRST_PAGE);
    }

    /** The same range the fake walks: 10,000 records, of which the live tenth is collected. */
    @Benchmark
    public List<String> baselineMostlyExpiredPage(Baseline s) {
        return firstNames(s.map, "", PAGE, LIVE_EVERY);
    }

    private static List<String> firstNames(
            ConcurrentSkipListMap<String, byte[]> map, String prefix, int limit, int keepEvery) {
        List<String> names = new ArrayList<>(limit);
        int seen = 0;
        for (Map.Entry<String, byte[]> entry : map.tailMap(prefix, true).entrySet()) {
            if (!entry.getKey().startsWith(prefix)) {
                break;
            }
            if (seen++ % keepEvery == 0) {
                if (names.size() == limit) {
                    break;
                }
                names.add(entry.getKey());
            }
        }
        return names;
    }
}
