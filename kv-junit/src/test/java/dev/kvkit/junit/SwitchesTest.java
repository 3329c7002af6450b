package dev.kvkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kvkit.KvBinding;
import dev.kvkit.KvException;
import dev.kvkit.KvListPage;
import dev.kvkit.ListOptions;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The write rate and the list stress mode: off by default, switched on by {@code @KvNamespace},
 * {@code @KvTest}, the builder or a configuration parameter, in that order of precedence.
 */
// Two tests run the one Recorder fixture and read what it saw under the same key, so they must not
// overlap: in the build's concurrent execution they did, and one read the other's run.
@Execution(ExecutionMode.SAME_THREAD)
class SwitchesTest {

    /** What each fixture test saw, under its fixture's key; this class's tests run one at a time. */
    static final Map<String, String> SEEN = new ConcurrentHashMap<>();

    @Test
    void bothSwitchesAreOffByDefault() {
        Fixtures.run(Recorder.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertThat(SEEN.get("recorder")).isEqualTo("writeRate=false listStress=false");
    }

    @Test
    void configurationParametersSwitchThemOn() {
        Fixtures.run(
                        Recorder.class,
                        KvNamespace.WRITE_RATE_ENFORCE_PROPERTY_NAME,
                        "true",
                        KvNamespace.LIST_STRESS_MODE_PROPERTY_NAME,
                        "TRUE")
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(1));

        assertThat(SEEN.get("recorder")).isEqualTo("writeRate=true listStress=true");
    }

    @Test
    void kvTestWinsOverTheConfigurationParameterAndKvNamespaceWinsOverBoth() {
        Fixtures.run(
                        Layered.class,
                        KvNamespace.WRITE_RATE_ENFORCE_PROPERTY_NAME,
                        "false",
                        KvNamespace.LIST_STRESS_MODE_PROPERTY_NAME,
                        "true")
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(2));

