package dev.kvkit.assertj;

import static dev.kvkit.assertj.KvAssertions.assertThat;
import static dev.kvkit.assertj.Messages.expectAssertionError;
import static dev.kvkit.assertj.Messages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kvkit.PutOptions;
import dev.kvkit.fake.FakeKvLocation;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * A location as the code under test would read it now, and when it will see the current value:
 * asserted without reading through the location, so its cache and the clock stay where they were.
 */
class FakeKvLocationAssertTest {

    private static final Instant START = TestClock.DEFAULT_START;
    private static final Instant CACHE_RUNS_OUT = START.plusSeconds(60);

    private final TestClock clock = TestClock.create();
    private final FakeKvNamespace kv =
            FakeKvNamespace.builder().name("TODO").clock(clock).build();
    private final FakeKvLocation sydney = kv.location("syd");

    /** Sydney caches "v1" at the start; the namespace then holds "v2". */
    private void staleConfig() {
        kv.put("config", "v1");
        sydney.get("config");
        kv.put("config", "v2");
    }

    /** Sydney caches a miss at the start; the namespace then holds "abc". */
    private void staleMiss() {
        sydney.get("session");
        kv.put("session", "abc");
    }

    @Test
    void assertingNeitherFillsTheLocationsCacheNorMovesTheClock() {
        kv.put("config", "v1");

        assertThat(sydney)
                .containsKey("config")
                .hasText("config", "v1")
                .doesNotContainKey("other")
                .seesCurrentValueOf("config")
                .seesCurrentValueFrom("config", START)
                .willSeeCurrentValueWithin("config", Duration.ZERO);

        assertThat(sydney.getWithMetadata("config")).hasCacheStatus("MISS").hasValue("v1");
        assertThat(sydney.getWithMetadata("other")).hasCacheStatus("MISS");
        assertThat(clock.instant()).isEqualTo(START);
    }

    @Test
    void theDefaultLocationAlwaysSeesTheCurrentValue() {
        FakeKvLocation home = kv.defaultLocation();
        kv.put("config", "v1");
        home.get("config");
        kv.put("config", "v2");

        assertThat(home).hasText("config", "v2").seesCurrentValueOf("config").seesCurrentValueFrom("config", START);
    }

    @Nested
    class ContainsKey {

        @Test
        void passesForAStaleValue() {
            staleConfig();
            kv.delete("config");

            assertThat(sydney).containsKey("config");
        }

