package dev.kvkit.bench;

import dev.kvkit.PutOptions;
import dev.kvkit.fake.FakeKvNamespace;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** Two threads, nine gets to one put, over 10,000 keys: kvkit's fake against a bare map. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Threads(2)
public class ConcurrentMixBenchmark {

    static final int KEYS = 10_000;
    private static final int VISITED = 1 << 14;
    private static final int MASK = VISITED - 1;

    @State(Scope.Benchmark)
    public static class Kvkit {
        FakeKvNamespace namespace;
        String[] keys;
        byte[] value;
        PutOptions options;

        @Setup(Level.Trial)
        public void setUp() {
            namespace = Fixture.namespace(KEYS);
            keys = Fixture.shuffledKeys(KEYS, VISITED, Fixture::key);
            value = Fixture.value(3);
            options = Fixture.putOptions(3);
        }
    }

    @State(Scope.Benchmark)
    public static class Baseline {
        ConcurrentSkipListMap<String, byte[]> map;
        String[] keys;
        byte[] value;

        @Setup(Level.Trial)
        public void setUp() {
            map = Fixture.bareMap(KEYS);
            keys = Fixture.shuffledKeys(KEYS, VISITED, Fixture::key);
            value = Fixture.value(3);
        }
    }

    /** Each thread starts at a different place in the visiting order. */
    @State(Scope.Thread)
    public static class Cursor {
        int next = (int) (Thread.currentThread().getId() * 7919);

        int advance() {
            return next++ & MASK;
        }
    }

    @Benchmark
    public Object kvkitGetPutMix(Kvkit s, Cursor c) {
        int i = c.advance();
        if (i % 10 == 0) {
            s.namespace.put(s.keys[i], s.value, s.options);
            return null;
        }
        return s.namespace.get(s.keys[i]);
    }

    @Benchmark
    public Object baselineGetPutMix(Baseline s, Cursor c) {
        int i = c.advance();
        if (i % 10 == 0) {
            return s.map.put(s.keys[i], s.value.clone());
        }
        return s.map.get(s.keys[i]);
    }
}
