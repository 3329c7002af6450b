package dev.kvkit.samples;

import static dev.kvkit.assertj.KvAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kvkit.KvException;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import dev.kvkit.junit.KvNamespace;
import dev.kvkit.junit.KvTest;
import org.junit.jupiter.api.Test;

/** Pins what is wrong with a read-add-write counter on KV; {@link CounterCoordinatorTest} shows the fix. */
@KvTest // also injects a TestClock into tests that build their own namespace
class NaiveCounterTest {

    @Test
    void countsCorrectlyInASingleLocation(@KvNamespace("COUNTERS") FakeKvNamespace counters) {
        NaiveCounter counter = new NaiveCounter(counters);

        counter.increment("page-views");
        counter.increment("page-views");

        assertThat(counter.current("page-views")).isEqualTo(2);
        assertThat(counters).hasText("counter:page-views", "2");
    }

    // tag::samples-lost-update[]
    @Test
    void losesAnUpdateWhenTwoLocationsCountInTurn(@KvNamespace("COUNTERS") FakeKvNamespace counters) {
        NaiveCounter inSydney = new NaiveCounter(counters.location("syd"));
        NaiveCounter inLondon = new NaiveCounter(counters.location("lhr"));

        inSydney.increment("page-views"); // writes 1; Sydney's edge caches 1
        inLondon.increment("page-views"); // reads 1, writes 2
        inSydney.increment("page-views"); // reads its cached 1, writes 2: London's increment is lost

        assertThat(counters).hasText("counter:page-views", "2"); // three page views, counted as two
    }
    // end::samples-lost-update[]

    @Test
    void isRefusedASecondWriteWithinOneSecondWhenKvEnforcesItsWriteRate(TestClock clock) {
        FakeKvNamespace counters = FakeKvNamespace.builder()
                .name("COUNTERS")
                .clock(clock)
                .enforceWriteRate(true)
                .build();
        NaiveCounter counter = new NaiveCounter(counters);
        counter.increment("page-views");

        assertThatThrownBy(() -> counter.increment("page-views"))
                .isInstanceOf(KvException.class)
                .hasMessage("KV PUT failed: 429 Too Many Requests");
        assertThat(counters).hasText("counter:page-views", "1");
    }
}