        assertThat(SEEN.get("kvTest")).isEqualTo("writeRate=true listStress=false");
        assertThat(SEEN.get("kvNamespace")).isEqualTo("writeRate=false listStress=true");
    }

    @Test
    void theBuilderWinsOverTheConfigurationParameter() {
        Fixtures.run(Built.class, KvNamespace.WRITE_RATE_ENFORCE_PROPERTY_NAME, "false")
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(1));

        assertThat(SEEN.get("built")).isEqualTo("writeRate=true listStress=true");
    }

    @Test
    void theWriteRateRefusesASecondWriteWithinASecondFromAnyLocation() {
        Fixtures.run(WriteRateAcrossLocations.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
    }

    @Test
    void listStressModeGivesAnEmptyFirstPageThatIsNotComplete() {
        Fixtures.run(StressedList.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
    }

    @Nested
    class Misuse {

        @Test
        void aBadWriteRateValueNamesTheKeyAndTheAllowedValues() {
            String message = Fixtures.onlyFailureMessage(
                    Fixtures.run(Recorder.class, KvNamespace.WRITE_RATE_ENFORCE_PROPERTY_NAME, "yes"));

            assertThat(message)
                    .isEqualTo("Invalid value \"yes\" for configuration parameter kvkit.writeRate.enforce;"
                            + " allowed: true, false");
        }

        @Test
        void aBadListStressValueNamesTheKeyAndTheAllowedValues() {
            String message = Fixtures.onlyFailureMessage(
                    Fixtures.run(Recorder.class, KvNamespace.LIST_STRESS_MODE_PROPERTY_NAME, "on"));

            assertThat(message)
                    .isEqualTo("Invalid value \"on\" for configuration parameter kvkit.list.stressMode;"
                            + " allowed: true, false");
        }

        @Test
        void twoDeclarationsOfOneBindingWithDifferentSwitchesAreAConflict() {
            String message = Fixtures.onlyFailureMessage(Fixtures.run(ConflictingWriteRates.class));

            assertThat(message)
                    .endsWith("Conflicting enforceWriteRate for binding \"TODO\": @KvNamespace(value = \"TODO\","
                            + " location = \"syd\") on parameter [dev.kvkit.KvBinding arg0] in method [void "
                            + ConflictingWriteRates.class.getName() + ".test(dev.kvkit.KvBinding)] asks for OFF but"
                            + " @KvNamespace(\"TODO\") on field [dev.kvkit.fake.FakeKvNamespace "
                            + ConflictingWriteRates.class.getName() + ".todo] created it with ON; within a test one"
                            + " binding name is one namespace, so set enforceWriteRate alike on every declaration"
                            + " of \"TODO\", or once on @KvTest");
        }

        @Test
        void aTestDeclarationCannotSwitchTheClassNamespaceOtherwise() {
            String message = Fixtures.onlyFailureMessage(Fixtures.run(ConflictingWithTheClass.class));

            assertThat(message)
                    .endsWith("Conflicting listStressMode for binding \"CONFIG\": @KvNamespace(\"CONFIG\") on"
                            + " parameter [dev.kvkit.fake.FakeKvNamespace arg0] in method [void "
                            + ConflictingWithTheClass.class.getName() + ".test(dev.kvkit.fake.FakeKvNamespace)] asks"
                            + " for ON but @KvNamespace(\"CONFIG\") on field [static dev.kvkit.fake.FakeKvNamespace "
                            + ConflictingWithTheClass.class.getName() + ".config] created it with OFF; within a test"
                            + " one binding name is one namespace, so set listStressMode alike on every declaration"
                            + " of \"CONFIG\", or once on @KvTest");
        }

        @Test
        void kvTestAndBuilderSwitchingDifferentlyAreAConflict() {
            String message = Fixtures.onlyFailureMessage(Fixtures.run(ConflictingClassSwitches.class));

            assertThat(message)
                    .isEqualTo("Conflicting kvkit settings for enforceWriteRate: KvExtension.builder() sets true but"
                            + " @KvTest on " + ConflictingClassSwitches.class.getName() + " sets false; set it in one"
                            + " place");
        }
    }

    static String describe(FakeKvNamespace namespace) {
        return "writeRate=" + namespace.enforcesWriteRate() + " listStress=" + namespace.listStressMode();
    }

    static class Recorder {

        @Test
        void records(@KvNamespace("TODO") FakeKvNamespace todo) {
            SEEN.put("recorder", describe(todo));
        }
    }

    @KvTest(enforceWriteRate = Toggle.ON)
    static class Layered {

        @Test
        void fromKvTest(@KvNamespace(value = "TODO", listStressMode = Toggle.OFF) FakeKvNamespace todo) {
            SEEN.put("kvTest", describe(todo));
        }

        @Test
        void fromKvNamespace(@KvNamespace(value = "TODO", enforceWriteRate = Toggle.OFF) FakeKvNamespace todo) {
            SEEN.put("kvNamespace", describe(todo));
        }
    }

    static class Built {

        @RegisterExtension
        static final KvExtension kv = KvExtension.builder()
                .enforceWriteRate(true)
                .listStressMode(true)
                .build();

        @Test
        void records(@KvNamespace("TODO") FakeKvNamespace todo) {
            SEEN.put("built", describe(todo));
        }
    }

    static class WriteRateAcrossLocations {

        @KvNamespace(value = "COUNTERS", enforceWriteRate = Toggle.ON)
        FakeKvNamespace counters;

        @Test
        void test(@KvNamespace(value = "COUNTERS", location = "syd") KvBinding sydney, TestClock clock) {
            counters.put("visits", "1");
            assertThatThrownBy(() -> sydney.put("visits", "2"))
                    .isInstanceOf(KvException.class)
                    .hasMessage("KV PUT failed: 429 Too Many Requests");
            assertThat(counters.get("visits")).isEqualTo("1");

            clock.advance(Duration.ofSeconds(1));
            sydney.put("visits", "2");
            assertThat(counters.get("visits")).isEqualTo("2");
        }
    }

    static class StressedList {

        @Test
        void test(@KvNamespace(value = "USERS", listStressMode = Toggle.ON) KvBinding users) {
            users.put("user:1", "Ada");
            users.put("user:2", "Grace");

            KvListPage first = users.list();
            assertThat(first.keys()).isEmpty();
            assertThat(first.listComplete()).isFalse();

            KvListPage next = users.list(ListOptions.defaults().withCursor(first.cursor()));
            assertThat(next.keys()).isNotEmpty();
        }
    }

    static class ConflictingWriteRates {

        @KvNamespace(value = "TODO", enforceWriteRate = Toggle.ON)
        FakeKvNamespace todo;

        @Test
        void test(@KvNamespace(value = "TODO", location = "syd", enforceWriteRate = Toggle.OFF) KvBinding sydney) {}
    }

    static class ConflictingWithTheClass {

        @KvNamespace("CONFIG")
        static FakeKvNamespace config;

        @Test
        void test(@KvNamespace(value = "CONFIG", listStressMode = Toggle.ON) FakeKvNamespace again) {}
    }

    @KvTest(enforceWriteRate = Toggle.OFF)
    static class ConflictingClassSwitches {

        @RegisterExtension
        static final KvExtension kv =
                KvExtension.builder().enforceWriteRate(true).build();

        @Test
        void test(TestClock clock) {}
    }
}
