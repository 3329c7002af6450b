package dev.kvkit.junit.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.KvBinding;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import dev.kvkit.junit.KvNamespace;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeclarativeExampleTest {

    // tag::declarative[]
    @Test
    void rememberedTodosExpireAfterADay(@KvNamespace("TODO") FakeKvNamespace todo, TestClock clock) {
        TodoStore todos = new TodoStore(todo);

        todos.remember("123", "Buy milk");
        assertThat(todo.keys()).containsExactly("to-do:123");

        clock.advance(Duration.ofDays(1));
        assertThat(todos.find("123")).isNull();
    }
    // end::declarative[]

    // tag::declarative-binding[]
    @KvNamespace("TODO")
    KvBinding todo; // the same namespace, typed as production code sees it

    @Test
    void findsWhatWasRemembered() {
        new TodoStore(todo).remember("7", "Call mum");

        assertThat(new TodoStore(todo).find("7")).isEqualTo("Call mum");
    }
    // end::declarative-binding[]
}
