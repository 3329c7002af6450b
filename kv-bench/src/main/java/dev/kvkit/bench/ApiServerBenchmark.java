package dev.kvkit.bench;

import com.sun.net.httpserver.HttpServer;
import dev.kvkit.server.KvApiServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code KvApiServer} over loopback against a bare JDK {@code HttpServer} sending the same bytes:
 * value read, value write, key list (a full page of 1,000 and a 10-key prefix page) and bulk get of
 * 100 keys, each as latency (one client thread, us per request) and as throughput (two client
 * threads, requests per second). Both sides are driven by the same JDK {@code HttpClient} set-up
 * (HTTP/1.1, keep-alive) with the same requests in the same order.
 *
 * <p>The bare server answers each request with the status, headers and body the emulator sent for
 * it, recorded from an emulator seeded the same way before the bare server starts; see {@link
 * Loopback}. What the ratio shows is therefore what the emulator adds to a JDK server's own cost:
 * routing, auth, the namespace, JSON, the journal, and handing each exchange to a worker thread.
 *
 * <p>{@code sun.net.httpserver.nodelay} is set on the command line of every fork, so both servers
 * answer with {@code TCP_NODELAY}: the emulator sets it when its class loads, and a bare server
 * started in a JVM where it is not set waits some 40 ms per answer for a delayed ACK.
 */
