package dev.kvkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.kvkit.KvException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The write rate counts writes by their instants on the clock, not by the order they came in: no
 * one-second window ever holds more accepted writes than the limit, however the clock moves.
 */
class WriteRateByTimeTest {

    private static final String TOO_MANY = "KV PUT failed: 429 Too Many Requests";

    private final TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:10Z"));
    private final Instant ten = clock.instant();

    private FakeKvNamespace limitedTo(int writesPerSecond, Clock on) {
        return FakeKvNamespace.builder()
                .clock(on)
                .enforceWriteRate(true)
                .limits(KvLimits.cloudflare().toBuilder()
                        .maxWritesPerKeyPerSecond(writesPerSecond)
                        .build())
                .build();
    }

    private boolean accepted(FakeKvNamespace kv, String value) {
        Throwable refusal = catchThrowable(() -> kv.put("k", value));
        if (refusal == null) {
            return true;
        }
        assertThat(refusal).isInstanceOf(KvException.class).hasMessage(TOO_MANY);
        return false;
    }

    @Test
    void aWriteAheadOfTheClockCountsOnceTheClockIsMovedBack() {
        FakeKvNamespace kv = limitedTo(1, clock);
        kv.put("k", "at 10.0");

        clock.setInstant(ten.minusMillis(500));
        assertThat(accepted(kv, "at 9.5")).isFalse();
        clock.setInstant(ten.minusMillis(1000));
        assertThat(accepted(kv, "at 9.0")).isTrue();
        assertThat(kv.get("k")).isEqualTo("at 9.0");
    }

    @Test
    void withTwoWritesASecondAWriteBetweenTwoOthersWithinASecondIsRefused() {
        FakeKvNamespace kv = limitedTo(2, clock);
        kv.put("k", "at 10.0");
        clock.setInstant(ten.plusMillis(900));
        kv.put("k", "at 10.9");

        clock.setInstant(ten.plusMillis(500));
        assertThat(accepted(kv, "at 10.5")).isFalse();
        clock.setInstant(ten.plusMillis(1800));
        assertThat(accepted(kv, "at 11.8")).isTrue(); // with 10.9 only: 10.0 is a second before
    }

    @Test
    void withThreeWritesASecondAWriteTheClockWasMovedBackForDoesNotPushAnotherOutOfTheWindow() {
        FakeKvNamespace kv = limitedTo(3, clock);
        kv.put("k", "at 10.0");
        clock.setInstant(ten.plusMillis(600));
        kv.put("k", "at 10.6");
        clock.setInstant(ten.minusMillis(800));
        assertThat(accepted(kv, "at 9.2")).isTrue();
        clock.setInstant(ten.plusMillis(700));
        assertThat(accepted(kv, "at 10.7")).isTrue();

        // 10.0, 10.6, 10.7 and this one would be four within a second, however they came in.
        clock.setInstant(ten.plusMillis(800));
        assertThat(accepted(kv, "at 10.8")).isFalse();
        clock.setInstant(ten.plusMillis(1000));
        assertThat(accepted(kv, "at 11.0")).isTrue();
        assertThat(kv.get("k")).isEqualTo("at 11.0");
    }

    @Test
    void aWriteLongAgoStillCountsWhenTheClockReturnsToItsSecond() {
        FakeKvNamespace kv = limitedTo(1, clock);
        kv.put("k", "at 10");
        clock.advance(Duration.ofHours(1));
        kv.put("k", "an hour later");

        clock.setInstant(ten.plusMillis(500));
        assertThat(accepted(kv, "at 10.5")).isFalse();
        clock.setInstant(ten.plusMillis(1000));
        assertThat(accepted(kv, "at 11")).isTrue();
    }

    /** Random writes and clock moves, against the rule itself: a write is accepted exactly when it may be. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5})
    void randomWritesAndClockMovesNeverPutMoreThanTheLimitIntoOneSecond(int limit) {
        Random random = new Random(limit * 7919L);
        for (int run = 0; run < 200; run++) {
            TestClock moving = TestClock.at(ten);
            FakeKvNamespace kv = limitedTo(limit, moving);
            List<Long> acceptedAt = new ArrayList<>();
            for (int step = 0; step < 30; step++) {
                moving.setInstant(ten.plusMillis(random.nextInt(4000)));
                long at = moving.millis();
                boolean allowed = mayWrite(acceptedAt, at, limit);

                assertThat(accepted(kv, "v" + step))
                        .as("run %d, step %d: a write at %d", run, step, at)
                        .isEqualTo(allowed);
                if (allowed) {
                    acceptedAt.add(at);
                }
            }
        }
    }

    /** The rule, slowly: after the write, no window (x - 1000, x] holds more than the limit. */
    private static boolean mayWrite(List<Long> acceptedAt, long at, int limit) {
        List<Long> all = new ArrayList<>(acceptedAt);
        all.add(at);
        for (long end : all) {
            long inWindow = all.stream().filter(t -> t > end - 1000 && t <= end).count();
            if (inWindow > limit) {
                return false;
            }
        }
        return true;
    }

    /**
     * A clock read outside the check would let a write read its instant, be overtaken by a later
     * one, and then land last with the earlier instant. The instant is read inside the check, so
     * the store's last write is the latest by the clock.
     */
    @Test
    void theInstantIsReadInsideTheCheckSoTheLastWriteIsTheLatest() throws Exception {
        CountDownLatch firstIsReading = new CountDownLatch(1);
        CountDownLatch secondIsDone = new CountDownLatch(1);
        Thread[] first = new Thread[1];
        Clock stalling = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                if (Thread.currentThread() != first[0]) {
                    return ten.plusMillis(500);
                }
                firstIsReading.countDown();
                try {
                    // The second writer cannot finish while the first holds the key's check.
                    secondIsDone.await(300, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return ten;
            }
        };
        FakeKvNamespace kv = limitedTo(2, stalling);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> firstWrite = threads.submit(() -> {
                first[0] = Thread.currentThread();
                kv.put("k", "first, at 10.0");
            });
            assertThat(firstIsReading.await(5, TimeUnit.SECONDS)).isTrue();
            Future<?> secondWrite = threads.submit(() -> {
                kv.put("k", "second, at 10.5");
                secondIsDone.countDown();
            });
            firstWrite.get(5, TimeUnit.SECONDS);
            secondWrite.get(5, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }

        KvEntry last = kv.entry("k").orElseThrow();
        assertThat(last.valueAsText()).isEqualTo("second, at 10.5");
        assertThat(last.writtenAt()).isEqualTo(ten.plusMillis(500));
    }
}
