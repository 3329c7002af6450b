package dev.kvkit.samples;

import static dev.kvkit.assertj.KvAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kvkit.KvBinding;
import dev.kvkit.ListOptions;
import dev.kvkit.PutOptions;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import dev.kvkit.junit.KvNamespace;
import dev.kvkit.junit.KvTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@KvTest // also injects a TestClock into tests that build their own namespace
class CompletedTodoCleanupTest {

    private static final Duration KEEP_DONE = Duration.ofDays(30);

    @Test
    void deletesTodosDoneLongerAgoThanTheRetention(
            @KvNamespace(value = "TODO", seed = "seed/todos.json") FakeKvNamespace todo,
            @KvNamespace("TODO") KvBinding kv,
            TestClock clock) {
        CompletedTodoCleanup cleanup = new CompletedTodoCleanup(kv, clock, KEEP_DONE);

        assertThat(cleanup.run()).isEqualTo(1); // to-do:2, done on 2025-11-15

        assertThat(todo).containsExactlyKeys("to-do:1", "to-do:3");
    }

    @Test
    void keepsADoneTodoUntilTheRetentionHasPassed(
            @KvNamespace(value = "TODO", seed = "seed/todos.json") FakeKvNamespace todo,
            @KvNamespace("TODO") KvBinding kv,
            TestClock clock) {
        CompletedTodoCleanup cleanup = new CompletedTodoCleanup(kv, clock, KEEP_DONE);
        cleanup.run();

        clock.setInstant(Instant.parse("2026-01-30T07:59:59Z"));
        assertThat(cleanup.run()).isZero(); // to-do:3 was done on 2025-12-31T08:00:00Z

        clock.advance(Duration.ofSeconds(1));
        assertThat(cleanup.run()).isEqualTo(1);
        assertThat(todo).containsExactlyKeys("to-do:1"); // open to-dos are never deleted
    }

    @Test
    void leavesKeysOutsideTheToDoPrefixAlone(
            @KvNamespace("TODO") FakeKvNamespace todo, @KvNamespace("TODO") KvBinding kv, TestClock clock) {
        todo.put("settings", "x", PutOptions.defaults().withMetadata(Map.of("doneAt", "2020-01-01T00:00:00Z")));

        assertThat(new CompletedTodoCleanup(kv, clock, KEEP_DONE).run()).isZero();
        assertThat(todo).containsExactlyKeys("settings");
    }

    // tag::samples-list-stress[]
    @Test
    void findsEveryOldTodoEvenWhenListPagesComeBackShort(TestClock clock) {
        FakeKvNamespace todo = FakeKvNamespace.builder()
                .name("TODO")
                .clock(clock)
                .listStressMode(true) // pages come back short or empty before the end, as in production
                .build();
        List<String> open = addChores(new TodoStore(todo, clock), 1500); // two in three are done at once
        assertThat(todo.list(ListOptions.defaults().withPrefix("to-do:")))
                .isNotComplete()
                .hasSize(0); // a job that stops on a short page stops here

        clock.advance(KEEP_DONE);

        assertThat(new CompletedTodoCleanup(todo, clock, KEEP_DONE).run()).isEqualTo(1000);
        assertThat(todo.keys()).containsExactlyInAnyOrderElementsOf(open);
    }
    // end::samples-list-stress[]

    /** Adds to-dos 1 to {@code count}, completes all but every third, and returns the open ones' keys. */
    private static List<String> addChores(TodoStore todos, int count) {
        List<String> open = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            todos.add(Integer.toString(i), "Chore " + i);
            if (i % 3 == 0) {
                open.add("to-do:" + i);
            } else {
                todos.complete(Integer.toString(i));
            }
        }
        return open;
    }

    @Test
    void listingVisitsEveryKeyUnderThePrefixOnceAndInOrderAcrossPages(TestClock clock) {
        FakeKvNamespace kv = FakeKvNamespace.builder()
                .name("TODO")
                .clock(clock)
                .listStressMode(true)
                .build();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            String key = String.format("to-do:%04d", i);
            kv.put(key, "x");
            expected.add(key);
        }
        kv.put("session:1", "not a to-do");

        List<String> visited = new ArrayList<>();
        int count = PrefixListing.forEachKey(kv, "to-do:", key -> visited.add(key.name()));

        assertThat(visited).isEqualTo(expected);
        assertThat(count).isEqualTo(2500);
    }

    @Test
    void aMalformedCompletionTimeIsReportedByKey(@KvNamespace("TODO") FakeKvNamespace todo, TestClock clock) {
        todo.put("to-do:7", "Buy milk", PutOptions.defaults().withMetadata(Map.of("doneAt", "last week")));

        assertThatThrownBy(() -> new CompletedTodoCleanup(todo, clock, KEEP_DONE).run())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("to-do:7 has a \"doneAt\" that is not an ISO-8601 instant such as"
                        + " \"2026-01-01T00:00:00Z\": \"last week\"");
        assertThat(todo).containsExactlyKeys("to-do:7");
    }

    @Test
    void aNegativeRetentionIsRefused(@KvNamespace("TODO") FakeKvNamespace todo, TestClock clock) {
        assertThatThrownBy(() -> new CompletedTodoCleanup(todo, clock, Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("keepDone must not be negative, but was: PT-24H");
    }
}
