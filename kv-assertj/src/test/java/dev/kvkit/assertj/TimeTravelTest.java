package dev.kvkit.assertj;

import static dev.kvkit.assertj.KvAssertions.assertThat;
import static dev.kvkit.assertj.Messages.expectAssertionError;
import static dev.kvkit.assertj.Messages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.kvkit.PutOptions;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeTravelTest {

    private final TestClock clock = TestClock.create();
    private final FakeKvNamespace kv =
            FakeKvNamespace.builder().name("TODO").clock(clock).build();

    @Test
    void presentNowAndGoneAfterItsTtlWithoutMovingTheClock() {
        kv.put("session:1", "ada", PutOptions.defaults().withExpirationTtl(Duration.ofMinutes(30)));

        assertThat(kv).containsKey("session:1");
        assertThat(kv).after(Duration.ofMinutes(29)).containsKey("session:1");
        assertThat(kv)
                .after(Duration.ofMinutes(30))
                .doesNotContainKey("session:1")
                .isEmpty();
        assertThat(kv).at(Instant.parse("2026-01-01T00:30:00Z")).doesNotContainKey("session:1");

        assertThat(clock.instant()).isEqualTo(TestClock.DEFAULT_START);
        assertThat(kv).containsKey("session:1");
    }

    @Test
    void afterTheClockMovesPlainAssertionsSeeTheNewPresent() {
        kv.put("session:1", "ada", PutOptions.defaults().withExpirationTtl(Duration.ofMinutes(30)));
        FakeKvNamespaceAssert namespace = assertThat(kv);
        namespace.containsKey("session:1");

        clock.advance(Duration.ofMinutes(30));

        namespace.doesNotContainKey("session:1");
    }

    @Test
    void afterCountsFromTheInstantOfTheViewItIsCalledOn() {
        kv.put("session:1", "ada", PutOptions.defaults().withExpirationTtl(Duration.ofMinutes(30)));

        assertThat(kv)
                .after(Duration.ofMinutes(20))
                .containsKey("session:1")
                .after(Duration.ofMinutes(10))
                .doesNotContainKey("session:1");
    }

    @Test
    void failureLaterNamesTheInstantLookedAt() {
        kv.put("session:1", "ada", PutOptions.defaults().withExpirationTtl(Duration.ofMinutes(30)));

        AssertionError error = expectAssertionError(
                () -> assertThat(kv).after(Duration.ofHours(1)).containsKey("session:1"));

        assertThat(error).hasMessage(message("""

                        Expecting actual:
                          FakeKvNamespace[TODO, 0 keys at 2026-01-01T01:00:00Z]
                        to contain key:
                          "session:1"
                        but it holds no keys"""));
    }

    @Test
    void anEntryLaterCountsDurationsFromThatInstant() {
        kv.put("session:1", "ada", PutOptions.defaults().withExpirationTtl(Duration.ofMinutes(30)));

        assertThat(kv).after(Duration.ofMinutes(20)).entry("session:1").expiresWithin(Duration.ofMinutes(10));
        AssertionError error =
                expectAssertionError(() -> assertThat(kv).entry("session:1").expiresWithin(Duration.ofMinutes(10)));

        assertThat(error).hasMessage(message("""

                        Expecting actual:
                          KvEntry[key="session:1", value="ada", expiration=2026-01-01T00:30:00Z]
                        to expire within PT10M of 2026-01-01T00:00:00Z, by:
                          2026-01-01T00:10:00Z
                        but it expires at:
                          2026-01-01T00:30:00Z"""));
    }

    @Test
    void afterRefusesANegativeDuration() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> assertThat(kv).after(Duration.ofMinutes(-1)))
                .withMessage("after(duration) looks ahead and needs a duration of zero or more, but was: PT-1M");
    }

    @Test
    void atAnInstantBeforeNowIsRefusedRatherThanShowingKeysWrittenLater() {
        clock.advance(Duration.ofHours(1));
        kv.put("written-now", "v");
        Instant anHourAgo = Instant.parse("2026-01-01T00:00:00Z");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> assertThat(kv).at(anHourAgo))
                .withMessage("at(instant) looks ahead from 2026-01-01T01:00:00Z and needs an instant no earlier,"
                        + " but was: 2026-01-01T00:00:00Z; the namespace keeps no history of overwritten or"
                        + " deleted records, so it cannot show the past");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> assertThat(kv).after(Duration.ofMinutes(30)).at(clock.instant()))
                .withMessageStartingWith("at(instant) looks ahead from 2026-01-01T01:30:00Z");
        assertThat(kv).at(clock.instant()).containsKey("written-now");
    }

    @Test
    void aViewCanBeAssertedDirectly() {
        kv.put("a", "1", PutOptions.defaults().withExpirationTtl(Duration.ofMinutes(5)));

        assertThat(new KvNamespaceAt(kv, Instant.parse("2026-01-01T00:05:00Z"))).isEmpty();
    }
}
