package dev.kvkit.bench;

import com.sun.net.httpserver.HttpServer;
import dev.kvkit.server.KvApiServer;
import dev.kvkit.server.ServedNamespace;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Start-up to the first answered request: from {@code KvApiServer.builder().start()}, through
 * creating a namespace and writing one key in the JVM, to the 200 answer of a {@code GET} of that
 * key over loopback; against a bare JDK {@code HttpServer} created, given its handler and started,
 * then sent the same {@code GET}, which it answers with the same bytes.
 *
 * <p>Two cases. <b>Warm</b>: one JVM starts a fresh server for every measurement, after many
 * rounds of warm-up, so classes are loaded and compiled: what a test suite pays per server after
 * its first. <b>Fresh JVM</b>: every measurement is a JVM of its own (a JMH fork, one single
 * shot, no warm-up; 30 of them, for an error of about a tenth) in which neither server's classes
 * have been loaded: what the first server of a run costs once the JVM is up. In both, the client has sent one request before the clock starts,
 * to a plain socket rather than a JDK server, so the figure is the server's start-up and not the
 * client's class loading. A third case, <b>fresh JVM, Jackson loaded</b>, is the fresh JVM in which
 * Jackson has written and read a small document before the clock starts, as in an application that
 * uses it: what is left of the fresh-JVM figure once Jackson's first {@code ObjectMapper} is paid.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StartupBenchmark {

    private static final String KEY = "to-do:1";
    private static final byte[] VALUE = "Buy milk".getBytes(StandardCharsets.UTF_8);

    /** The client, used once before any measurement; and the server each shot starts, closed after it. */
    @State(Scope.Thread)
    public static class Client {
        HttpClient client;
        KvApiServer emulator;
        HttpServer bare;
        Map<Loopback.Key, Loopback.Answer> answers;
        final Loopback.Spec read = Loopback.Spec.get(Loopback.namespacePath() + "/values/" + KEY);

        @Setup(Level.Trial)
        public void setUp() {
            client = Loopback.client();
            Loopback.warmClient(client);
            // What the emulator answers to the GET, as the bare server will send it. Recorded from
            // hand-made bytes rather than from an emulator, so a fresh JVM's bare side loads no kvkit
            // class: the emulator sends exactly these (checked by the warm run, see checkSameAnswer).
            answers = Map.of(
                    read.key(),
                    new Loopback.Answer(200, Map.of("content-type", List.of("application/octet-stream")), VALUE));
        }

        @TearDown(Level.Iteration)
        public void stop() {
            if (emulator != null) {
                emulator.close();
                emulator = null;
            }
            if (bare != null) {
                bare.stop(0);
                bare = null;
            }
        }
    }

    /** Checks once per warm trial that the emulator's answer is the one the bare server sends. */
    @State(Scope.Thread)
    public static class SameAnswer {
        @Setup(Level.Trial)
        public void check(Client c) {
            try (KvApiServer server = startEmulator()) {
                Loopback.Answer sent =
                        Loopback.Answer.of(Loopback.send(c.client, c.read.toRequest(Loopback.origin(server))));
                Loopback.Answer expected = c.answers.get(c.read.key());
                if (sent.status() != expected.status()
                        || !sent.headers().equals(expected.headers())
                        || !java.util.Arrays.equals(sent.body(), expected.body())) {
                    throw new IllegalStateException(
                            "The emulator's answer is not what the bare server sends: " + sent + " / " + expected);
                }
            }
        }
    }

    /**
     * Jackson loaded and used before the clock starts, as in an application that uses it already:
     * the fresh-JVM figure without the cost of Jackson's first {@code ObjectMapper}, which the
     * emulator's namespaces build.
     */
    @State(Scope.Thread)
    public static class JacksonLoaded {
        @Setup(Level.Trial)
        public void load() throws java.io.IOException {
            com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            mapper.readTree(mapper.writeValueAsBytes(Map.of("owner", "team-1", "version", 1)));
        }
    }

    static KvApiServer startEmulator() {
        KvApiServer server = KvApiServer.builder().start();
        ServedNamespace namespace = server.createNamespace(server.accountId(), "TODO", Loopback.NAMESPACE_ID);
        namespace.kv().put(KEY, VALUE);
        return server;
    }

    private static byte[] emulatorShot(Client c) {
        c.emulator = startEmulator();
        return Loopback.expect(c.client, c.read.toRequest(Loopback.origin(c.emulator)), 200);
    }

    private static byte[] bareShot(Client c) {
        c.bare = Loopback.bareServer(c.answers);
        URI origin = Loopback.origin(c.bare);
        return Loopback.expect(c.client, c.read.toRequest(origin), 200);
    }

    @Benchmark
    @Warmup(iterations = 100)
    @Measurement(iterations = 200)
    @Fork(
            value = 1,
            jvmArgsAppend = {"-Dsun.net.httpserver.nodelay=true"})
    public byte[] kvkitStartToFirstReadWarmJvm(Client c, SameAnswer checked) {
        return emulatorShot(c);
    }

    @Benchmark
    @Warmup(iterations = 100)
    @Measurement(iterations = 200)
    @Fork(
            value = 1,
            jvmArgsAppend = {"-Dsun.net.httpserver.nodelay=true"})
    public byte[] baselineStartToFirstReadWarmJvm(Client c, SameAnswer checked) {
        return bareShot(c);
    }

    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(
            value = 30,
            jvmArgsAppend = {"-Dsun.net.httpserver.nodelay=true"})
    public byte[] kvkitStartToFirstReadFreshJvm(Client c) {
        return emulatorShot(c);
    }

    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(
            value = 30,
            jvmArgsAppend = {"-Dsun.net.httpserver.nodelay=true"})
    public byte[] baselineStartToFirstReadFreshJvm(Client c) {
        return bareShot(c);
    }

    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(
            value = 30,
            jvmArgsAppend = {"-Dsun.net.httpserver.nodelay=true"})
    public byte[] kvkitStartToFirstReadFreshJvmJacksonLoaded(Client c, JacksonLoaded jackson) {
        return emulatorShot(c);
    }

    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(
            value = 30,
            jvmArgsAppend = {"-Dsun.net.httpserver.nodelay=true"})
    public byte[] baselineStartToFirstReadFreshJvmJacksonLoaded(Client c, JacksonLoaded jackson) {
        return bareShot(c);
    }
}
