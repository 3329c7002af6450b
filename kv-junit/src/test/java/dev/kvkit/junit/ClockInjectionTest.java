package dev.kvkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The extension fills only what {@link KvClock} claims, never overwrites a value, and says so by name. */
class ClockInjectionTest {

    static final Instant MINE = Instant.parse("2040-01-01T00:00:00Z");

    @Test
    void aKvClockFieldGetsTheClockOfTheTestsNamespaces() {
        Fixtures.run(Claimed.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
    }

    @Test
    void aTestClockFieldWithoutKvClockIsLeftAlone() {
        Fixtures.run(Unclaimed.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
    }

    @Test
    void anInitialisedKvClockFieldIsRefusedByNameAndTheTestFails() {
        EngineExecutionResults results = Fixtures.run(Initialised.class);

        results.testEvents().assertStatistics(stats -> stats.failed(1));
        results.containerEvents().assertStatistics(stats -> stats.failed(0));
        assertThat(IsolationTest.firstFailure(results))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("@KvClock field [dev.kvkit.fake.TestClock " + Initialised.class.getName() + ".clock]"
                        + " already holds TestClock[2040-01-01T00:00:00Z]; the extension does not overwrite a value"
                        + " you set. Remove the initialiser to get the extension's, or remove @KvClock to keep your"
                        + " own");
    }

    @Test
    void aFinalKvClockFieldIsRefusedByNameAndTheContainerFailsForAStaticOne() {
        EngineExecutionResults results = Fixtures.run(FinalStatic.class);

        results.containerEvents().assertStatistics(stats -> stats.failed(1));
        results.testEvents().assertStatistics(stats -> stats.started(0));
        assertThat(IsolationTest.firstFailure(results))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("@KvClock field [static final dev.kvkit.fake.TestClock " + FinalStatic.class.getName()
                        + ".clock] must not be declared as final: the extension assigns it; remove final, or remove"
                        + " @KvClock to keep a clock of your own");
    }

    @Test
    void aKvClockFieldOfAnotherTypeIsRefusedWithTheAllowedTypes() {
        EngineExecutionResults results = Fixtures.run(WrongType.class);

        results.testEvents().assertStatistics(stats -> stats.failed(1));
        assertThat(IsolationTest.firstFailure(results))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("Can only inject @KvClock field of type dev.kvkit.fake.TestClock or java.time.Clock but"
                        + " was: java.lang.String: @KvClock field [java.lang.String " + WrongType.class.getName()
                        + ".clock]");
    }

    @Test
    void anInitialisedKvNamespaceFieldIsRefusedToo() {
        EngineExecutionResults results = Fixtures.run(InitialisedNamespace.class);

        results.testEvents().assertStatistics(stats -> stats.failed(1));
        assertThat(IsolationTest.firstFailure(results))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith("@KvNamespace field [dev.kvkit.fake.FakeKvNamespace "
                        + InitialisedNamespace.class.getName() + ".todo] already holds FakeKvNamespace[");
    }

    static class Claimed {

        @KvNamespace("TODO")
        FakeKvNamespace todo;

        @KvClock
        TestClock clock;

        @KvClock
        Clock asJavaClock;

        @Test
        void test() {
            assertThat(clock).isSameAs(todo.clock()).isSameAs(asJavaClock);
        }
    }

    static class Unclaimed {

        @KvNamespace("TODO")
        FakeKvNamespace todo;

        TestClock mine = TestClock.at(MINE);

        @Test
        void test() {
            assertThat(mine.instant()).isEqualTo(MINE);
            assertThat(mine).isNotSameAs(todo.clock());
        }
    }

    static class Initialised {

        @KvNamespace("TODO")
        FakeKvNamespace todo;

        @KvClock
        TestClock clock = TestClock.at(MINE);

        @Test
        void test() {}
    }

    @KvTest
    static class FinalStatic {

        @KvClock
        static final TestClock clock = TestClock.create();

        @Test
        void test() {}
    }

    @KvTest
    static class WrongType {

        @KvClock
        String clock;

        @Test
        void test() {}
    }

    static class InitialisedNamespace {

        @KvNamespace("TODO")
        FakeKvNamespace todo = FakeKvNamespace.create();

        @Test
        void test() {}
    }
}
