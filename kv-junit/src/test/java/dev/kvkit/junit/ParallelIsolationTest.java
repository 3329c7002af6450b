package dev.kvkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Two hundred tests write to the same binding name; with parallel execution enabled (the build's
 * second test run) they run concurrently, and each must still see only its own write and its own
 * clock. A shared namespace or clock would show another test's key or a moved clock.
 */
@Execution(ExecutionMode.CONCURRENT)
class ParallelIsolationTest {

    @KvNamespace("TODO")
    FakeKvNamespace todo;

    @RepeatedTest(200)
    void eachTestHasItsOwnNamespaceAndClock(
            @KvNamespace("TODO") FakeKvNamespace sameBinding, TestClock clock, RepetitionInfo repetition) {
        assertThat(sameBinding).isSameAs(todo);
        assertThat(todo.isEmpty()).isTrue();
        assertThat(clock.instant()).isEqualTo(TestClock.DEFAULT_START);

        String key = "to-do:" + repetition.getCurrentRepetition();
        todo.put(key, "written by repetition " + repetition.getCurrentRepetition());
        clock.advance(Duration.ofMinutes(repetition.getCurrentRepetition()));

        assertThat(todo.keys()).containsExactly(key);
        assertThat(clock.instant())
                .isEqualTo(TestClock.DEFAULT_START.plusSeconds(60L * repetition.getCurrentRepetition()));
    }
}
