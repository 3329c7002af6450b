package dev.kvkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TestClockTest {

    private final TestClock clock = TestClock.create();

    @Test
    void aNewClockStandsAtTheDefaultStartInUtc() {
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(clock.millis()).isEqualTo(TestClock.DEFAULT_START.toEpochMilli());
        assertThat(clock).hasToString("TestClock[2026-01-01T00:00:00Z]");
    }

    @Test
    void aClockStartsWhereItIsTold() {
        assertThat(TestClock.at(Instant.parse("2030-05-06T07:08:09.123Z")))
                .hasToString("TestClock[2030-05-06T07:08:09.123Z]");
    }

    @Test
    void theClockMovesOnlyWhenTold() {
        Instant before = clock.instant();

        assertThat(clock.instant()).isEqualTo(before);
        assertThat(clock.advance(Duration.ofMillis(1500))).isEqualTo(before.plusMillis(1500));
        assertThat(clock.instant()).isEqualTo(before.plusMillis(1500));
    }

    @Test
    void setInstantMovesForwardsAndBack() {
        Instant later = Instant.parse("2027-01-01T00:00:00Z");

        clock.setInstant(later);
        assertThat(clock.instant()).isEqualTo(later);
        clock.setInstant(TestClock.DEFAULT_START);
        assertThat(clock.instant()).isEqualTo(TestClock.DEFAULT_START);
    }

    @Test
    void everyNamespaceOnTheClockOrItsZoneViewsNoticesABackMoveNoReadSaw() {
        FakeKvNamespace utc = FakeKvNamespace.builder().clock(clock).build();
        FakeKvNamespace paris = FakeKvNamespace.builder()
                .clock(clock.withZone(ZoneId.of("Europe/Paris")))
                .build();
        utc.put("session", "abc", dev.kvkit.PutOptions.defaults().withExpirationTtl(60));
        paris.put("session", "abc", dev.kvkit.PutOptions.defaults().withExpirationTtl(60));

        clock.advance(Duration.ofMinutes(2));
        clock.setInstant(TestClock.DEFAULT_START);

        assertThat(utc.get("session")).isNull();
        assertThat(paris.get("session")).isNull();
        assertThat(utc.entryAt("session", TestClock.DEFAULT_START)).isEmpty();
    }

    @Test
    void aZoneViewSharesTheInstantBothWays() {
        TestClock paris = clock.withZone(ZoneId.of("Europe/Paris"));

        paris.advance(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5));

        assertThat(paris.instant()).isEqualTo(clock.instant());
        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(paris).hasToString("TestClock[2026-01-01T00:10:00Z, Europe/Paris]");
        assertThat(paris.withZone(ZoneOffset.UTC)).isEqualTo(clock).hasSameHashCodeAs(clock);
        assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
    }

    @Test
    void clocksAreEqualOnlyWhenTheyShareTheirTime() {
        TestClock other = TestClock.create();

        assertThat(other).isNotEqualTo(clock);
        assertThat(clock.withZone(ZoneId.of("Asia/Tokyo"))).isNotEqualTo(clock);
    }

    @Test
    void nullArgumentsAreNamed() {
        assertThatNullPointerException().isThrownBy(() -> clock.advance(null)).withMessage("amount");
        assertThatNullPointerException()
                .isThrownBy(() -> clock.setInstant(null))
                .withMessage("instant");
        assertThatNullPointerException().isThrownBy(() -> clock.withZone(null)).withMessage("zone");
        assertThatNullPointerException().isThrownBy(() -> TestClock.at(null)).withMessage("start");
    }

    @Test
    void concurrentAdvancesAreNotLost() throws Exception {
        int threads = 4;
        int advances = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier startTogether = new CyclicBarrier(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    startTogether.await();
                    for (int i = 0; i < advances; i++) {
                        clock.advance(Duration.ofMillis(1));
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(1, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        Instant expected = TestClock.DEFAULT_START.plusMillis((long) threads * advances);
        assertThat(clock.instant()).isEqualTo(expected);
    }

    @Test
    void aSerialisedClockKeepsItsInstantAndMovesOnItsOwn() throws Exception {
        clock.advance(Duration.ofHours(1));
        clock.setInstant(TestClock.DEFAULT_START);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(clock);
        }

        TestClock copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (TestClock) in.readObject();
        }

        assertThat(copy.instant()).isEqualTo(clock.instant());
        copy.advance(Duration.ofSeconds(1));
        assertThat(clock.instant()).isEqualTo(TestClock.DEFAULT_START);
    }
}