// On 2 cores, client, server and JIT compete: throughput still climbs for some 10 s, so warm-up is long.
@Warmup(iterations = 10, time = 1)
// Many short iterations: with 6, JMH's 99.9% interval is 6.9 standard errors wide, with 20 it is 3.9.
@Measurement(iterations = 20, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-Dsun.net.httpserver.nodelay=true"})
public class ApiServerBenchmark {

    static final int KEYS = 10_000;
    private static final int VISITED = 1 << 10;
    private static final int MASK = VISITED - 1;
    private static final int BULKS = 64;
    private static final int BULK_KEYS = 100;
    /** As many client threads as the machine has cores: with four, throughput was still climbing after 16 s. */
    static final int THROUGHPUT_THREADS = 2;

    /** The requests of every benchmark, the same for both sides. */
    static final class Requests {
        final List<Loopback.Spec> reads = new ArrayList<>();
        final List<Loopback.Spec> writes = new ArrayList<>();
        final List<Loopback.Spec> bulkGets = new ArrayList<>();
        final Loopback.Spec firstPage;
        final Loopback.Spec prefixPage;

        Requests() {
            String values = Loopback.namespacePath() + "/values/";
            Random random = new Random(42);
            int[] visited = new int[VISITED];
            for (int i = 0; i < VISITED; i++) {
                visited[i] = random.nextInt(KEYS);
                reads.add(Loopback.Spec.get(values + Fixture.key(visited[i])));
                // A write of the value the key holds already, so writes change nothing another request sees.
                writes.add(new Loopback.Spec(
                        "PUT",
                        values + Fixture.key(visited[i]),
                        "application/octet-stream",
                        Fixture.value(visited[i])));
            }
            for (int b = 0; b < BULKS; b++) {
                StringBuilder json = new StringBuilder("{\"keys\":[");
                for (int k = 0; k < BULK_KEYS; k++) {
                    json.append(k == 0 ? "\"" : ",\"")
                            .append(Fixture.key(visited[(b * BULK_KEYS + k) & MASK]))
                            .append('"');
                }
                json.append("]}");
                bulkGets.add(new Loopback.Spec(
                        "POST",
                        Loopback.namespacePath() + "/bulk/get",
                        "application/json",
                        json.toString().getBytes(StandardCharsets.UTF_8)));
            }
            // The default page (1,000 keys, each with its metadata), and the 10 keys key:0000120..key:0000129.
            firstPage = Loopback.Spec.get(Loopback.namespacePath() + "/keys");
            prefixPage = Loopback.Spec.get(Loopback.namespacePath() + "/keys?prefix=key:000012&limit=10");
        }

        List<Loopback.Spec> all() {
            List<Loopback.Spec> all = new ArrayList<>(reads);
            all.add(firstPage);
            all.add(prefixPage);
            all.addAll(bulkGets);
            // Writes last: they rewrite the values the reads recorded, so nothing changes, but say so by order.
            all.addAll(writes);
            return all;
        }
    }

    /** One side's requests, built against its server's port. */
    abstract static class Side {
        HttpClient client;
        HttpRequest[] reads;
        HttpRequest[] writes;
        HttpRequest[] bulkGets;
        HttpRequest firstPage;
        HttpRequest prefixPage;

        void prepare(URI origin, Requests requests) {
            client = Loopback.client();
            reads = requests.reads.stream().map(s -> s.toRequest(origin)).toArray(HttpRequest[]::new);
            writes = requests.writes.stream().map(s -> s.toRequest(origin)).toArray(HttpRequest[]::new);
            bulkGets = requests.bulkGets.stream().map(s -> s.toRequest(origin)).toArray(HttpRequest[]::new);
            firstPage = requests.firstPage.toRequest(origin);
            prefixPage = requests.prefixPage.toRequest(origin);
        }
    }

    /** kvkit's side: the emulator, seeded with 10,000 keys of 100 bytes with small metadata. */
    @State(Scope.Benchmark)
    public static class Emulator extends Side {
        KvApiServer server;

        @Setup(Level.Trial)
        public void setUp() {
            server = Loopback.emulator(KEYS);
            prepare(Loopback.origin(server), new Requests());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            server.close();
            Loopback.reportRetries("emulator");
        }
    }

    /**
     * The baseline's side: a bare JDK server answering from a recording of an emulator seeded the
     * same way, which is closed before the bare server starts. Every recorded answer is checked once
     * against what the bare server sends.
     */
    @State(Scope.Benchmark)
    public static class Bare extends Side {
        HttpServer server;

        @Setup(Level.Trial)
        public void setUp() {
            Requests requests = new Requests();
            Map<Loopback.Key, Loopback.Answer> answers;
            HttpClient recorder = Loopback.client();
            try (KvApiServer emulator = Loopback.emulator(KEYS)) {
                answers = Loopback.record(recorder, Loopback.origin(emulator), requests.all());
            }
            server = Loopback.bareServer(answers);
            prepare(Loopback.origin(server), requests);
            for (Loopback.Spec spec : requests.all()) {
                Loopback.Answer recorded = answers.get(spec.key());
                Loopback.Answer sent =
                        Loopback.Answer.of(Loopback.send(client, spec.toRequest(Loopback.origin(server))));
                if (recorded.status() != 200
                        || sent.status() != recorded.status()
                        || !sent.headers().equals(recorded.headers())
                        || !Arrays.equals(sent.body(), recorded.body())) {
                    throw new IllegalStateException("The bare server does not answer " + spec.method() + " "
                            + spec.target() + " as the emulator did: " + recorded + " / " + sent);
                }
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            server.stop(0);
            Loopback.reportRetries("bare server");
        }
    }

    /** Each client thread's position in the visiting order. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int advance() {
            return next++ & MASK;
        }
    }

    // ------------------------------------------------------------ latency: one client thread

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public byte[] kvkitValueReadLatency(Emulator s, Cursor c) {
        return Loopback.expect(s.client, s.reads[c.advance()], 200);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public byte[] baselineValueReadLatency(Bare s, Cursor c) {
        return Loopback.expect(s.client, s.reads[c.advance()], 200);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public byte[] kvkitValueWriteLatency(Emulator s, Cursor c) {
        return Loopback.expect(s.client, s.writes[c.advance()], 200);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public byte[] baselineValueWriteLatency(Bare s, Cursor c) {
        return Loopback.expect(s.client, s.writes[c.advance()], 200);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public byte[] kvkitKeyListPageOf1000Latency(Emulator s) {
        return Loopback.expect(s.client, s.firstPage, 200);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public byte[] baselineKeyListPageOf1000Latency(Bare s) {
        return Loopback.expect(s.client, s.firstPage, 200);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public byte[] kvkitKeyListPrefixPageOf10Latency(Emulator s) {
        return Loopback.expect(s.client, s.prefixPage, 200);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public byte[] baselineKeyListPrefixPageOf10Latency(Bare s) {
        return Loopback.expect(s.client, s.prefixPage, 200);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public byte[] kvkitBulkGet100Latency(Emulator s, Cursor c) {
        return Loopback.expect(s.client, s.bulkGets[c.advance() & (BULKS - 1)], 200);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public byte[] baselineBulkGet100Latency(Bare s, Cursor c) {
        return Loopback.expect(s.client, s.bulkGets[c.advance() & (BULKS - 1)], 200);
    }

    // ------------------------------------------------------------ throughput: two client threads

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(THROUGHPUT_THREADS)
    @Warmup(iterations = 15, time = 1)
    public byte[] kvkitValueReadThroughput(Emulator s, Cursor c) {
        return Loopback.expect(s.client, s.reads[c.advance()], 200);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(THROUGHPUT_THREADS)
    @Warmup(iterations = 15, time = 1)
    public byte[] baselineValueReadThroughput(Bare s, Cursor c) {
        return Loopback.expect(s.client, s.reads[c.advance()], 200);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(THROUGHPUT_THREADS)
    @Warmup(iterations = 15, time = 1)
    public byte[] kvkitValueWriteThroughput(Emulator s, Cursor c) {
        return Loopback.expect(s.client, s.writes[c.advance()], 200);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(THROUGHPUT_THREADS)
    @Warmup(iterations = 15, time = 1)
    public byte[] baselineValueWriteThroughput(Bare s, Cursor c) {
        return Loopback.expect(s.client, s.writes[c.advance()], 200);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(THROUGHPUT_THREADS)
    @Warmup(iterations = 15, time = 1)
    public byte[] kvkitKeyListPageOf1000Throughput(Emulator s) {
        return Loopback.expect(s.client, s.firstPage, 200);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(THROUGHPUT_THREADS)
    @Warmup(iterations = 15, time = 1)
    public byte[] baselineKeyListPageOf1000Throughput(Bare s) {
        return Loopback.expect(s.client, s.firstPage, 200);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(THROUGHPUT_THREADS)
    @Warmup(iterations = 15, time = 1)
    public byte[] kvkitKeyListPrefixPageOf10Throughput(Emulator s) {
        return Loopback.expect(s.client, s.prefixPage, 200);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(THROUGHPUT_THREADS)
    @Warmup(iterations = 15, time = 1)
    public byte[] baselineKeyListPrefixPageOf10Throughput(Bare s) {
        return Loopback.expect(s.client, s.prefixPage, 200);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(THROUGHPUT_THREADS)
    @Warmup(iterations = 15, time = 1)
    public byte[] kvkitBulkGet100Throughput(Emulator s, Cursor c) {
        return Loopback.expect(s.client, s.bulkGets[c.advance() & (BULKS - 1)], 200);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(THROUGHPUT_THREADS)
    @Warmup(iterations = 15, time = 1)
    public byte[] baselineBulkGet100Throughput(Bare s, Cursor c) {
        return Loopback.expect(s.client, s.bulkGets[c.advance() & (BULKS - 1)], 200);
    }
}
