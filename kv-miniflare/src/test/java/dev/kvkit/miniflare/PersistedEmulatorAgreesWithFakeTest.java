package dev.kvkit.miniflare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvkit.KvBinding;
import dev.kvkit.cloudflare.CloudflareKvAccount;
import dev.kvkit.cloudflare.RetryPolicy;
import dev.kvkit.fake.KvLimits;
import dev.kvkit.fake.TestClock;
import dev.kvkit.server.KvApiServer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator's persistence checked against the fake: the same random sequences run through the
 * client on a {@code KvApiServer} that persists to a directory and is closed and started again on
 * it at about half the clock steps of the sequence (seeded, so a restart may follow several moves),
 * and every step must give what the fake in the JVM gives.
 * A restart must lose nothing and bring nothing back: values, metadata, expirations, list order and
 * cursors, and keys that expired before the clock moved back.
 */
class PersistedEmulatorAgreesWithFakeTest {

    private static final int SEQUENCES = Integer.getInteger("kvkit.persisted.sequences", 1000);
    private static final long FIRST_SEED = Long.getLong("kvkit.persisted.seed", 1L);
    private static final String NAMESPACE_ID = "0123456789abcdef0123456789abcdef";

    private final ObjectMapper mapper =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private final SequenceRunner runner = new SequenceRunner(KvLimits.cloudflare(), mapper);

    @TempDir
    Path directories;

    @Test
    void everyRandomSequenceAgreesWithTheFakeAcrossRestartsAtEveryClockStep() {
        List<String> diverging = new ArrayList<>();
        int[] restarts = {0};
        for (long seed = FIRST_SEED; seed < FIRST_SEED + SEQUENCES; seed++) {
            Sequence sequence = SequenceGenerator.generate(seed);
            String divergence = divergence(sequence, restarts);
            if (divergence != null) {
                Sequence smallest = Shrinker.shrink(sequence, s -> divergence(s, new int[1]) != null, 400);
                ObjectNode json = mapper.createObjectNode();
                json.put("startMillis", smallest.startMillis());
                json.set("steps", smallest.steps());
                diverging.add("seed " + seed + " (shrunk to " + smallest.steps().size() + " steps): "
                        + divergence(smallest, new int[1]) + "\n  sequence: " + json);
                if (diverging.size() == 3) {
                    break;
                }
            }
        }
        System.out.println("persisted emulator: " + SEQUENCES + " sequences, " + restarts[0] + " restarts, "
                + diverging.size() + " diverging from the fake");
        assertThat(restarts[0]).as("restarts made").isGreaterThan(SEQUENCES / 2);
        assertThat(diverging).as(String.join("\n", diverging)).isEmpty();
    }

    /** The first step whose outcomes differ, as a line, or null when all agree. */
    private String divergence(Sequence sequence, int[] restarts) {
        Run run = new Run(directories.resolve("run-" + runs++), sequence.startMillis());
        List<ObjectNode> actual;
        try {
            actual = runner.run(sequence, run.binding(), run::advanceAndRestart);
        } finally {
            run.close();
        }
        restarts[0] += run.restarts;
        return runner.firstDifference(sequence, actual, "persisted");
    }

    private int runs;

    /** One sequence's emulator, restarted on its directory whenever the sequence's clock moves. */
    private static final class Run implements AutoCloseable {
        private final Path directory;
        private final TestClock clock;
        private final AtomicReference<KvBinding> current = new AtomicReference<>();
        private final SplittableRandom restartNow;
        private KvApiServer server;
        int restarts;

        Run(Path directory, long startMillis) {
            this.directory = directory;
            this.restartNow = new SplittableRandom(startMillis);
            this.clock = TestClock.at(Instant.ofEpochMilli(startMillis));
            start(true);
        }

        private void start(boolean first) {
            server = KvApiServer.builder()
                    .bindAddress("127.0.0.1")
                    .port(0)
                    .clock(clock)
                    .persistTo(directory)
                    .start();
            if (first) {
                server.createNamespace(server.accountId(), "persisted", NAMESPACE_ID);
            }
            current.set(CloudflareKvAccount.builder()
                    .apiToken("kvkit-differential-test")
                    .accountId(server.accountId())
                    .baseUrl(URI.create(server.baseUrl()))
                    .retries(RetryPolicy.none())
                    .build()
                    .binding(NAMESPACE_ID));
        }

        void advanceAndRestart(Duration amount) {
            clock.advance(amount);
            if (!restartNow.nextBoolean()) {
                return; // some moves stay in one run, so a restart follows several moves
            }
            server.close();
            start(false);
            restarts++;
        }

        /** A binding that always reaches the server running now. */
        KvBinding binding() {
            return (KvBinding) Proxy.newProxyInstance(
                    KvBinding.class.getClassLoader(), new Class<?>[] {KvBinding.class}, (proxy, method, args) -> {
                        try {
                            return method.invoke(current.get(), args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
