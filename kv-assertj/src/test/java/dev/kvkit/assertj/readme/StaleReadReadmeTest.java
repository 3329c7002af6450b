package dev.kvkit.assertj.readme;

import static dev.kvkit.assertj.KvAssertions.assertThat;

import dev.kvkit.fake.FakeKvLocation;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's example of a stale read in another location, compiled and run. */
class StaleReadReadmeTest {

    // tag::realism-stale-read[]
    @Test
    void sydneyServesTheOldFlagUntilItsCacheRunsOut() {
        TestClock clock = TestClock.create();
        FakeKvNamespace flags =
                FakeKvNamespace.builder().name("FLAGS").clock(clock).build();
        FakeKvLocation sydney = flags.location("syd");

        flags.put("dark-mode", "off");
        sydney.get("dark-mode"); // a Worker in Sydney reads it: cached there for 60 s
        flags.put("dark-mode", "on"); // written from the default location

        assertThat(sydney.getWithMetadata("dark-mode")).hasCacheStatus("HIT").hasValue("off");
        assertThat(sydney)
                .hasText("dark-mode", "off") // stale, and the assertions do not touch the cache
                .seesCurrentValueFrom("dark-mode", clock.instant().plusSeconds(60))
                .willSeeCurrentValueWithin("dark-mode", Duration.ofMinutes(1));

        clock.advance(Duration.ofSeconds(60));
        assertThat(sydney).seesCurrentValueOf("dark-mode").hasText("dark-mode", "on");
    }
    // end::realism-stale-read[]
}
