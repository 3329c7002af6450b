package dev.kvkit.junit.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.junit.KvNamespace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NestedExampleTest {

    // tag::nested[]
    @KvNamespace("TODO")
    FakeKvNamespace todo;

    @BeforeEach
    void rememberOne() {
        new TodoStore(todo).remember("1", "Buy milk");
    }

    @Nested
    class WhenTheTodoIsFound {

        @Test
        void itIsTheOneRemembered(@KvNamespace("TODO") FakeKvNamespace sameNamespace) {
            assertThat(sameNamespace).isSameAs(todo);
            assertThat(new TodoStore(sameNamespace).find("1")).isEqualTo("Buy milk");
        }
    }
    // end::nested[]
}
