package dev.kvkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.PutOptions;
import dev.kvkit.fake.FakeKvNamespace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;

/** A failed test publishes what its namespaces held, so the failure can be read without a debugger. */
class ReportEntryTest {

    @Test
    void failedTestPublishesEachNamespaceWithEntriesMetadataAndExpiration() {
        var results = Fixtures.run(FailingTest.class);

        Map<String, String> entries = Fixtures.reportEntries(results);
        assertThat(entries.get("kvkit.namespace.TODO"))
                .isEqualTo("FakeKvNamespace[TODO, 2 keys, TestClock[2026-01-01T00:00:00Z]]\n"
                        + "  KvEntry[key=\"to-do:1\", value=\"Buy milk\", metadata={\"done\":false},"
                        + " expiration=2026-01-02T00:00:00Z]\n"
                        + "  KvEntry[key=\"to-do:2\", value=\"" + "x".repeat(60) + "\"... (100 bytes)]");
        assertThat(entries.get("kvkit.namespace.CONFIG"))
                .isEqualTo("FakeKvNamespace[CONFIG, 0 keys, TestClock[2026-01-01T00:00:00Z]]");
    }

    @Test
    void theFailureItselfCarriesTheContentsAsASuppressedException() {
        var results = Fixtures.run(FailingTest.class);

        Throwable failure = results.testEvents().failed().stream()
                .findFirst()
                .orElseThrow()
                .getRequiredPayload(TestExecutionResult.class)
                .getThrowable()
                .orElseThrow();
        assertThat(failure).hasMessage("the code under test did something wrong");
        assertThat(failure.getSuppressed()).hasSize(1);
        Throwable contents = failure.getSuppressed()[0];
        assertThat(contents.getMessage())
                .startsWith("kvkit namespaces at the failure:\nFakeKvNamespace[TODO, 2 keys,")
                .contains("  KvEntry[key=\"to-do:1\", value=\"Buy milk\"")
                .contains("\nFakeKvNamespace[CONFIG, 0 keys,");
        assertThat(contents.getStackTrace())
                .as("only the contents are printed, no second stack trace")
                .isEmpty();
        assertThat(contents).hasToString(contents.getMessage());
    }

    @Test
    void aNamespaceOfOneKeySaysKey() {
        String report = Fixtures.reportEntries(Fixtures.run(OneEntry.class)).get("kvkit.namespace.TODO");

        assertThat(report).startsWith("FakeKvNamespace[TODO, 1 key, ");
    }

    @Test
    void passingTestPublishesNothing() {
        var results = Fixtures.run(PassingTest.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(Fixtures.reportEntries(results)).isEmpty();
    }

    @Test
    void longNamespaceIsCutAfterFiftyEntriesInTheReportAndOnTheFailure() {
        var results = Fixtures.run(ManyEntries.class);
        String report = Fixtures.reportEntries(results).get("kvkit.namespace.TODO");

        assertThat(report.lines()).hasSize(1 + 50 + 1);
        assertThat(report).endsWith("\n  ... and 70 more");
        Throwable failure = results.testEvents().failed().stream()
                .findFirst()
                .orElseThrow()
                .getRequiredPayload(TestExecutionResult.class)
                .getThrowable()
                .orElseThrow();
        assertThat(failure.getSuppressed()[0].getMessage()).endsWith("\n  ... and 70 more");
    }

    @Test
    void aFailureSharedByEveryTestOfAMisconfiguredClassCarriesOneDumpNotOnePerTest() {
        var results = Fixtures.run(MisconfiguredField.class);

        List<Throwable> failures = results.testEvents().failed().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class)
                        .getThrowable()
                        .orElseThrow())
                .toList();
        assertThat(failures).hasSize(3);
        assertThat(failures)
                .extracting(Throwable::getMessage)
                .containsOnly("@KvNamespace on field [dev.kvkit.fake.FakeKvNamespace"
                        + " dev.kvkit.junit.ReportEntryTest$MisconfiguredField.unnamed]"
                        + " needs a binding name, such as @KvNamespace(\"TODO\")");
        assertThat(failures.get(1)).as("one exception, thrown by every test").isSameAs(failures.get(0));
        assertThat(failures.get(2)).isSameAs(failures.get(0));
        assertThat(failures.get(0).getSuppressed())
                .as("the contents of the first test that reported it, not one copy per test")
                .singleElement()
                .extracting(Throwable::getMessage)
                .isEqualTo("kvkit namespaces at the failure:\n"
                        + "FakeKvNamespace[CONFIG, 0 keys, TestClock[2026-01-01T00:00:00Z]]");
        assertThat(Fixtures.reportEntries(results).get("kvkit.namespace.CONFIG"))
                .as("each test still publishes its own report entry")
                .isEqualTo(String.join(
                        "\n",
                        java.util.Collections.nCopies(
                                3, "FakeKvNamespace[CONFIG, 0 keys, TestClock[2026-01-01T00:00:00Z]]")));
    }

    static class FailingTest {

        @KvNamespace("CONFIG")
        static FakeKvNamespace config;

        @Test
        void fails(@KvNamespace("TODO") FakeKvNamespace todo) {
            todo.put(
                    "to-do:1",
                    "Buy milk",
                    PutOptions.defaults().withMetadata(Map.of("done", false)).withExpirationTtl(86_400));
            todo.put("to-do:2", "x".repeat(100));
            throw new AssertionError("the code under test did something wrong");
        }
    }

    /** Every test fails on the instance field; the class-wide namespace is there for each to dump. */
    static class MisconfiguredField {

        @KvNamespace("CONFIG")
        static FakeKvNamespace config;

        @KvNamespace(" ")
        FakeKvNamespace unnamed;

        @Test
        void first() {}

        @Test
        void second() {}

        @Test
        void third() {}
    }

    static class OneEntry {

        @Test
        void fails(@KvNamespace("TODO") FakeKvNamespace todo) {
            todo.put("k", "v");
            throw new AssertionError("fails on purpose");
        }
    }

    static class PassingTest {

        @Test
        void passes(@KvNamespace("TODO") FakeKvNamespace todo) {
            todo.put("k", "v");
        }
    }

    static class ManyEntries {

        @Test
        void fails(@KvNamespace("TODO") FakeKvNamespace todo) {
            for (int i = 0; i < 120; i++) {
                todo.put(String.format("key-%03d", i), "v");
            }
            throw new AssertionError("fails on purpose");
        }
    }
}
