package dev.kvkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.kvkit.KvBinding;
import dev.kvkit.KvException;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs fixtures with classes and methods concurrent, whatever mode the surrounding build uses. */
class ParallelExecutionTest {

    static final String[] PARALLEL = {
        "junit.jupiter.execution.parallel.enabled", "true",
        "junit.jupiter.execution.parallel.mode.default", "concurrent",
        "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
        "junit.jupiter.execution.parallel.config.strategy", "fixed",
        "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"
    };

    @Test
    void twoHundredConcurrentTestsOfOneBindingNameGetTwoHundredNamespaces() {
        TwoHundred.SEEN.clear();

        Fixtures.run(TwoHundred.class, PARALLEL)
                .testEvents()
                .assertStatistics(stats -> stats.started(200).succeeded(200));

        assertThat(TwoHundred.SEEN).hasSize(200);
    }

    @Test
    void classNamespaceIsSharedByConcurrentTests() {
        Fixtures.run(SharedClassNamespace.class, PARALLEL)
                .testEvents()
                .assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @Test
    void switchesAndLocationsStayWithTheirOwnClassAndTestWhenClassesRunConcurrently() {
        EngineTestKit.Builder kit = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(RateLimited.class), selectClass(Unlimited.class))
                .configurationParameter(OnlyThroughTheTestKit.RUN_FIXTURES, "true");
        for (int i = 0; i < PARALLEL.length; i += 2) {
            kit = kit.configurationParameter(PARALLEL[i], PARALLEL[i + 1]);
        }

        kit.execute().testEvents().assertStatistics(stats -> stats.started(200).succeeded(200));
    }

    /**
     * Each repetition writes from the default location, reads from Sydney and writes again; the
     * outcome depends only on the class's switch and the test's own clock, however the repetitions
     * interleave with each other and with {@link Unlimited}'s.
     */
    @KvTest(enforceWriteRate = Toggle.ON)
    static class RateLimited {

        @RepeatedTest(100)
        void secondWriteWithinASecondIsRefused(
                @KvNamespace("TODO") FakeKvNamespace todo,
                @KvNamespace(value = "TODO", location = "syd") KvBinding sydney,
                TestClock clock) {
            todo.put("config", "v1");
            assertThat(sydney.get("config")).isEqualTo("v1");

            assertThatThrownBy(() -> todo.put("config", "v2"))
                    .isInstanceOf(KvException.class)
                    .hasMessage("KV PUT failed: 429 Too Many Requests");
            clock.advance(Duration.ofSeconds(1));
            todo.put("config", "v2");

            assertThat(sydney.get("config")).isEqualTo("v1");
            clock.advance(Duration.ofSeconds(59));
            assertThat(sydney.get("config")).isEqualTo("v2");
            assertThat(todo.keys()).containsExactly("config");
        }
    }

    static class Unlimited {

        @RepeatedTest(100)
        void secondWriteWithinASecondIsAccepted(
                @KvNamespace("TODO") FakeKvNamespace todo,
                @KvNamespace(value = "TODO", location = "syd") KvBinding sydney,
                TestClock clock) {
            todo.put("config", "v1");
            assertThat(sydney.get("config")).isEqualTo("v1");

            todo.put("config", "v2");

            assertThat(sydney.get("config")).isEqualTo("v1");
            clock.advance(Duration.ofSeconds(60));
            assertThat(sydney.get("config")).isEqualTo("v2");
            assertThat(clock.instant()).isEqualTo(TestClock.DEFAULT_START.plusSeconds(60));
        }
    }

    static class TwoHundred {

        static final Set<FakeKvNamespace> SEEN =
                Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

        @KvNamespace("TODO")
        FakeKvNamespace todo;

        @RepeatedTest(200)
        void writesItsOwnKey(@KvNamespace("TODO") FakeKvNamespace sameBinding) {
            assertThat(sameBinding).isSameAs(todo);
            SEEN.add(todo);
            todo.put("k", "v");
            assertThat(todo.size()).isEqualTo(1);
        }
    }

    /**
     * Both tests wait for each other at a barrier, so they provably run at the same time, and both
     * reach the one class-wide namespace.
     */
    static class SharedClassNamespace {

        static final CyclicBarrier BOTH_RUNNING = new CyclicBarrier(2);

        @KvNamespace("CONFIG")
        static FakeKvNamespace config;

        @BeforeAll
        static void seed() {
            config.put("mode", "shared");
        }

        @Test
        void first(@KvNamespace("CONFIG") FakeKvNamespace sameBinding) throws Exception {
            meetTheOtherTest();
            assertThat(sameBinding).isSameAs(config);
            assertThat(sameBinding.get("mode")).isEqualTo("shared");
        }

        @Test
        void second(@KvNamespace("CONFIG") FakeKvNamespace sameBinding) throws Exception {
            meetTheOtherTest();
            assertThat(sameBinding).isSameAs(config);
        }

        private static void meetTheOtherTest() throws InterruptedException, BrokenBarrierException, TimeoutException {
            BOTH_RUNNING.await(30, TimeUnit.SECONDS);
        }
    }
}
