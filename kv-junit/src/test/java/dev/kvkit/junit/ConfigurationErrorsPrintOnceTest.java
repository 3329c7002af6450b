package dev.kvkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.fake.FakeKvNamespace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A configuration error says what is wrong once in its cause chain, not once per wrapper. */
class ConfigurationErrorsPrintOnceTest {

    @Test
    void aBadConfigurationParameterIsPrintedOnce() {
        List<Throwable> chain =
                chain(Fixtures.run(UsesANamespace.class, KvNamespace.WRITE_RATE_ENFORCE_PROPERTY_NAME, "yes"));

        assertThat(chain)
                .filteredOn(t -> String.valueOf(t.getMessage()).contains("allowed: true, false"))
                .hasSize(1);
    }

    @Test
    void aBadClockStartKeepsTheParsersPositionAsTheOnlyCause() {
        List<Throwable> chain =
                chain(Fixtures.run(UsesANamespace.class, KvNamespace.CLOCK_START_PROPERTY_NAME, "noon"));

        assertThat(chain)
                .filteredOn(t -> String.valueOf(t.getMessage()).contains("allowed: an ISO-8601 instant"))
                .hasSize(1);
        assertThat(chain.get(chain.size() - 1))
                .isInstanceOf(java.time.format.DateTimeParseException.class)
                .hasMessageContaining("noon");
    }

    @Test
    void aBadLocationNameIsPrintedOnceByKvkitAndOnceByJUnitsParameterWrapper() {
        List<Throwable> chain = chain(Fixtures.run(BadLocation.class));

        assertThat(chain)
                .filteredOn(t -> String.valueOf(t.getMessage()).contains("@KvNamespace"))
                .hasSizeLessThanOrEqualTo(2);
        assertThat(chain).last().satisfies(last -> assertThat(last.getCause()).isNull());
    }

    private static List<Throwable> chain(EngineExecutionResults results) {
        Throwable failure = results.allEvents().failed().stream()
                .findFirst()
                .orElseThrow()
                .getRequiredPayload(TestExecutionResult.class)
                .getThrowable()
                .orElseThrow();
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    static class UsesANamespace {
        @Test
        void test(@KvNamespace("TODO") FakeKvNamespace todo) {}
    }

    static class BadLocation {
        @Test
        void test(@KvNamespace(value = "TODO", location = "   ") FakeKvNamespace todo) {}
    }
}
