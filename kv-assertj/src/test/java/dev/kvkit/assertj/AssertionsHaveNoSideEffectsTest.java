package dev.kvkit.assertj;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.GetOptions;
import dev.kvkit.KvBinding;
import dev.kvkit.KvException;
import dev.kvkit.ListOptions;
import dev.kvkit.PutOptions;
import dev.kvkit.fake.FakeKvLocation;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An assertion never changes what the code under test sees next. Each case builds two identical
 * worlds (a namespace with write-rate and a location "syd"), runs one assertion in the first only
 * (passing or failing), then runs the same writes and reads in both and compares every answer:
 * values, cache statuses, list pages, write-rate refusals. A read that fills a cache or a write that
 * counts shows up as a difference.
 */
class AssertionsHaveNoSideEffectsTest {

    /** The namespace, its syd location as FakeKvLocation, and the same location typed as a plain binding. */
    record World(FakeKvNamespace kv, FakeKvLocation syd, KvBinding sydAsBinding, TestClock clock) {

        static World create() {
            TestClock clock = TestClock.create();
            FakeKvNamespace kv = FakeKvNamespace.builder()
                    .name("TODO")
                    .clock(clock)
                    .enforceWriteRate(true)
                    .build();
            kv.put("user:1", "ada", PutOptions.defaults().withMetadata(Map.of("role", "admin")));
            kv.put("user:2", "grace", PutOptions.defaults().withExpirationTtl(600));
            clock.advance(Duration.ofSeconds(2)); // out of the write-rate window of the seed writes
            FakeKvLocation syd = kv.location("syd");
            return new World(kv, syd, syd, clock);
        }
    }

    static Stream<Arguments> assertions() {
        List<Arguments> cases = new ArrayList<>();
        add(
                cases,
                "binding(syd).containsKey",
                w -> KvAssertions.assertThat(w.sydAsBinding()).containsKey("user:1"));
        add(
                cases,
                "binding(syd).doesNotContainKey",
                w -> KvAssertions.assertThat(w.sydAsBinding()).doesNotContainKey("config"));
        add(
                cases,
                "binding(syd).hasText",
                w -> KvAssertions.assertThat(w.sydAsBinding()).hasText("user:1", "ada"));
        add(
                cases,
                "binding(syd).hasJson",
                w -> KvAssertions.assertThat(w.sydAsBinding()).hasJson("user:1", "1"));
        add(
                cases,
                "binding(syd).containsExactlyKeys",
                w -> KvAssertions.assertThat(w.sydAsBinding()).containsExactlyKeys("user:1", "user:2"));
        add(
                cases,
                "binding(syd).hasKeysWithPrefix",
                w -> KvAssertions.assertThat(w.sydAsBinding()).hasKeysWithPrefix("user:", "user:1"));
        add(
                cases,
                "binding(syd).hasSize",
                w -> KvAssertions.assertThat(w.sydAsBinding()).hasSize(2));
        add(
                cases,
                "binding(syd).isEmpty",
                w -> KvAssertions.assertThat(w.sydAsBinding()).isEmpty());
        add(
                cases,
                "binding(namespace).containsKey",
                w -> KvAssertions.assertThat((KvBinding) w.kv()).containsKey("config"));
        add(
                cases,
                "binding(namespace).hasSize",
                w -> KvAssertions.assertThat((KvBinding) w.kv()).hasSize(2));
        add(cases, "location.containsKey", w -> KvAssertions.assertThat(w.syd()).containsKey("config"));
        add(
                cases,
                "location.doesNotContainKey",
                w -> KvAssertions.assertThat(w.syd()).doesNotContainKey("config"));
        add(
                cases,
                "location.entry",
                w -> KvAssertions.assertThat(w.syd()).entry("user:1").hasText("ada"));
        add(cases, "location.hasText", w -> KvAssertions.assertThat(w.syd()).hasText("user:2", "grace"));
        add(
                cases,
                "location.seesCurrentValueOf",
                w -> KvAssertions.assertThat(w.syd()).seesCurrentValueOf("user:1"));
        add(
                cases,
                "location.seesCurrentValueFrom",
                w -> KvAssertions.assertThat(w.syd())
                        .seesCurrentValueFrom("user:1", w.clock().instant()));
        add(
                cases,
                "location.willSeeCurrentValueWithin",
                w -> KvAssertions.assertThat(w.syd()).willSeeCurrentValueWithin("config", Duration.ofMinutes(1)));
        add(cases, "namespace.containsKey", w -> KvAssertions.assertThat(w.kv()).containsKey("config"));
        add(
                cases,
                "namespace.containsExactlyKeys",
                w -> KvAssertions.assertThat(w.kv()).containsExactlyKeys("user:1", "user:2"));
        add(
                cases,
                "namespace.entry",
                w -> KvAssertions.assertThat(w.kv()).entry("user:1").hasMetadataValue("/role", "admin"));
        add(
                cases,
                "namespace.after",
                w -> KvAssertions.assertThat(w.kv()).after(Duration.ofHours(1)).doesNotContainKey("user:2"));
        add(cases, "namespace.hasSize", w -> KvAssertions.assertThat(w.kv()).hasSize(2));
        return cases.stream();
    }

    private static void add(List<Arguments> cases, String name, Consumer<World> assertion) {
        cases.add(Arguments.of(name, assertion));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("assertions")
    void theAssertionChangesNothingTheCodeUnderTestSeesNext(String name, Consumer<World> assertion) {
        World asserted = World.create();
        World untouched = World.create();

        try {
            assertion.accept(asserted);
        } catch (AssertionError expectedForSomeCases) {
            // a failing assertion must not have effects either
        }

        assertThat(probe(asserted)).as(name).containsExactlyElementsOf(probe(untouched));
    }

    /** What the code under test would see: writes (and their write-rate answers), then reads everywhere. */
    private static List<String> probe(World world) {
        List<String> seen = new ArrayList<>();
        seen.add(attempt(() -> world.kv().put("config", "v1")));
        seen.add(attempt(() -> world.kv().put("user:1", "ada, again")));
        seen.add(attempt(() -> world.sydAsBinding().put("user:2", "grace, from syd")));
        for (String key : List.of("config", "user:1", "user:2", "missing")) {
            seen.add("syd get " + key + " = " + world.syd().get(key));
            seen.add(
                    "syd meta " + key + " = " + world.syd().getWithMetadata(key).cacheStatus());
            seen.add("default get " + key + " = " + world.kv().get(key));
        }
        seen.add("syd bulk = " + world.syd().get(List.of("config", "user:1"), GetOptions.defaults()));
        seen.add("syd list = " + world.syd().list(ListOptions.defaults()).names());
        seen.add("default list = " + world.kv().list().names());
        world.clock().advance(Duration.ofSeconds(61));
        seen.add("syd list later = " + world.syd().list().names());
        seen.add("syd get later = " + world.syd().get("config"));
        return seen;
    }

    private static String attempt(Runnable write) {
        try {
            write.run();
            return "written";
        } catch (KvException e) {
            return e.getMessage();
        }
    }
}
