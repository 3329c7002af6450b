package dev.kvkit.samples;

import static dev.kvkit.assertj.KvAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.kvkit.fake.FakeKvLocation;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import dev.kvkit.junit.KvClock;
import dev.kvkit.junit.KvNamespace;
import dev.kvkit.junit.KvTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

// tag::samples-flags-wrangler[]
@KvTest(wranglerConfig = "wrangler.toml", environment = "production") // relative to the working directory
class FeatureFlagsTest {

    @KvNamespace(value = "FLAGS", seed = "seed/flags.json") // FLAGS must be in env.production.kv_namespaces
    FakeKvNamespace flags;

    @KvClock
    TestClock clock;
    // end::samples-flags-wrangler[]

    @Test
    void flagsAreOnOrOffAsTheSeededDocumentSays() {
        FeatureFlags features = new FeatureFlags(flags, clock);

        assertThat(features.isEnabled("dark-mode")).isTrue();
        assertThat(features.isEnabled("beta-search")).isFalse();
        assertThat(features.isEnabled("no-such-flag")).isFalse();
        assertThat(features.all())
                .containsExactly(entry("beta-search", false), entry("dark-mode", true), entry("summer-sale", false));
    }

    @Test
    void aScheduledFlagIsOnFromItsStartUntilItsEnd() {
        FeatureFlags features = new FeatureFlags(flags, clock);

        clock.setInstant(Instant.parse("2026-05-31T23:59:59Z"));
        assertThat(features.isEnabled("summer-sale")).isFalse();
        clock.setInstant(Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(features.isEnabled("summer-sale")).isTrue();
        clock.setInstant(Instant.parse("2026-09-01T00:00:00Z"));
        assertThat(features.isEnabled("summer-sale")).isFalse();
    }

    @Test
    void changesRewriteTheOneDocumentKeepingTheOtherFlags() {
        FeatureFlags features = new FeatureFlags(flags, clock);

        features.enable("beta-search");
        features.disable("dark-mode");
        features.schedule("new-checkout", Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z"));

        assertThat(flags).containsExactlyKeys("flags").hasJson("flags", """
                        {
                          "dark-mode": {"enabled": false},
                          "beta-search": {"enabled": true},
                          "summer-sale": {"enabled": true, "from": "2026-06-01T00:00:00Z", "until": "2026-09-01T00:00:00Z"},
                          "new-checkout": {"enabled": true, "from": "2026-02-01T00:00:00Z", "until": "2026-03-01T00:00:00Z"}
                        }
                        """);
    }

    @Test
    void anotherLocationSeesAChangeOnceItsFiveMinuteCacheRunsOut() {
        FakeKvLocation sydney = flags.location("syd");
        FeatureFlags inSydney = new FeatureFlags(sydney, clock);
        assertThat(inSydney.isEnabled("beta-search")).isFalse(); // Sydney's edge now caches the document

        new FeatureFlags(flags, clock).enable("beta-search"); // the admin tool, in the default location

        assertThat(inSydney.isEnabled("beta-search")).isFalse(); // stale, as in production
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(inSydney.isEnabled("beta-search")).isFalse(); // the document is read with cacheTtl 300
        clock.advance(Duration.ofSeconds(1));
        assertThat(inSydney.isEnabled("beta-search")).isTrue();
    }

    @Test
    void noDocumentMeansEveryFlagIsOff() {
        flags.delete(FeatureFlags.KEY);

        FeatureFlags features = new FeatureFlags(flags, clock);

        assertThat(features.isEnabled("dark-mode")).isFalse();
        assertThat(features.all()).isEmpty();
    }

    @Test
    void aScheduleThatIsNotAnInstantIsReportedWithTheFlagName() {
        flags.put(FeatureFlags.KEY, "{\"sale\": {\"enabled\": true, \"from\": \"next monday\"}}");

        assertThatThrownBy(() -> new FeatureFlags(flags, clock).isEnabled("sale"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Flag \"sale\" has a \"from\" that is not an ISO-8601 instant such as 2026-06-01T00:00:00Z:"
                        + " \"next monday\"");
    }

    @Test
    void aScheduleThatEndsBeforeItStartsIsRefused() {
        Instant start = Instant.parse("2026-02-01T00:00:00Z");

        assertThatThrownBy(() -> new FeatureFlags(flags, clock).schedule("sale", start, start))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A flag's schedule must end after it starts, but was: from 2026-02-01T00:00:00Z until"
                        + " 2026-02-01T00:00:00Z");
        assertThat(new FeatureFlags(flags, clock).all()).doesNotContainKey("sale");
    }
}
