package dev.kvkit.bench;

import dev.kvkit.KvValueWithMetadata;
import dev.kvkit.PutOptions;
import dev.kvkit.fake.FakeKvNamespace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-key operations and bulk get, kvkit's fake against a bare {@code ConcurrentSkipListMap}
 * holding byte arrays. Methods come in pairs, {@code kvkitX} and {@code baselineX}, which the report
 * divides.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 3,
        jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
public class SingleKeyBenchmark {

    private static final int KEYS_VISITED = 1 << 16;
    private static final int MASK = KEYS_VISITED - 1;
    private static final int LARGE_VALUE_BYTES = 100 * 1024;
    /** Large values go to 64 keys only, so the heap holds 6.4 MB of them, not 6.4 GB. */
    private static final int LARGE_KEYS_MASK = 63;

    /** Both sides' data, one state per side so a benchmark builds only what it uses. */
    @State(Scope.Benchmark)
    public static class Keys {
        @Param({"10000", "1000000"})
        public int size;

        String[] hits;
        String[] misses;
        List<List<String>> bulks;
        byte[] value;
        byte[] largeValue;
        PutOptions options;

        void prepare() {
            hits = Fixture.shuffledKeys(size, KEYS_VISITED, Fixture::key);
            misses = Fixture.shuffledKeys(size, KEYS_VISITED, Fixture::missingKey);
            bulks = new ArrayList<>();
            for (int b = 0; b < 64; b++) {
                List<String> bulk = new ArrayList<>(100);
                for (int k = 0; k < 100; k++) {
                    bulk.add(hits[(b * 100 + k) & MASK]);
                }
                bulks.add(bulk);
            }
            value = Fixture.value(7);
            largeValue = new byte[LARGE_VALUE_BYTES];
            options = Fixture.putOptions(7);
        }
    }

    /** kvkit's side. */
    @State(Scope.Benchmark)
    public static class Kvkit extends Keys {
        FakeKvNamespace namespace;

        @Setup(Level.Trial)
        public void setUp() {
            prepare();
            namespace = Fixture.namespace(size);
        }
    }

    /** The baseline's side. */
    @State(Scope.Benchmark)
    public static class Baseline extends Keys {
        ConcurrentSkipListMap<String, byte[]> map;

        @Setup(Level.Trial)
        public void setUp() {
            prepare();
            map = Fixture.bareMap(size);
        }
    }

    /** Each thread's position in the visiting order. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int advance() {
            return next++ & MASK;
        }
    }

    @Benchmark
    public String kvkitGetHit(Kvkit s, Cursor c) {
        return s.namespace.get(s.hits[c.advance()]);
    }

    @Benchmark
    public byte[] baselineGetHit(Baseline s, Cursor c) {
        return s.map.get(s.hits[c.advance()]);
    }

    @Benchmark
    public String kvkitGetMiss(Kvkit s, Cursor c) {
        return s.namespace.get(s.misses[c.advance()]);
    }

    @Benchmark
    public byte[] baselineGetMiss(Baseline s, Cursor c) {
        return s.map.get(s.misses[c.advance()]);
    }

    @Benchmark
    public KvValueWithMetadata<String> kvkitGetWithMetadata(Kvkit s, Cursor c) {
        return s.namespace.getWithMetadata(s.hits[c.advance()]);
    }

    @Benchmark
    public byte[] baselineGetWithMetadata(Baseline s, Cursor c) {
        return s.map.get(s.hits[c.advance()]);
    }

    @Benchmark
    public void kvkitPutSmallWithMetadata(Kvkit s, Cursor c) {
        s.namespace.put(s.hits[c.advance()], s.value, s.options);
    }

    @Benchmark
    public byte[] baselinePutSmallWithMetadata(Baseline s, Cursor c) {
        return s.map.put(s.hits[c.advance()], s.value.clone());
    }

    @Benchmark
    public void kvkitPutLarge(Kvkit s, Cursor c) {
        s.namespace.put(s.hits[c.advance() & LARGE_KEYS_MASK], s.largeValue);
    }

    @Benchmark
    public byte[] baselinePutLarge(Baseline s, Cursor c) {
        return s.map.put(s.hits[c.advance() & LARGE_KEYS_MASK], s.largeValue.clone());
    }

    @Benchmark
    public Map<String, String> kvkitBulkGet100(Kvkit s, Cursor c) {
        return s.namespace.get(s.bulks.get(c.advance() & 63));
    }

    @Benchmark
    public Map<String, byte[]> baselineBulkGet100(Baseline s, Cursor c) {
        Map<String, byte[]> result = new LinkedHashMap<>();
        for (String key : s.bulks.get(c.advance() & 63)) {
            result.put(key, s.map.get(key));
        }
        return result;
    }

    /** A delete, then the write that restores the key so every delete finds one. */
    @Benchmark
    public void kvkitDeleteAndRestore(Kvkit s, Cursor c) {
        String key = s.hits[c.advance()];
        s.namespace.delete(key);
        s.namespace.put(key, s.value);
    }

    @Benchmark
    public byte[] baselineDeleteAndRestore(Baseline s, Cursor c) {
        String key = s.hits[c.advance()];
        s.map.remove(key);
        return s.map.put(key, s.value.clone());
    }
}
