package dev.kvkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.KvBinding;
import dev.kvkit.fake.FakeKvLocation;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code @KvNamespace(value = ..., location = ...)} is the namespace of that binding name as another
 * location sees it: the same entries, read through that location's edge cache.
 */
class LocationInjectionTest {

    @Test
    void aLocationParameterIsTheTestsNamespaceSeenFromThere() {
        Fixtures.run(SydneyParameter.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
    }

    @Test
    void locationFieldsFollowTheScopeOfTheirDeclaration() {
        Fixtures.run(LocationFields.class).testEvents().assertStatistics(stats -> stats.succeeded(2));
    }

    @Test
    void aFakeKvLocationWithoutALocationIsTheDefaultLocation() {
        Fixtures.run(DefaultLocation.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
    }

    @Test
    void twoLocationsOfOneBindingLoseAnUpdateAsProductionDoes() {
        Fixtures.run(LostUpdate.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
    }

    @Test
    void aNestedClassSeesTheEnclosingTestsNamespaceFromItsLocation() {
        Fixtures.run(EnclosingNamespace.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
    }

    @Test
    void aLocationCanBeNamedOnAnAnnotationOfYourOwn() {
        Fixtures.run(MetaAnnotated.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
    }

    @Test
    void aFailedTestReportsTheNamespaceItSawOnlyThroughALocation() {
        Map<String, String> entries = Fixtures.reportEntries(Fixtures.run(FailingThroughALocation.class));

        assertThat(entries)
                .containsOnlyKeys("kvkit.namespace.TODO")
                .containsEntry(
                        "kvkit.namespace.TODO",
                        "FakeKvNamespace[TODO, 1 key, TestClock[2026-01-01T00:00:00Z]]\n"
                                + "  KvEntry[key=\"to-do:1\", value=\"Buy milk\"]");
    }

    @Nested
    class Misuse {

        @Test
        void aLocationParameterTypedAsTheNamespaceIsRefusedWithTheTypesThatWork() {
            String message = Fixtures.onlyFailureMessage(Fixtures.run(LocationAsNamespaceParameter.class));

            assertThat(message)
                    .endsWith("@KvNamespace(value = \"TODO\", location = \"syd\") on parameter"
                            + " [dev.kvkit.fake.FakeKvNamespace arg0] in method [void "
                            + LocationAsNamespaceParameter.class.getName()
                            + ".test(dev.kvkit.fake.FakeKvNamespace)] cannot be of type dev.kvkit.fake.FakeKvNamespace,"
                            + " which is the namespace seen from its default location; declare it as dev.kvkit.KvBinding"
                            + " or dev.kvkit.fake.FakeKvLocation to see it from \"syd\"");
        }

        @Test
        void aLocationFieldTypedAsTheNamespaceIsRefusedWithTheTypesThatWork() {
            String message = Fixtures.onlyFailureMessage(Fixtures.run(LocationAsNamespaceField.class));

            assertThat(message)
                    .isEqualTo("@KvNamespace(value = \"TODO\", location = \"syd\") on field"
                            + " [dev.kvkit.fake.FakeKvNamespace " + LocationAsNamespaceField.class.getName()
                            + ".todo] cannot be of type dev.kvkit.fake.FakeKvNamespace, which is the namespace seen"
                            + " from its default location; declare it as dev.kvkit.KvBinding or"
                            + " dev.kvkit.fake.FakeKvLocation to see it from \"syd\"");
        }

        @Test
        void aBadLocationNameNamesTheDeclarationAndWhatIsAllowed() {
            String message = Fixtures.onlyFailureMessage(Fixtures.run(BadLocationName.class));

            assertThat(message)
                    .isEqualTo("@KvNamespace(value = \"TODO\", location = \"new york\") on field"
                            + " [dev.kvkit.KvBinding " + BadLocationName.class.getName() + ".newYork]: A location"
                            + " name must be 1 to 64 characters from A-Z, a-z, 0-9, '.', '_' and '-', such as"
                            + " \"syd\" or \"eu-west\", but was: \"new york\"");
        }
    }

    static class SydneyParameter {

        @KvNamespace("TODO")
        FakeKvNamespace todo;

        @Test
        void readsThroughSydneysCache(
                @KvNamespace(value = "TODO", location = "syd") KvBinding sydney,
                @KvNamespace(value = "TODO", location = "syd") FakeKvLocation sameSydney,
                TestClock clock) {
            assertThat(sydney).isSameAs(sameSydney).isSameAs(todo.location("syd"));
            assertThat(sameSydney.namespace()).isSameAs(todo);
            assertThat(sameSydney.name()).isEqualTo("syd");

            todo.put("config", "v1");
            assertThat(sydney.get("config")).isEqualTo("v1");
            todo.put("config", "v2");
            assertThat(sydney.get("config")).isEqualTo("v1");

            clock.advance(Duration.ofSeconds(60));
            assertThat(sydney.get("config")).isEqualTo("v2");
        }
    }

    static class LocationFields {

        @KvNamespace(value = "CONFIG", location = "lhr")
        static FakeKvLocation londonConfig; // the class's namespace, seen from London

        @KvNamespace("CONFIG")
        static FakeKvNamespace config;

        @KvNamespace(value = "TODO", location = "syd")
        KvBinding sydney; // each test's namespace, seen from Sydney

        @KvNamespace("TODO")
        FakeKvNamespace todo;

        @BeforeAll
        static void cacheTheMode() {
            config.put("mode", "old");
            londonConfig.get("mode");
            config.put("mode", "new");
        }

        @Test
        void classFieldsShareTheClassNamespace() {
            assertThat(londonConfig.namespace()).isSameAs(config);
            assertThat(londonConfig.get("mode")).isEqualTo("old");
        }

        @Test
        void instanceFieldsShareTheTestsNamespace() {
            assertThat(((FakeKvLocation) sydney).namespace()).isSameAs(todo);
            assertThat(todo.isEmpty()).isTrue();
        }
    }

    static class EnclosingNamespace {

        @KvNamespace("TODO")
        FakeKvNamespace todo;

        @Nested
        class Inner {

            @Test
            void seesTheSameNamespace(@KvNamespace(value = "TODO", location = "syd") FakeKvLocation sydney) {
                assertThat(sydney.namespace()).isSameAs(todo);
            }
        }
    }

    @KvNamespace(value = "TODO", location = "syd")
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.PARAMETER})
    @interface SydneyTodo {}

    static class MetaAnnotated {

        @Test
        void isSydney(@SydneyTodo KvBinding sydney, @KvNamespace("TODO") FakeKvNamespace todo) {
            assertThat(sydney).isSameAs(todo.location("syd"));
        }
    }

    static class FailingThroughALocation {

        @Test
        void fails(@KvNamespace(value = "TODO", location = "syd") KvBinding sydney) {
            sydney.put("to-do:1", "Buy milk");
            assertThat(sydney.get("to-do:1")).isEqualTo("Walk the dog");
        }
    }

    static class DefaultLocation {

        @Test
        void isTheNamespaceItself(@KvNamespace("TODO") FakeKvLocation home, @KvNamespace("TODO") FakeKvNamespace todo) {
            assertThat(home.isDefault()).isTrue();
            assertThat(home).isSameAs(todo.defaultLocation());

            home.put("k", "v");
            assertThat(todo.get("k")).isEqualTo("v");
        }
    }

    static class LostUpdate {

        @Test
        void readModifyWriteFromTwoLocations(
                @KvNamespace(value = "COUNTERS", location = "syd") KvBinding sydney,
                @KvNamespace(value = "COUNTERS", location = "lhr") KvBinding london,
                @KvNamespace("COUNTERS") FakeKvNamespace counters) {
            counters.put("visits", "0");

            int seenInSydney = Integer.parseInt(sydney.get("visits"));
            int seenInLondon = Integer.parseInt(london.get("visits"));
            sydney.put("visits", String.valueOf(seenInSydney + 1));
            london.put("visits", String.valueOf(seenInLondon + 1));

            assertThat(counters.get("visits")).isEqualTo("1");
        }
    }

    static class LocationAsNamespaceParameter {

        @Test
        void test(@KvNamespace(value = "TODO", location = "syd") FakeKvNamespace todo) {}
    }

    static class LocationAsNamespaceField {

        @KvNamespace(value = "TODO", location = "syd")
        FakeKvNamespace todo;

        @Test
        void test() {}
    }

    static class BadLocationName {

        @KvNamespace(value = "TODO", location = "new york")
        KvBinding newYork;

        @Test
        void test() {}
    }
}
