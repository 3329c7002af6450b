package dev.kvkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.fake.FakeKvNamespace;
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
