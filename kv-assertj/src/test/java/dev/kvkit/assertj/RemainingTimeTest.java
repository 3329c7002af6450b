package dev.kvkit.assertj;

import static dev.kvkit.assertj.KvAssertions.assertThat;
import static dev.kvkit.assertj.Messages.expectAssertionError;
import static dev.kvkit.assertj.Messages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.kvkit.PutOptions;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** expiresIn (exact, to the second) and expiresNoSoonerThan (a lower bound), beside expiresWithin. */
class RemainingTimeTest {

    private final TestClock clock = TestClock.create();
    private final FakeKvNamespace kv =
            FakeKvNamespace.builder().name("TODO").clock(clock).build();

    private void putSession(Duration ttl) {
        kv.put("session:1", "ada", PutOptions.defaults().withExpirationTtl(ttl));
    }

    @Test
    void expiresInPassesForARefreshedTtlAndFailsForOneThatWasNot() {
        putSession(Duration.ofMinutes(30));
        clock.advance(Duration.ofMinutes(20));

        assertThat(kv).entry("session:1").expiresWithin(Duration.ofMinutes(30)); // passes either way: too weak
        AssertionError notRefreshed =
                expectAssertionError(() -> assertThat(kv).entry("session:1").expiresIn(Duration.ofMinutes(30)));

        assertThat(notRefreshed).hasMessage(message("""

                Expecting actual:
                  KvEntry[key="session:1", value="ada", expiration=2026-01-01T00:30:00Z]
                to expire PT30M after 2026-01-01T00:20:00Z, at:
                  2026-01-01T00:50:00Z
                but it expires at:
                  2026-01-01T00:30:00Z
                which is PT10M after it"""));

        putSession(Duration.ofMinutes(30)); // the refresh
        assertThat(kv).entry("session:1").expiresIn(Duration.ofMinutes(30));
    }

    @Test
    void expiresInCountsFromTheWholeSecondAsATtlDoes() {
        clock.advance(Duration.ofMillis(999));
        putSession(Duration.ofMinutes(30));

        assertThat(kv).entry("session:1").expiresIn(Duration.ofMinutes(30));
        expectAssertionError(() -> assertThat(kv)
                .entry("session:1")
                .expiresIn(Duration.ofMinutes(30).plusSeconds(1)));
    }

    @Test
    void expiresInFailsForAKeyThatNeverExpires() {
        kv.put("greeting", "hello");

        AssertionError error =
                expectAssertionError(() -> assertThat(kv).entry("greeting").expiresIn(Duration.ofHours(1)));

        assertThat(error).hasMessage(message("""

                Expecting actual:
                  KvEntry[key="greeting", value="hello"]
                to expire PT1H after 2026-01-01T00:00:00Z, at:
                  2026-01-01T01:00:00Z
                but it never expires"""));
    }

    @Test
    void expiresNoSoonerThanIsALowerBound() {
        putSession(Duration.ofMinutes(30));
        kv.put("greeting", "hello");

        assertThat(kv).entry("session:1").expiresNoSoonerThan(Duration.ofMinutes(30));
        assertThat(kv).entry("greeting").expiresNoSoonerThan(Duration.ofDays(365));
        AssertionError error = expectAssertionError(
                () -> assertThat(kv).entry("session:1").expiresNoSoonerThan(Duration.ofMinutes(31)));

        assertThat(error).hasMessage(message("""

                Expecting actual:
                  KvEntry[key="session:1", value="ada", expiration=2026-01-01T00:30:00Z]
                to live on for at least PT31M after 2026-01-01T00:00:00Z, until:
                  2026-01-01T00:31:00Z
                but it expires at:
                  2026-01-01T00:30:00Z"""));
    }

    @Test
    void badDurationsAreRefusedWithWhatIsAllowed() {
        putSession(Duration.ofMinutes(30));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> assertThat(kv).entry("session:1").expiresIn(Duration.ofMillis(1500)))
                .withMessage("expiresIn(remaining) takes whole seconds, as expirations are kept, but was: PT1.5S");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> assertThat(kv).entry("session:1").expiresNoSoonerThan(Duration.ofSeconds(-1)))
                .withMessage("expiresNoSoonerThan(duration) counts forward from now; a negative duration is never met,"
                        + " but was: PT-1S");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> assertThat(kv).entry("session:1").expiresIn(null))
                .withMessage("remaining must not be null");
    }

    @Test
    void anEntryAssertedAloneNeedsAClock() {
        putSession(Duration.ofMinutes(30));
        KvEntryAssert alone = assertThat(kv.entry("session:1").orElseThrow());

        assertThatIllegalStateException()
                .isThrownBy(() -> alone.expiresIn(Duration.ofMinutes(30)))
                .withMessage("expiresIn(remaining) counts from the namespace's clock: reach the entry through"
                        + " assertThat(namespace).entry(key), or call usingClock(clock) first");
        alone.usingClock(clock).expiresIn(Duration.ofMinutes(30));
    }

    @Test
    void softAssertionsCollectThem() {
        putSession(Duration.ofMinutes(30));
        SoftKvAssertions softly = new SoftKvAssertions();

        softly.assertThat(kv).entry("session:1").expiresIn(Duration.ofMinutes(29));
        softly.assertThat(kv).entry("session:1").expiresNoSoonerThan(Duration.ofMinutes(31));

        assertThat(softly.errorsCollected()).hasSize(2);
    }
}
