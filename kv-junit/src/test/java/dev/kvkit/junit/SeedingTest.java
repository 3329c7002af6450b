package dev.kvkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SeedingTest {

    @Test
    void seedsAreStoredInOrderLaterFilesWinning() {
        Fixtures.run(SeededInOrder.class)
                .testEvents()
                .assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void missingSeedResourceIsNamed() {
        String message = Fixtures.onlyFailureMessage(Fixtures.run(MissingSeed.class));

        assertThat(message)
                .startsWith("Seed resource \"kvkit/nope.json\" of @KvNamespace(\"TODO\") on field [")
                .endsWith("] was not found on the classpath");
    }

    @Test
    void badSeedItemNamesTheResourceAndTheItemIndex() {
        String message = Fixtures.onlyFailureMessage(Fixtures.run(BadSeedItem.class));

        assertThat(message)
                .contains("Seed resource \"kvkit/bad-item.json\" of @KvNamespace(\"TODO\") on parameter [")
                .contains(": Bulk item 2: KV PUT failed: 400 Invalid expiration_ttl of 10.");
    }

    @Test
    void seedThatIsNotJsonIsNamed() {
        String message = Fixtures.onlyFailureMessage(Fixtures.run(NotJsonSeed.class));

        assertThat(message)
                .startsWith("Seed resource \"kvkit/not-json.json\" of @KvNamespace(\"TODO\") on field [")
                .contains("]: Bulk file is not JSON: ");
    }

    static class SeededInOrder {

        @KvNamespace(
                value = "TODO",
                seed = {"kvkit/todos.json", "/kvkit/todos-override.json"})
        FakeKvNamespace todo;

        @Test
        void seedIsThereWithMetadataAndExpiration(TestClock clock) {
            assertThat(todo.keys()).containsExactly("to-do:1", "to-do:2");
            assertThat(todo.get("to-do:2")).isEqualTo("Walk the cat");
            assertThat(todo.entry("to-do:1").orElseThrow().metadataJson()).contains("{\"done\":false}");

            clock.advance(Duration.ofHours(1));
            assertThat(todo.get("to-do:2")).isEqualTo("Walk the cat");
        }
    }

    static class MissingSeed {

        @KvNamespace(value = "TODO", seed = "kvkit/nope.json")
        FakeKvNamespace todo;

        @Test
        void neverRuns() {}
    }

    static class NotJsonSeed {

        @KvNamespace(value = "TODO", seed = "kvkit/not-json.json")
        static FakeKvNamespace todo;

        @Test
        void neverRuns() {}
    }

    static class BadSeedItem {

        @Test
        void neverRuns(@KvNamespace(value = "TODO", seed = "kvkit/bad-item.json") FakeKvNamespace todo) {}
    }
}
