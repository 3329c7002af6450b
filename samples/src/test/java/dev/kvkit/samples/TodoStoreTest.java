package dev.kvkit.samples;

import static dev.kvkit.assertj.KvAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kvkit.KvBinding;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import dev.kvkit.junit.KvClock;
import dev.kvkit.junit.KvNamespace;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TodoStoreTest {

    @KvNamespace(value = "TODO", seed = "seed/todos.json") // the file `wrangler kv bulk put` takes
    FakeKvNamespace todo; // for the assertions

    @KvNamespace("TODO")
    KvBinding kv; // for the code under test: the same namespace (through the REST client with kvkit.binding=emulator)

    @KvClock
    TestClock clock; // the test's clock, shared with every namespace; starts at 2026-01-01T00:00:00Z

    TodoStore todos;

    @BeforeEach
    void createTheStore() {
        todos = new TodoStore(kv, clock);
    }

    @Test
    void addStoresTheTitleUnderItsToDoKeyAndTheCreationTimeAsMetadata() {
        todos.add("123", "Buy milk");

        assertThat(todo).containsKey("to-do:123").hasText("to-do:123", "Buy milk");
        assertThat(todo)
                .entry("to-do:123")
                .hasMetadata("{\"createdAt\": \"2026-01-01T00:00:00Z\"}")
                .hasNoExpiration();
    }

    @Test
    void findReadsWhatTheSeedFileHolds() {
        assertThat(todos.find("1")).contains(new Todo("1", "Buy milk", Instant.parse("2025-12-20T09:00:00Z"), null));
        assertThat(todos.find("2"))
                .hasValueSatisfying(done -> assertThat(done.isDone()).isTrue());
        assertThat(todos.find("404")).isEmpty();
    }

    @Test
    void completeRecordsWhenTheTodoWasDone() {
        clock.advance(Duration.ofHours(2));

        Todo done = todos.complete("1");

        assertThat(done.doneAt()).isEqualTo(Instant.parse("2026-01-01T02:00:00Z"));
        assertThat(todos.find("1")).contains(done);
        assertThat(todo)
                .entry("to-do:1")
                .hasText("Buy milk")
                .hasMetadataValue("/doneAt", "2026-01-01T02:00:00Z")
                .hasMetadataValue("/createdAt", "2025-12-20T09:00:00Z");
    }

    @Test
    void completingADoneTodoKeepsItsFirstCompletionTime() {
        todos.complete("1");
        clock.advance(Duration.ofDays(1));

        assertThat(todos.complete("1").doneAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void addReplacesATodoWithTheSameIdAsANewOpenOne() {
        todos.add("2", "File next year's tax return");

        assertThat(todos.find("2")).hasValueSatisfying(todo -> {
            assertThat(todo.title()).isEqualTo("File next year's tax return");
            assertThat(todo.isDone()).isFalse();
        });
    }

    @Test
    void removeDeletesOnlyThatTodo() {
        todos.remove("1");
        todos.remove("404"); // removing what is not there does nothing, as in KV

        assertThat(todo).containsExactlyKeys("to-do:2", "to-do:3");
    }

    @Test
    void completingAnUnknownTodoNamesTheId() {
        assertThatThrownBy(() -> todos.complete("404"))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage("No to-do with id \"404\"");
        assertThat(todo).hasSize(3);
    }

    @Test
    void aTodoWrittenWithoutItsMetadataIsReportedByKey() {
        todo.put("to-do:9", "Written by another tool");

        assertThatThrownBy(() -> todos.find("9"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("to-do:9 has no \"createdAt\" such as \"2026-01-01T00:00:00Z\" in: null");
    }

    @Test
    void blankIdsAndTitlesAreRefusedWithWhatIsAllowed() {
        assertThatThrownBy(() -> todos.add(" ", "Buy milk"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A to-do id must not be blank, such as \"123\", but was: \" \"");
        assertThatThrownBy(() -> todos.add("124", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A to-do title must not be blank, but was: null");
        assertThat(todo).hasSize(3);
    }
}
