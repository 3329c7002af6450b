package dev.kvkit.junit.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.junit.KvNamespace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScopesExampleTest {

    // tag::scopes[]
    @KvNamespace("CONFIG")
    static FakeKvNamespace config; // one for the class: keeps its entries and clock from test to test

    @KvNamespace("SESSIONS")
    static FakeKvNamespace sessions; // one for the class, emptied before each test

    @KvNamespace("TODO")
    FakeKvNamespace todo; // a fresh one for every test

    @BeforeAll
    static void loadConfiguration() {
        config.put("feature:dark-mode", "on");
    }

    @BeforeEach
    void startWithoutSessions() {
        sessions.reset();
    }

    @Test
    void sameBindingNameInOneTestIsOneNamespace(@KvNamespace("TODO") FakeKvNamespace parameter) {
        assertThat(parameter).isSameAs(todo);
        assertThat(config.get("feature:dark-mode")).isEqualTo("on");
        assertThat(sessions.isEmpty()).isTrue();
        assertThat(todo.isEmpty()).isTrue();
    }
    // end::scopes[]

    @Test
    void everyTestStartsWithoutSessionsAndTodos() {
        sessions.put("abc", "user-1");
        todo.put("to-do:1", "Buy milk");

        assertThat(config.keys()).containsExactly("feature:dark-mode");
    }
}
