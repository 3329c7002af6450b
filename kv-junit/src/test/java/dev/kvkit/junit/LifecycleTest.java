package dev.kvkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.KvBinding;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where a declaration stands decides how long its namespace lives, as for {@code @TempDir}. Each
 * fixture writes in its first test and looks in its second; the tests run in declared order.
 */
class LifecycleTest {

    @Test
    void staticFieldKeepsOneNamespaceForTheClass() {
        Fixtures.run(StaticField.class)
                .testEvents()
                .assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @Test
    void beforeAllParameterIsTheClassNamespaceTestsReachByName() {
        Fixtures.run(BeforeAllParameter.class)
                .testEvents()
                .assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @Test
    void instanceFieldIsFreshForEveryTest() {
        Fixtures.run(InstanceField.class)
                .testEvents()
                .assertStatistics(stats -> stats.started(3).succeeded(3));
    }

    @Test
    void constructorParameterIsFreshForEveryTest() {
        Fixtures.run(ConstructorParameter.class)
                .testEvents()
                .assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @Test
    void perClassLifecycleKeepsConstructorNamespaceButRefreshesInstanceFields() {
        Fixtures.run(PerClassLifecycle.class)
                .testEvents()
                .assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @Test
    void nestedClassSeesTheEnclosingNamespaces() {
        Fixtures.run(EnclosingWithNested.class)
                .testEvents()
                .assertStatistics(stats -> stats.started(3).succeeded(3));
    }

    @Test
    void everyParameterizedInvocationGetsAFreshNamespace() {
        Fixtures.run(Parameterized.class)
                .testEvents()
                .assertStatistics(stats -> stats.started(3).succeeded(3));
    }

    @Test
    void everyRepetitionGetsAFreshNamespaceAndClock() {
        Fixtures.run(Repeated.class)
                .testEvents()
                .assertStatistics(stats -> stats.started(4).succeeded(4));
    }

    @Test
    void subclassInheritsFieldsAndKvTestSettings() {
        Fixtures.run(InheritingSubclass.class)
                .testEvents()
                .assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void oneTestSharesOneClockAcrossNamespacesFieldsAndParameters() {
        Fixtures.run(SharedClock.class)
                .testEvents()
                .assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @Test
    void staticClockFieldIsTheClassClockItsTestsShare() {
        Fixtures.run(StaticClock.class)
                .testEvents()
                .assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @Test
    void aTestWithItsOwnNamespaceAndAClassClockCannotAskForTheClock() {
        var results = Fixtures.run(StaticClockAndOwnNamespace.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        results.containerEvents().assertStatistics(stats -> stats.failed(0));
        Throwable thrown = results.testEvents().failed().stream()
                .findFirst()
                .orElseThrow()
                .getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
                .getThrowable()
                .orElseThrow();
        assertThat(thrown).isInstanceOf(org.junit.jupiter.api.extension.ParameterResolutionException.class);
        assertThat(thrown.getMessage())
                .endsWith("asks for the clock of this test, but the test has two: @KvNamespace(\"TODO\") on"
                        + " parameter [dev.kvkit.fake.FakeKvNamespace arg1] in method [void "
                        + StaticClockAndOwnNamespace.class.getName() + ".test(dev.kvkit.fake.TestClock,"
                        + "dev.kvkit.fake.FakeKvNamespace)] is a namespace of the test's own, on a fresh clock, while"
                        + " @KvClock field [static dev.kvkit.fake.TestClock "
                        + StaticClockAndOwnNamespace.class.getName()
                        + ".classClock] belongs to the class, on the class's clock. Reach the one you mean as"
                        + " namespace.clock(), or declare both per test (instance fields or parameters) or both per"
                        + " class (static fields)");
    }

    @Test
    void annotationTypeMetaAnnotatedWithKvNamespaceNamesTheBinding() {
        Fixtures.run(MetaAnnotated.class)
                .testEvents()
                .assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class StaticField {

        @KvNamespace("TODO")
        static FakeKvNamespace todo;

        @Test
        @Order(1)
        void writes() {
            todo.put("to-do:1", "Buy milk");
        }

        @Test
        @Order(2)
        void seesTheFirstTestsWrite(@KvNamespace("TODO") FakeKvNamespace sameBinding) {
            assertThat(todo.keys()).containsExactly("to-do:1");
            assertThat(sameBinding).isSameAs(todo);
        }
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class BeforeAllParameter {

        static FakeKvNamespace fromBeforeAll;

        @BeforeAll
        static void seed(@KvNamespace("TODO") FakeKvNamespace todo) {
            todo.put("seeded", "yes");
            fromBeforeAll = todo;
        }

        @Test
        @Order(1)
        void parameterReachesTheClassNamespace(@KvNamespace("TODO") FakeKvNamespace todo) {
            assertThat(todo).isSameAs(fromBeforeAll);
            todo.put("written", "by the first test");
        }

        @Test
        @Order(2)
        void classNamespaceKeepsWritesBetweenTests(@KvNamespace("TODO") FakeKvNamespace todo) {
            assertThat(todo.keys()).containsExactly("seeded", "written");
        }
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class InstanceField {

        @KvNamespace("TODO")
        FakeKvNamespace todo;

        @KvNamespace("TODO")
        KvBinding todoBinding;

        @Test
        @Order(1)
        void writes() {
            todo.put("to-do:1", "Buy milk");
        }

        @Test
        @Order(2)
        void startsEmpty() {
            assertThat(todo.isEmpty()).isTrue();
        }

        @Test
        @Order(3)
        void fieldsAndParametersOfOneBindingNameAreOneNamespace(
                @KvNamespace("TODO") FakeKvNamespace parameter, @KvNamespace("OTHER") FakeKvNamespace other) {
            assertThat(parameter).isSameAs(todo).isSameAs(todoBinding).isNotSameAs(other);
        }
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ConstructorParameter {

        private final FakeKvNamespace fromConstructor;

        @KvNamespace("TODO")
        FakeKvNamespace field;

        ConstructorParameter(@KvNamespace("TODO") FakeKvNamespace todo) {
            this.fromConstructor = todo;
        }

        @Test
        @Order(1)
        void writes() {
            assertThat(fromConstructor).isSameAs(field);
            fromConstructor.put("to-do:1", "Buy milk");
        }

        @Test
        @Order(2)
        void startsEmpty() {
            assertThat(fromConstructor.isEmpty()).isTrue();
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerClassLifecycle {

        private final FakeKvNamespace fromConstructor;
        private FakeKvNamespace fromBeforeAll;

        @KvNamespace("CACHE")
        FakeKvNamespace cache;

        PerClassLifecycle(@KvNamespace("TODO") FakeKvNamespace todo) {
            this.fromConstructor = todo;
        }

        @BeforeAll
        void beforeAll(@KvNamespace("TODO") FakeKvNamespace todo) {
            fromBeforeAll = todo;
        }

        @Test
        @Order(1)
        void writes() {
            assertThat(fromBeforeAll).isSameAs(fromConstructor);
            fromConstructor.put("to-do:1", "Buy milk");
            cache.put("page", "html");
        }

        @Test
        @Order(2)
        void constructorNamespaceKeepsWritesWhileFieldIsFresh() {
            assertThat(fromConstructor.keys()).containsExactly("to-do:1");
            assertThat(cache.isEmpty()).isTrue();
        }
    }

    static class EnclosingWithNested {

        @KvNamespace("CONFIG")
        static FakeKvNamespace config;

        @KvNamespace("TODO")
        FakeKvNamespace todo;

        @BeforeEach
        void writeInEveryTest() {
            todo.put("from-outer-before-each", "1");
        }

        @Test
        void outerTest() {
            assertThat(todo.keys()).containsExactly("from-outer-before-each");
        }

        @Nested
        class Inner {

            @Test
            void innerParameterIsTheOuterFieldsNamespace(@KvNamespace("TODO") FakeKvNamespace inner) {
                assertThat(inner).isSameAs(todo);
                assertThat(inner.keys()).containsExactly("from-outer-before-each");
            }

            @Test
            void innerParameterReachesTheOuterClassNamespace(@KvNamespace("CONFIG") KvBinding inner) {
                assertThat(inner).isSameAs(config);
            }
        }
    }

    static class Parameterized {

        @ParameterizedTest
        @ValueSource(strings = {"a", "b", "c"})
        void eachInvocationStartsEmpty(String key, @KvNamespace("TODO") FakeKvNamespace todo) {
            assertThat(todo.isEmpty()).isTrue();
            todo.put(key, "value");
        }
    }

    static class Repeated {

        @KvNamespace("TODO")
        FakeKvNamespace todo;

        @RepeatedTest(4)
        void eachRepetitionStartsEmptyAtTheDefaultStart(TestClock clock) {
            assertThat(todo.isEmpty()).isTrue();
            assertThat(clock.instant()).isEqualTo(TestClock.DEFAULT_START);
            todo.put("k", "v");
            clock.advance(Duration.ofHours(1));
        }
    }

    @KvTest(clockStart = "2030-06-01T12:00:00Z")
    abstract static class Base {

        @KvNamespace("TODO")
        FakeKvNamespace todo;
    }

    static class InheritingSubclass extends Base {

        @Test
        void inheritedFieldIsInjectedWithInheritedSettings() {
            assertThat(todo.clock().instant()).isEqualTo(Instant.parse("2030-06-01T12:00:00Z"));
        }
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class SharedClock {

        @KvNamespace("TODO")
        FakeKvNamespace todo;

        @KvClock
        TestClock clockField;

        @Test
        @Order(1)
        void allNamespacesAndInjectedClocksAreOneClock(@KvNamespace("CACHE") FakeKvNamespace cache, TestClock clock) {
            assertThat(clock).isSameAs(clockField).isSameAs(todo.clock()).isSameAs(cache.clock());
            assertThat(clock.instant()).isEqualTo(TestClock.DEFAULT_START);
            clock.advance(Duration.ofDays(1));
        }

        @Test
        @Order(2)
        void nextTestHasAFreshClock(TestClock clock) {
            assertThat(clock).isSameAs(clockField);
            assertThat(clock.instant()).isEqualTo(TestClock.DEFAULT_START);
        }
    }

    @KvTest
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class StaticClock {

        @KvClock
        static TestClock classClock;

        @KvNamespace("CONFIG")
        static FakeKvNamespace config;

        @Test
        @Order(1)
        void moves(TestClock clock) {
            assertThat(clock).isSameAs(classClock).isSameAs(config.clock());
            clock.advance(Duration.ofHours(1));
        }

        @Test
        @Order(2)
        void seesTheMove(TestClock clock) {
            assertThat(clock).isSameAs(classClock);
            assertThat(clock.instant()).isEqualTo(TestClock.DEFAULT_START.plus(Duration.ofHours(1)));
        }
    }

    @KvTest
    static class StaticClockAndOwnNamespace {

        @KvClock
        static TestClock classClock;

        @Test
        void test(TestClock clock, @KvNamespace("TODO") FakeKvNamespace todo) {}
    }

    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target({java.lang.annotation.ElementType.FIELD, java.lang.annotation.ElementType.PARAMETER})
    @KvNamespace("TODO")
    @interface TodoKv {}

    static class MetaAnnotated {

        @TodoKv
        FakeKvNamespace todo;

        @Test
        void metaAnnotationInjectsTheNamedBinding(@KvNamespace("TODO") FakeKvNamespace byName) {
            assertThat(todo.name()).isEqualTo("TODO");
            assertThat(byName).isSameAs(todo);
        }
    }
}
