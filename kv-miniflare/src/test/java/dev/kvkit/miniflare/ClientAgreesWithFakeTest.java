package dev.kvkit.miniflare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvkit.cloudflare.CloudflareKvAccount;
import dev.kvkit.cloudflare.RetryPolicy;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.KvLimits;
import dev.kvkit.fake.TestClock;
import dev.kvkit.server.KvApiServer;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.assertj.core.api.Condition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The REST client checked against the fake the way the fake is checked against Miniflare: the same
 * seeded random sequences ({@link SequenceGenerator}) run on a {@code FakeKvNamespace} in the JVM and
 * through {@code CloudflareKvBinding} on a {@code KvApiServer} over loopback, and every step must
 * give the same outcome ({@link Outcomes}: values, metadata, list pages with cursors by presence,
 * error kind, exact message, operation and status).
 *
 * <p>Here no difference is allowed: the client promises the fake's texts wherever the REST API
 * reports the same rule, and the emulator is the fake behind HTTP. What REST cannot express
 * (cacheTtl, edge caches) is outside what the sequences reach, which run on the default location of
 * a namespace with Cloudflare's limits: as on Cloudflare, with the write rate enforced, and in list
 * stress mode ({@link Profile}). No Node.js is needed, so this runs in every build, beside
 * the Miniflare comparison:
 *
 * <pre>
 * ./mvnw -pl kv-miniflare -am verify -Dtest=ClientAgreesWithFakeTest -Dkvkit.client.sequences=20000
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientAgreesWithFakeTest {

    private static final int SEQUENCES = Integer.getInteger("kvkit.client.sequences", 2000);
    private static final long FIRST_SEED = Long.getLong("kvkit.client.seed", 1L);
    private static final int SHRINK_BUDGET = 400;

    private final ObjectMapper mapper =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private KvApiServer server;
    private int served;

    /** Deletes each sequence's namespace after it, over REST: an account holds 1,000 at most. */
    private CloudflareKvAccount account;

    @BeforeAll
    void startServer() {
        server = KvApiServer.builder().bindAddress("127.0.0.1").port(0).start();
        account = CloudflareKvAccount.builder()
                .apiToken("kvkit-differential-test")
                .accountId(server.accountId())
                .baseUrl(URI.create(server.baseUrl()))
                .retries(RetryPolicy.none())
                .build();
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    /**
     * How both sides' namespaces are built: as on Cloudflare, and with the two production effects
     * Miniflare cannot show, the write rate per key and short list pages, which the emulator then
     * answers over HTTP.
     */
    enum Profile {
        CLOUDFLARE(builder -> builder),
        WRITE_RATE_ENFORCED(builder -> builder.enforceWriteRate(true)),
        LIST_STRESS_MODE(builder -> builder.listStressMode(true));

        final UnaryOperator<FakeKvNamespace.Builder> settings;

        Profile(UnaryOperator<FakeKvNamespace.Builder> settings) {
            this.settings = settings;
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void everyRandomSequenceGivesTheClientOnTheEmulatorTheFakesOutcomes(Profile profile) {
        SequenceRunner runner = new SequenceRunner(KvLimits.cloudflare(), mapper, profile.settings);
        Function<Sequence, List<ObjectNode>> onTheClient =
                sequence -> onTheClient(sequence, runner, KvLimits.cloudflare());
        SequenceRunner asOnCloudflare = new SequenceRunner(KvLimits.cloudflare(), mapper);
        long started = System.nanoTime();
        long steps = 0;
        int changedByProfile = 0;
        Map<String, String> reports = new LinkedHashMap<>();
        List<Long> diverging = new ArrayList<>();
        for (long seed = FIRST_SEED; seed < FIRST_SEED + SEQUENCES; seed++) {
            Sequence sequence = SequenceGenerator.generate(seed);
            steps += sequence.steps().size();
            if (!runner.run(sequence).equals(asOnCloudflare.run(sequence))) {
                changedByProfile++;
            }
            String divergence = divergence(sequence, runner, onTheClient);
            if (divergence != null) {
                diverging.add(seed);
                String kind = divergence.replaceAll("[0-9]+", "N");
                if (reports.size() < 6 && !reports.containsKey(kind)) {
                    reports.put(kind, report(seed, sequence, runner, onTheClient));
                }
            }
        }
        String summary = String.format(
                "client on the emulator, %s: %d sequences (seeds %d..%d), %d steps in %.1f s; %d changed by the"
                        + " profile; diverging from the fake: %d",
                profile,
                SEQUENCES,
                FIRST_SEED,
                FIRST_SEED + SEQUENCES - 1,
                steps,
                (System.nanoTime() - started) / 1e9,
                changedByProfile,
                diverging.size());
        System.out.println(summary);
        assertThat(changedByProfile)
                .as("sequences whose outcomes on the fake the profile changes: it must reach what it switches on")
                .is(new Condition<>(
                        changed -> profile == Profile.CLOUDFLARE ? changed == 0 : changed >= SEQUENCES / 100,
                        profile == Profile.CLOUDFLARE ? "none" : "at least 1 in 100"));
        assertThat(diverging)
                .as(() -> summary + " (seeds " + diverging + ")\n\n" + String.join("\n\n", reports.values()))
                .isEmpty();
    }

    /**
     * The comparison can fail, and what it reports is small: an emulator whose namespaces allow only
     * 1,000 bytes of metadata, where the fake allows Cloudflare's 1,024, diverges in some random
     * sequence and shrinks to a single put.
     */
    @Test
    void anEmulatorThatBreaksARuleDivergesAndShrinksToOneStep() {
        KvLimits broken = KvLimits.cloudflare().toBuilder()
                .name("broken")
                .maxMetadataBytes(1000)
                .build();
        SequenceRunner runner = new SequenceRunner(KvLimits.cloudflare(), mapper);
        Function<Sequence, List<ObjectNode>> onABrokenEmulator = sequence -> onTheClient(sequence, runner, broken);
        for (long seed = 1; seed <= 200; seed++) {
            Sequence sequence = SequenceGenerator.generate(seed);
            if (divergence(sequence, runner, onABrokenEmulator) != null) {
                Sequence smallest =
                        Shrinker.shrink(sequence, s -> divergence(s, runner, onABrokenEmulator) != null, SHRINK_BUDGET);
                assertThat(smallest.steps()).as(smallest.steps().toString()).hasSize(1);
                assertThat(smallest.steps().get(0).path("op").asText()).isEqualTo("put");
                assertThat(divergence(smallest, runner, onABrokenEmulator))
                        .contains("Metadata length of")
                        .contains("exceeds limit of 1000.");
                return;
            }
        }
        throw new AssertionError("No sequence of seeds 1..200 showed the emulator's broken metadata limit");
    }

    /**
     * Runs the sequence through the client, on a namespace of its own that the emulator serves, on
     * a clock at the sequence's start.
     */
    private List<ObjectNode> onTheClient(Sequence sequence, SequenceRunner runner, KvLimits limits) {
        TestClock clock = TestClock.at(Instant.ofEpochMilli(sequence.startMillis()));
        FakeKvNamespace namespace = runner.namespace(clock, limits);
        String id = server.serve(server.accountId(), "sequence-" + served++, null, namespace)
                .id();
        try {
            return runner.run(sequence, account.binding(id), clock::advance);
        } finally {
            account.deleteNamespace(id);
        }
    }

    /** The first step whose outcomes differ, as a line, or null when all agree. */
    private String divergence(Sequence sequence, SequenceRunner runner, Function<Sequence, List<ObjectNode>> client) {
        return runner.firstDifference(sequence, client.apply(sequence), "client");
    }

    private String report(
            long seed, Sequence sequence, SequenceRunner runner, Function<Sequence, List<ObjectNode>> client) {
        Sequence smallest = Shrinker.shrink(sequence, s -> divergence(s, runner, client) != null, SHRINK_BUDGET);
        ObjectNode json = mapper.createObjectNode();
        json.put("startMillis", smallest.startMillis());
        json.set("steps", smallest.steps());
        return "Seed " + seed + " diverges (" + sequence.steps().size() + " steps, shrunk to "
                + smallest.steps().size() + "): " + divergence(smallest, runner, client) + "\n  sequence: " + json;
    }
}
