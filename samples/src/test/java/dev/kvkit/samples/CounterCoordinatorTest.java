package dev.kvkit.samples;

import static dev.kvkit.assertj.KvAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import dev.kvkit.junit.KvNamespace;
import dev.kvkit.junit.KvTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

@KvTest // also injects a TestClock into tests that build their own namespace
class CounterCoordinatorTest {

    // tag::samples-coordinator[]
    @Test
    void losesNoUpdateWhenWorkersInTwoLocationsCountInTurn(
            @KvNamespace("COUNTERS") FakeKvNamespace counters, TestClock clock) {
        // One coordinator, living in one location, as a Durable Object does; Workers everywhere call it.
        CounterCoordinator coordinator = new CounterCoordinator(counters.location("iad"), clock);
        NaiveCounter readerInSydney = new NaiveCounter(counters.location("syd"));
        assertThat(readerInSydney.current("page-views")).isZero(); // Sydney's edge caches the miss

        coordinator.increment("page-views"); // from a Worker in Sydney
        clock.advance(Duration.ofSeconds(1)); // KV takes one write per key per second
        coordinator.increment("page-views"); // from a Worker in London
        clock.advance(Duration.ofSeconds(1));
        coordinator.increment("page-views"); // from a Worker in Sydney

        assertThat(counters).hasText("counter:page-views", "3");
        assertThat(readerInSydney.current("page-views")).isZero(); // readers may lag ...
        clock.advance(Duration.ofMinutes(1));
        assertThat(readerInSydney.current("page-views")).isEqualTo(3); // ... but no increment is lost
    }
    // end::samples-coordinator[]

    @Test
    void holdsBackWritesWithinASecondOfTheLastAndFlushWritesThemLater(TestClock clock) {
        FakeKvNamespace counters = FakeKvNamespace.builder()
                .name("COUNTERS")
                .clock(clock)
                .enforceWriteRate(true) // a second write to a key within a second fails with 429
                .build();
        CounterCoordinator coordinator = new CounterCoordinator(counters, clock);

        for (int i = 0; i < 5; i++) {
            coordinator.increment("page-views");
        }
        assertThat(coordinator.current("page-views")).isEqualTo(5);
        assertThat(counters).hasText("counter:page-views", "1");
        assertThat(coordinator.flush()).isZero(); // still within the second
        assertThat(coordinator.unwrittenCount()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(coordinator.flush()).isEqualTo(1);
        assertThat(counters).hasText("counter:page-views", "5");
        assertThat(coordinator.unwrittenCount()).isZero();
    }

    @Test
    void continuesFromWhatKvAlreadyHolds(@KvNamespace("COUNTERS") FakeKvNamespace counters, TestClock clock) {
        counters.put("counter:page-views", "41");

        assertThat(new CounterCoordinator(counters, clock).increment("page-views"))
                .isEqualTo(42);
        assertThat(counters).hasText("counter:page-views", "42");
    }

    @Test
    void concurrentIncrementsAreAppliedOneAtATime(@KvNamespace("COUNTERS") FakeKvNamespace counters, TestClock clock)
            throws Exception {
        CounterCoordinator coordinator = new CounterCoordinator(counters, clock);
        int threads = 4;
        int incrementsPerThread = 2_000;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<CompletableFuture<Void>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(CompletableFuture.runAsync(
                        () -> {
                            awaitUninterruptibly(start);
                            for (int i = 0; i < incrementsPerThread; i++) {
                                coordinator.increment("page-views");
                            }
                        },
                        pool));
            }
            start.countDown();
            CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdownNow();
        }

        clock.advance(Duration.ofSeconds(1));
        coordinator.flush();
        assertThat(coordinator.current("page-views")).isEqualTo(threads * incrementsPerThread);
        assertThat(counters).hasText("counter:page-views", Integer.toString(threads * incrementsPerThread));
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