        @Test
        void failureOnACachedMissSaysUntilWhenAndWhatTheNamespaceHolds() {
            staleMiss();

            AssertionError error = expectAssertionError(() -> assertThat(sydney).containsKey("session"));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              FakeKvLocation[TODO@syd]
                            to read a value at key:
                              "session"
                            but it reads from its cache, until 2026-01-01T00:01:00Z:
                              no value
                            while the namespace holds:
                              KvEntry[key="session", value="abc"]"""));
        }

        @Test
        void failureOnAMissingKeySaysItReadsNoValue() {
            AssertionError error = expectAssertionError(() -> assertThat(sydney).containsKey("session"));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              FakeKvLocation[TODO@syd]
                            to read a value at key:
                              "session"
                            but it reads:
                              no value"""));
        }
    }

    @Nested
    class DoesNotContainKey {

        @Test
        void passesForACachedMiss() {
            staleMiss();

            assertThat(sydney).doesNotContainKey("session");
        }

        @Test
        void failureOnAStaleValueSaysUntilWhenAndThatTheNamespaceHoldsNone() {
            kv.put("flag", "on");
            sydney.get("flag");
            kv.delete("flag");

            AssertionError error = expectAssertionError(() -> assertThat(sydney).doesNotContainKey("flag"));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              FakeKvLocation[TODO@syd]
                            not to read a value at key:
                              "flag"
                            but it reads from its cache, until 2026-01-01T00:01:00Z:
                              KvEntry[key="flag", value="on"]
                            while the namespace holds:
                              no value"""));
        }

        @Test
        void failureOnACurrentValueShowsIt() {
            kv.put("flag", "on");

            AssertionError error = expectAssertionError(() -> assertThat(sydney).doesNotContainKey("flag"));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              FakeKvLocation[TODO@syd]
                            not to read a value at key:
                              "flag"
                            but it reads:
                              KvEntry[key="flag", value="on"]"""));
        }
    }

    @Nested
    class HasText {

        @Test
        void passesForWhatTheLocationReadsEvenWhenStale() {
            staleConfig();

            assertThat(sydney).hasText("config", "v1");
        }

        @Test
        void failureOnAStaleValueShowsTheCachedAndTheCurrentTextWithADiff() {
            staleConfig();

            AssertionError error = expectAssertionError(() -> assertThat(sydney).hasText("config", "v2"));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              FakeKvLocation[TODO@syd]
                            to read at key "config" the text:
                              "v2"
                            but it reads from its cache, until 2026-01-01T00:01:00Z:
                              "v1"
                            while the namespace holds:
                              "v2\""""));
            assertThat(error).isInstanceOf(AssertionFailedError.class);
            assertThat(((AssertionFailedError) error).getActual().getValue()).isEqualTo("v1");
            assertThat(((AssertionFailedError) error).getExpected().getValue()).isEqualTo("v2");
        }

        @Test
        void failureOnACurrentValueShowsWhatItReads() {
            kv.put("config", "v1");

            AssertionError error = expectAssertionError(() -> assertThat(sydney).hasText("config", "v2"));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              FakeKvLocation[TODO@syd]
                            to read at key "config" the text:
                              "v2"
                            but it reads:
                              "v1\""""));
        }

        @Test
        void failureOnACachedMissIsTheMissingKeyFailure() {
            staleMiss();

            AssertionError error = expectAssertionError(() -> assertThat(sydney).hasText("session", "abc"));

            assertThat(error).hasMessageContaining("to read a value at key:").hasMessageContaining("no value");
        }
    }

    @Nested
    class Entry {

        @Test
        void assertsOnTheEntryTheLocationReadsWithItsMetadata() {
            kv.put("user:42", "Ada", PutOptions.defaults().withMetadata(Map.of("role", "viewer")));
            sydney.get("user:42");
            kv.put("user:42", "Ada", PutOptions.defaults().withMetadata(Map.of("role", "admin")));

            assertThat(sydney).entry("user:42").hasText("Ada").hasMetadataValue("/role", "viewer");
            assertThat(sydney.getWithMetadata("user:42")).hasCacheStatus("HIT");
        }

        @Test
        void failureOnACachedMissIsTheMissingKeyFailure() {
            staleMiss();

            AssertionError error = expectAssertionError(() -> assertThat(sydney).entry("session"));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              FakeKvLocation[TODO@syd]
                            to read a value at key:
                              "session"
                            but it reads from its cache, until 2026-01-01T00:01:00Z:
                              no value
                            while the namespace holds:
                              KvEntry[key="session", value="abc"]"""));
        }

        @Test
        void softlyTheMissingEntryIsCollectedAndTheChainGoesOn() {
            staleMiss();
            SoftKvAssertions softly = new SoftKvAssertions();

            KvEntryAssert entry = softly.assertThat(sydney).entry("session");
            entry.hasText("abc");

            assertThat(entry.getClass()).isNotEqualTo(KvEntryAssert.class);
            assertThat(softly.errorsCollected())
                    .extracting(Messages::withoutLocation)
                    .containsExactly(message("""

                                    Expecting actual:
                                      FakeKvLocation[TODO@syd]
                                    to read a value at key:
                                      "session"
                                    but it reads from its cache, until 2026-01-01T00:01:00Z:
                                      no value
                                    while the namespace holds:
                                      KvEntry[key="session", value="abc"]"""), message("\nExpecting actual not to be null"));
        }
    }

    @Nested
    class SeesCurrentValueOf {

        @Test
        void passesOnceTheCacheRunsOut() {
            staleConfig();
            clock.advance(Duration.ofSeconds(60));

            assertThat(sydney).seesCurrentValueOf("config");
        }

        @Test
        void passesWhenTheCachedAnswerIsStillTheCurrentOne() {
            kv.put("config", "v1");
            sydney.get("config");

            assertThat(sydney).seesCurrentValueOf("config");
        }

        @Test
        void failureShowsTheCachedAnswerUntilWhenAndTheCurrentOne() {
            staleConfig();

            AssertionError error = expectAssertionError(() -> assertThat(sydney).seesCurrentValueOf("config"));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              FakeKvLocation[TODO@syd]
                            to see the current value of key:
                              "config"
                            but it reads from its cache, until 2026-01-01T00:01:00Z:
                              KvEntry[key="config", value="v1"]
                            while the namespace holds:
                              KvEntry[key="config", value="v2"]"""));
        }

        @Test
        void failureOnACachedMissSaysItReadsNoValue() {
            staleMiss();

            AssertionError error = expectAssertionError(() -> assertThat(sydney).seesCurrentValueOf("session"));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              FakeKvLocation[TODO@syd]
                            to see the current value of key:
                              "session"
                            but it reads from its cache, until 2026-01-01T00:01:00Z:
                              no value
                            while the namespace holds:
                              KvEntry[key="session", value="abc"]"""));
        }
    }

    @Nested
    class SeesCurrentValueFrom {

        @Test
        void passesForTheInstantTheCacheRunsOut() {
            staleConfig();
            clock.advance(Duration.ofSeconds(20));

            assertThat(sydney).seesCurrentValueFrom("config", CACHE_RUNS_OUT);
            assertThat(clock.instant()).isEqualTo(START.plusSeconds(20));
        }

        @Test
        void failureShowsBothInstantsWithADiff() {
            staleMiss();

            AssertionError error = expectAssertionError(
                    () -> assertThat(sydney).seesCurrentValueFrom("session", START.plusSeconds(30)));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              FakeKvLocation[TODO@syd]
                            to see the current value of key "session" from:
                              2026-01-01T00:00:30Z
                            but sees it from:
                              2026-01-01T00:01:00Z"""));
            assertThat(((AssertionFailedError) error).getActual().getValue()).isEqualTo(CACHE_RUNS_OUT);
        }
    }

    @Nested
    class WillSeeCurrentValueWithin {

        @Test
        void passesWhenTheCacheRunsOutWithinTheDuration() {
            staleConfig();

            assertThat(sydney).willSeeCurrentValueWithin("config", Duration.ofSeconds(60));
            assertThat(clock.instant()).isEqualTo(START);
        }

        @Test
        void failureSaysByWhenAndFromWhen() {
            staleConfig();

            AssertionError error = expectAssertionError(
                    () -> assertThat(sydney).willSeeCurrentValueWithin("config", Duration.ofSeconds(30)));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              FakeKvLocation[TODO@syd]
                            to see the current value of key "config" within PT30S of 2026-01-01T00:00:00Z, by:
                              2026-01-01T00:00:30Z
                            but sees it from:
                              2026-01-01T00:01:00Z"""));
        }

        @Test
        void aNegativeDurationIsRefused() {
            assertThatThrownBy(() -> assertThat(sydney).willSeeCurrentValueWithin("config", Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("willSeeCurrentValueWithin needs a duration of zero or more, but was: PT-1S");
        }
    }
}
