package dev.kvkit.junit.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.junit.KvNamespace;
import org.junit.jupiter.api.Test;

class SeedingExampleTest {

    // tag::seeding[]
    @KvNamespace(
            value = "TODO",
            seed = {"kvkit/todos.json", "kvkit/todos-override.json"})
    FakeKvNamespace todo;

    @Test
    void startsFromTheSameFilesWranglerTakes() {
        assertThat(todo.keys()).containsExactly("to-do:1", "to-do:2");
        assertThat(todo.get("to-do:2")).isEqualTo("Walk the cat"); // the later file wins
    }
    // end::seeding[]
}
