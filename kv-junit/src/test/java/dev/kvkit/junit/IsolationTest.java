package dev.kvkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A fresh namespace is fresh in every respect, its clock included: whatever a test does (moving any
 * clock it can reach, writing keys anywhere), no other test's fresh namespace sees it, in every
 * declaration position, run sequentially and with classes and methods concurrent. The fixtures tempt
 * sharing on purpose: each test moves the class's clock and writes to class-wide namespaces too.
 */
class IsolationTest {

    static final int REPETITIONS = 12;

    private static EngineExecutionResults run(Class<?> fixture, String mode) {
        if (mode.equals("sequential")) {
            return Fixtures.run(fixture);
        }
        return Fixtures.run(
                fixture,
                "junit.jupiter.execution.parallel.enabled",
                "true",
                "junit.jupiter.execution.parallel.mode.default",
                "concurrent",
                "junit.jupiter.execution.parallel.mode.classes.default",
                "concurrent",
                "junit.jupiter.execution.parallel.config.strategy",
                "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism",
                "6");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sequential", "concurrent"})
    void noTestSeesAnotherTestsClockMovesOrKeysInItsFreshNamespaces(String mode) {
        EngineExecutionResults results = run(EveryPosition.class, mode);

        assertThat(Fixtures.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.succeeded(2 * REPETITIONS));
    }

    @Test
    void perClassLifecycleRunSequentiallyGivesEachTestAFreshNamespaceInTheSharedField() {
        EngineExecutionResults results = run(PerClass.class, "sequential");

        assertThat(Fixtures.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.succeeded(REPETITIONS));
    }

    @Test
    void perClassLifecycleWithConcurrentMethodsIsRefusedForEachTestNamingTheField() {
        EngineExecutionResults results = run(PerClass.class, "concurrent");

        results.testEvents().assertStatistics(stats -> stats.failed(REPETITIONS).succeeded(0));
        results.containerEvents().assertStatistics(stats -> stats.failed(0));
        Throwable thrown = firstFailure(results);
        assertThat(thrown)
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("Field [dev.kvkit.fake.FakeKvNamespace " + PerClass.class.getName() + ".field] of a"
                        + " @TestInstance(Lifecycle.PER_CLASS) class is one field for all its tests, and they run"
                        + " concurrently here: each test would overwrite the namespace or clock another is using."
                        + " Declare it as a parameter of the test method instead, make it static for one per"
                        + " class, or run the class in one thread with @Execution(ExecutionMode.SAME_THREAD)");
    }

    static Throwable firstFailure(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .findFirst()
                .orElseThrow()
                .getRequiredPayload(TestExecutionResult.class)
                .getThrowable()
                .orElseThrow();
    }

    static void assertFresh(String where, FakeKvNamespace kv) {
        assertThat(kv.keys()).as("%s holds keys of another test", where).isEmpty();
        assertThat(kv.clock().instant())
                .as("%s runs on a clock another test moved", where)
                .isEqualTo(TestClock.DEFAULT_START);
    }

    /** Moves every clock and writes to every namespace the test can reach, so a leak would show. */
    static void tamperWith(List<FakeKvNamespace> namespaces) throws InterruptedException {
        for (FakeKvNamespace kv : namespaces) {
            kv.put("written-by", Thread.currentThread().getName());
            ((TestClock) kv.clock()).advance(Duration.ofDays(1));
        }
        Thread.sleep(1); // widen the window in which concurrent tests overlap
    }

    @KvTest
    static class EveryPosition {

        @KvNamespace("CLASS_WIDE")
        static FakeKvNamespace classWide;

        @KvClock
        static TestClock classClock;

        static FakeKvNamespace fromBeforeAll;

        @BeforeAll
        static void keepTheBeforeAllNamespace(@KvNamespace("BEFORE_ALL") FakeKvNamespace kv) {
            fromBeforeAll = kv;
        }

        @KvNamespace("FIELD")
        FakeKvNamespace field;

        final FakeKvNamespace fromConstructor;

        EveryPosition(@KvNamespace("CONSTRUCTOR") FakeKvNamespace kv) {
            this.fromConstructor = kv;
        }

        @RepeatedTest(REPETITIONS)
        void outer(@KvNamespace("PARAMETER") FakeKvNamespace parameter) throws InterruptedException {
            assertFresh("instance field", field);
            assertFresh("constructor parameter", fromConstructor);
            assertFresh("test parameter", parameter);
            tamperWith(List.of(field, fromConstructor, parameter, classWide, fromBeforeAll));
            classClock.advance(Duration.ofDays(1));
            assertThat(Instant.parse("2026-01-01T00:00:00Z")).isEqualTo(TestClock.DEFAULT_START);
        }

        @Nested
        class Inner {

            @KvNamespace("INNER_FIELD")
            FakeKvNamespace inner;

            @RepeatedTest(REPETITIONS)
            void nested(@KvNamespace("INNER_PARAMETER") FakeKvNamespace parameter) throws InterruptedException {
                assertFresh("@Nested instance field", inner);
                assertFresh("enclosing instance field seen from @Nested", field);
                assertFresh("@Nested test parameter", parameter);
                assertThat(inner.clock())
                        .as("one test, one clock: the inner and outer fields of a test share it")
                        .isSameAs(field.clock())
                        .isSameAs(parameter.clock());
                tamperWith(List.of(inner, field, parameter, classWide, fromBeforeAll));
                classClock.advance(Duration.ofDays(1));
            }
        }
    }

    /** PER_CLASS classes run their methods in one thread unless they ask otherwise, as this one does. */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @Execution(ExecutionMode.CONCURRENT)
    static class PerClass {

        @KvNamespace("FIELD")
        FakeKvNamespace field;

        @RepeatedTest(REPETITIONS)
        void test() throws InterruptedException {
            assertFresh("PER_CLASS instance field", field);
            tamperWith(List.of(field));
        }
    }
}
