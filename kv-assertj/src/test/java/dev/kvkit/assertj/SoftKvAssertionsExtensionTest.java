package dev.kvkit.assertj;

import static dev.kvkit.assertj.Messages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.MultipleFailuresError;

/**
 * Runs test classes that use AssertJ's {@code SoftAssertionsExtension} through the JUnit Platform
 * and checks what the extension reports at the end of each test. The classes it runs are in {@link
 * SoftAssertionsExtensionCases}, whose name keeps the build from running them on their own.
 */
class SoftKvAssertionsExtensionTest {

    @Test
    void injectedKvkitAndAssertJSoftAssertionsAreReportedTogether() {
        Throwable failure = onlyFailureOf(SoftAssertionsExtensionCases.KvkitAndAssertJFields.class);

        assertThat(failure).isInstanceOf(MultipleFailuresError.class);
        assertThat(((MultipleFailuresError) failure).getFailures())
                .extracting(Messages::withoutLocation)
                .containsExactly(message("""

                                Expecting actual:
                                  FakeKvNamespace[KV, 0 keys, TestClock[2026-01-01T00:00:00Z]]
                                to contain key:
                                  "user:42"
                                but it holds no keys"""), message("""

                                expected: 2
                                 but was: 1"""));
    }

    @Test
    void softKvAssertionsCanBeATestParameter() {
        Throwable failure = onlyFailureOf(SoftAssertionsExtensionCases.KvkitParameter.class);

        assertThat(failure).hasMessageContaining(message("to hold 1 key but holds 0:\n  []"));
    }

    @Test
    void parameterInjectedSoftAssertionsKeepEveryFailureUnderParallelExecution() {
        everyTestReportsBothOfItsFailures(SoftAssertionsExtensionCases.ParameterInParallel.class);
    }

    @Test
    void autoCloseableSoftAssertionsKeepEveryFailureUnderParallelExecution() {
        everyTestReportsBothOfItsFailures(SoftAssertionsExtensionCases.TryBlockInParallel.class);
    }

    /**
     * Runs the class with methods concurrent on 8 threads; each of its tests collects two failures
     * of its own. A soft-assertions object shared between tests (AssertJ's injected fields under
     * parallel execution, assertj#2356) loses or misplaces some, and this count sees it.
     */
    private static void everyTestReportsBothOfItsFailures(Class<?> testClass) {
        List<Event> failures = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(testClass))
                .configurationParameter(OnlyThroughTheTestKit.RUN_FIXTURES, "true")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "8")
                .execute()
                .testEvents()
                .failed()
                .list();

        assertThat(failures).hasSize(SoftAssertionsExtensionCases.ParameterInParallel.REPETITIONS);
        assertThat(failures)
                .map(event -> event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                        .orElseThrow()
                        .getThrowable()
                        .orElseThrow())
                .allSatisfy(failure -> {
                    assertThat(failure).isInstanceOf(MultipleFailuresError.class);
                    assertThat(((MultipleFailuresError) failure).getFailures())
                            .extracting(Throwable::getMessage)
                            .satisfiesExactly(
                                    first -> assertThat(first).contains("\"first\""),
                                    second -> assertThat(second).contains("\"second\""));
                });
    }

    private static Throwable onlyFailureOf(Class<?> testClass) {
        List<Event> failures = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(testClass))
                .configurationParameter(OnlyThroughTheTestKit.RUN_FIXTURES, "true")
                .execute()
                .testEvents()
                .failed()
                .list();
        assertThat(failures).hasSize(1);
        return failures.get(0)
                .getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .orElseThrow()
                .getThrowable()
                .orElseThrow();
    }
}
