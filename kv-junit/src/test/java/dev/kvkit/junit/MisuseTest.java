package dev.kvkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every misuse gets a message naming the element and what is allowed. */
class MisuseTest {

    @Test
    void parameterOfAnotherTypeIsRefusedWithTheAllowedTypes() {
        String message = Fixtures.onlyFailureMessage(Fixtures.run(WrongParameterType.class));

        assertThat(message)
                .isEqualTo("Can only resolve @KvNamespace parameter of type dev.kvkit.fake.FakeKvNamespace,"
                        + " dev.kvkit.fake.FakeKvLocation or dev.kvkit.KvBinding but was: java.lang.String: parameter [java.lang.String arg0] in method"
                        + " [void dev.kvkit.junit.MisuseTest$WrongParameterType.test(java.lang.String)]");
    }

    @Test
    void fieldOfAnotherTypeIsRefusedWithTheAllowedTypes() {
        String message = Fixtures.onlyFailureMessage(Fixtures.run(WrongFieldType.class));

        assertThat(message)
                .isEqualTo("Can only inject @KvNamespace field of type dev.kvkit.fake.FakeKvNamespace,"
                        + " dev.kvkit.fake.FakeKvLocation or dev.kvkit.KvBinding but was: java.util.Map: field [java.util.Map"
                        + " dev.kvkit.junit.MisuseTest$WrongFieldType.todo]");
    }

    @Test
    void finalFieldIsRefusedByName() {
        String message = Fixtures.onlyFailureMessage(Fixtures.run(FinalField.class));

        assertThat(message)
                .isEqualTo("@KvNamespace field [static final dev.kvkit.fake.FakeKvNamespace"
                        + " dev.kvkit.junit.MisuseTest$FinalField.todo] must not be declared as final");
    }

    @Test
    void blankBindingNameIsRefused() {
        String message = Fixtures.onlyFailureMessage(Fixtures.run(BlankBindingName.class));

        assertThat(message)
                .isEqualTo("@KvNamespace on field [dev.kvkit.fake.FakeKvNamespace"
                        + " dev.kvkit.junit.MisuseTest$BlankBindingName.todo] needs a binding name,"
                        + " such as @KvNamespace(\"TODO\")");
    }

    @Test
    void sameBindingWithAnotherSeedIsAConflict() {
        String message = Fixtures.onlyFailureMessage(Fixtures.run(ConflictingSeeds.class));

        assertThat(message)
                .contains("Conflicting seeds for binding \"TODO\": @KvNamespace(\"TODO\") on parameter [")
                .contains(" asks for [kvkit/todos-override.json] but @KvNamespace(\"TODO\") on field [")
                .endsWith(" created it with [kvkit/todos.json]; within a test one binding name is one namespace,"
                        + " so declare the seed once");
    }

    @Test
    void twoClockStartsInOneTestAreAConflict() {
        String message = Fixtures.onlyFailureMessage(Fixtures.run(ConflictingClockStarts.class));

        assertThat(message)
                .contains("Conflicting clock starts: @KvNamespace(\"CACHE\") on parameter [")
                .endsWith(" asks for 2031-01-01T00:00:00Z but the clock of this test already started at"
                        + " 2030-01-01T00:00:00Z (from @KvNamespace(\"TODO\") on field [dev.kvkit.fake.FakeKvNamespace"
                        + " dev.kvkit.junit.MisuseTest$ConflictingClockStarts.todo]); all namespaces of a scope"
                        + " share one clock");
    }

    @Test
    void kvTestAndBuilderSettingDifferentValuesAreAConflict() {
        String message = Fixtures.onlyFailureMessage(Fixtures.run(ConflictingClassSettings.class));

        assertThat(message)
                .isEqualTo("Conflicting kvkit settings for clockStart: KvExtension.builder() sets"
                        + " 2030-01-01T00:00:00Z but @KvTest on " + ConflictingClassSettings.class.getName()
                        + " sets 2031-01-01T00:00:00Z; set it in one place");
    }

    @Test
    void extensionRegisteredInAnInstanceFieldIsRefused() {
        String message = Fixtures.onlyFailureMessage(Fixtures.run(InstanceRegistration.class));

        assertThat(message)
                .isEqualTo("KvExtension must be registered in a static field, so that it also serves static fields"
                        + " and @BeforeAll methods: field [final dev.kvkit.junit.KvExtension"
                        + " dev.kvkit.junit.MisuseTest$InstanceRegistration.kv]");
    }

    static class WrongParameterType {

        @Test
        void test(@KvNamespace("TODO") String todo) {}
    }

    static class WrongFieldType {

        @KvNamespace("TODO")
        java.util.Map<String, String> todo;

        @Test
        void test() {}
    }

    static class FinalField {

        @KvNamespace("TODO")
        static final FakeKvNamespace todo = FakeKvNamespace.create();

        @Test
        void test() {}
    }

    static class BlankBindingName {

        @KvNamespace(" ")
        FakeKvNamespace todo;

        @Test
        void test() {}
    }

    static class ConflictingSeeds {

        @KvNamespace(value = "TODO", seed = "kvkit/todos.json")
        FakeKvNamespace todo;

        @Test
        void test(@KvNamespace(value = "TODO", seed = "kvkit/todos-override.json") FakeKvNamespace again) {}
    }

    static class ConflictingClockStarts {

        @KvNamespace(value = "TODO", clockStart = "2030-01-01T00:00:00Z")
        FakeKvNamespace todo;

        @Test
        void test(@KvNamespace(value = "CACHE", clockStart = "2031-01-01T00:00:00Z") FakeKvNamespace cache) {}
    }

    @KvTest(clockStart = "2031-01-01T00:00:00Z")
    static class ConflictingClassSettings {

        @RegisterExtension
        static final KvExtension kv = KvExtension.builder()
                .clockStart(java.time.Instant.parse("2030-01-01T00:00:00Z"))
                .build();

        @Test
        void test(TestClock clock) {}
    }

    static class InstanceRegistration {

        @RegisterExtension
        final KvExtension kv = KvExtension.builder().build();

        @Test
        void test(@KvNamespace("TODO") FakeKvNamespace todo) {}
    }
}
