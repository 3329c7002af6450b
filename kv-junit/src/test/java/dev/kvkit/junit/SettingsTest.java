package dev.kvkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each setting comes from the annotation, then the configuration parameter, then the default. */
class SettingsTest {

    /** What the fixtures saw, one key per fixture test, so concurrent runs do not overwrite each other. */
    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    @Test
    void clockStartsAtTheDocumentedDefault() {
        Fixtures.run(ClockStartDefault.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertThat(SEEN.get("default")).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void configurationParameterSetsTheClockStart() {
        Fixtures.run(ClockStartConfigured.class, KvNamespace.CLOCK_START_PROPERTY_NAME, "2031-01-01T00:00:00Z")
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(1));

        assertThat(SEEN.get("configured")).isEqualTo(Instant.parse("2031-01-01T00:00:00Z"));
    }

    /** Settings are worked out once per run and kept; a later run in the same JVM works them out anew. */
    @Test
    void eachRunResolvesItsOwnSettings() {
        Fixtures.run(ClockStartPerRun.class, KvNamespace.CLOCK_START_PROPERTY_NAME, "2031-01-01T00:00:00Z")
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(1));
        assertThat(SEEN.get("perRun")).isEqualTo(Instant.parse("2031-01-01T00:00:00Z"));

        Fixtures.run(ClockStartPerRun.class, KvNamespace.CLOCK_START_PROPERTY_NAME, "2032-06-01T00:00:00Z")
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(1));
        assertThat(SEEN.get("perRun")).isEqualTo(Instant.parse("2032-06-01T00:00:00Z"));

        Fixtures.run(ClockStartPerRun.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(SEEN.get("perRun")).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void kvTestWinsOverTheConfigurationParameterAndKvNamespaceWinsOverBoth() {
        Fixtures.run(ClockStartAnnotated.class, KvNamespace.CLOCK_START_PROPERTY_NAME, "2031-01-01T00:00:00Z")
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(3));

        assertThat(SEEN.get("kvTest")).isEqualTo(Instant.parse("2040-01-01T00:00:00Z"));
        assertThat(SEEN.get("kvNamespace")).isEqualTo(Instant.parse("2050-01-01T00:00:00Z"));
        assertThat(SEEN.get("nested")).isEqualTo(Instant.parse("2060-01-01T00:00:00Z"));
    }

    @Test
    void badClockStartNamesTheKeyAndTheAllowedForm() {
        String message = Fixtures.onlyFailureMessage(
                Fixtures.run(ClockStartConfigured.class, KvNamespace.CLOCK_START_PROPERTY_NAME, "yesterday"));

        assertThat(message)
                .isEqualTo("Invalid value \"yesterday\" for configuration parameter kvkit.clock.start;"
                        + " allowed: an ISO-8601 instant such as 2026-01-01T00:00:00Z");
    }

    @Test
    void limitsProfileComesFromTheConfigurationParameter() {
        Fixtures.run(LimitsConfigured.class, KvNamespace.LIMITS_PROPERTY_NAME, "json-native")
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(1));

        assertThat(SEEN.get("limits")).isEqualTo("json-native");
    }

    @Test
    void badLimitsProfileNamesTheKeyAndTheAllowedValues() {
        String message = Fixtures.onlyFailureMessage(
                Fixtures.run(LimitsConfigured.class, KvNamespace.LIMITS_PROPERTY_NAME, "aws"));

        assertThat(message)
                .isEqualTo("Invalid value \"aws\" for configuration parameter kvkit.limits;"
                        + " allowed: cloudflare, json-native");
    }

    @Test
    void badKvTestAttributeNamesTheAttributeAndTheClass() {
        String message = Fixtures.onlyFailureMessage(Fixtures.run(BadKvTestLimits.class));

        assertThat(message)
                .isEqualTo("Invalid value \"tiny\" for @KvTest(limits) on " + BadKvTestLimits.class.getName()
                        + "; allowed: cloudflare, json-native");
    }

    @KvTest
    static class ClockStartDefault {

        @Test
        void recordsTheStart(TestClock clock) {
            SEEN.put("default", clock.instant());
        }
    }

    static class ClockStartPerRun {

        @Test
        void recordsTheStart(@KvNamespace("TODO") FakeKvNamespace todo) {
            SEEN.put("perRun", todo.clock().instant());
        }
    }

    static class ClockStartConfigured {

        @Test
        void recordsTheStart(@KvNamespace("TODO") FakeKvNamespace todo) {
            SEEN.put("configured", todo.clock().instant());
        }
    }

    @KvTest(clockStart = "2040-01-01T00:00:00Z")
    static class ClockStartAnnotated {

        @Test
        void fromKvTest(TestClock clock) {
            SEEN.put("kvTest", clock.instant());
        }

        @Test
        void fromKvNamespace(@KvNamespace(value = "TODO", clockStart = "2050-01-01T00:00:00Z") FakeKvNamespace todo) {
            SEEN.put("kvNamespace", todo.clock().instant());
        }

        @Nested
        @KvTest(clockStart = "2060-01-01T00:00:00Z")
        class NestedOverride {

            @Test
            void fromTheNearestKvTest(TestClock clock) {
                SEEN.put("nested", clock.instant());
            }
        }
    }

    static class LimitsConfigured {

        @Test
        void recordsTheProfile(@KvNamespace("TODO") FakeKvNamespace todo) {
            SEEN.put("limits", todo.limits().name());
        }
    }

    @KvTest(limits = "tiny")
    static class BadKvTestLimits {

        @Test
        void neverRuns(TestClock clock) {}
    }
}
