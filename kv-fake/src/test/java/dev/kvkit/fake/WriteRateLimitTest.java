package dev.kvkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kvkit.KvException;
import dev.kvkit.KvOperation;
import dev.kvkit.PutOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class WriteRateLimitTest {

    private final TestClock clock = TestClock.create();
    private final FakeKvNamespace kv =
            FakeKvNamespace.builder().clock(clock).enforceWriteRate(true).build();

    @Test
    void theWriteRateIsNotEnforcedByDefault() {
        FakeKvNamespace relaxed = FakeKvNamespace.builder().clock(clock).build();
        relaxed.put("k", "1");
        relaxed.put("k", "2");
        relaxed.location("syd").put("k", "3");
        relaxed.delete("k");

        assertThat(relaxed.enforcesWriteRate()).isFalse();
        assertThat(relaxed.get("k")).isNull();
    }

    @Test
    void aSecondPutWithinASecondIsRefusedWith429AndChangesNothing() {
        kv.put("k", "1", PutOptions.defaults().withMetadata(Map.of("v", 1)));
        KvEntry before = kv.entry("k").orElseThrow();
        clock.advance(Duration.ofMillis(999));

        KvException refused = catchThrowableOfType(KvException.class, () -> kv.put("k", "2"));

        assertThat(refused).hasMessage("KV PUT failed: 429 Too Many Requests");
        assertThat(refused.operation()).isEqualTo(KvOperation.PUT);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.reason()).isEqualTo("Too Many Requests");
        KvEntry after = kv.entry("k").orElseThrow();
        assertThat(after.valueAsText()).isEqualTo("1");
        assertThat(after.metadataJson()).contains("{\"v\":1}");
        assertThat(after.writtenAt()).isEqualTo(before.writtenAt());
        assertThat(kv.enforcesWriteRate()).isTrue();
    }

    @Test
    void aPutOneSecondLaterIsAccepted() {
        kv.put("k", "1");
        clock.advance(Duration.ofSeconds(1));
        kv.put("k", "2");
        assertThat(kv.get("k")).isEqualTo("2");
    }

    @Test
    void writesFromEveryLocationCount() {
        kv.location("syd").put("k", "from syd");
        assertThatThrownBy(() -> kv.location("lhr").put("k", "from lhr"))
                .isInstanceOf(KvException.class)
                .hasMessage("KV PUT failed: 429 Too Many Requests");
        assertThatThrownBy(() -> kv.put("k", "from default")).hasMessage("KV PUT failed: 429 Too Many Requests");
        assertThat(kv.get("k")).isEqualTo("from syd");
    }

    @Test
    void aRefusedWriteDoesNotReachTheLocationsCache() {
        FakeKvLocation sydney = kv.location("syd");
        kv.put("k", "v1");
        assertThat(sydney.get("k")).isEqualTo("v1");

        assertThatThrownBy(() -> sydney.put("k", "v2")).hasMessage("KV PUT failed: 429 Too Many Requests");
        assertThat(sydney.get("k")).isEqualTo("v1");
        assertThat(sydney.getWithMetadata("k").cacheStatus()).isEqualTo("HIT");
    }

    @Test
    void aRefusedWriteDoesNotCountAgainstTheRate() {
        kv.put("k", "1");
        clock.advance(Duration.ofMillis(500));
        assertThatThrownBy(() -> kv.put("k", "2")).isInstanceOf(KvException.class);
        clock.advance(Duration.ofMillis(500));
        kv.put("k", "3");
        assertThat(kv.get("k")).isEqualTo("3");
    }

    @Test
    void otherKeysHaveTheirOwnRate() {
        kv.put("a", "1");
        kv.put("b", "1");
        assertThat(kv.keys()).containsExactly("a", "b");
    }

    @Test
    void aDeleteCountsAsAWrite() {
        kv.put("k", "1");
        KvException refused = catchThrowableOfType(KvException.class, () -> kv.delete("k"));
        assertThat(refused).hasMessage("KV DELETE failed: 429 Too Many Requests");
        assertThat(kv.get("k")).isEqualTo("1");

        clock.advance(Duration.ofSeconds(1));
        kv.delete("k");
        assertThatThrownBy(() -> kv.put("k", "2")).hasMessage("KV PUT failed: 429 Too Many Requests");
        assertThat(kv.get("k")).isNull();
    }

    @Test
    void theRateComesFromTheLimits() {
        FakeKvNamespace three = FakeKvNamespace.builder()
                .clock(clock)
                .enforceWriteRate(true)
                .limits(KvLimits.cloudflare().toBuilder()
                        .maxWritesPerKeyPerSecond(3)
                        .build())
                .build();
        three.put("k", "1");
        clock.advance(Duration.ofMillis(300));
        three.put("k", "2");
        three.put("k", "3");
        assertThatThrownBy(() -> three.put("k", "4")).hasMessage("KV PUT failed: 429 Too Many Requests");

        clock.advance(Duration.ofMillis(700)); // the first write leaves the window
        three.put("k", "5");
        assertThatThrownBy(() -> three.put("k", "6")).hasMessage("KV PUT failed: 429 Too Many Requests");
        assertThat(three.get("k")).isEqualTo("5");
    }

    @Test
    void anInvalidWriteIsRefusedForWhatItIsNotForTheRate() {
        kv.put("k", "1");
        assertThatThrownBy(() -> kv.put("k", "2", PutOptions.defaults().withExpirationTtl(10)))
                .hasMessage("KV PUT failed: 400 Invalid expiration_ttl of 10. Expiration TTL must be at least 60.");
    }

    @Test
    void importsDoNotCountAgainstTheRate() {
        kv.importBulk("[{\"key\":\"k\",\"value\":\"seeded\"}]");
        kv.put("k", "written");
        assertThat(kv.get("k")).isEqualTo("written");
    }

    @Test
    void resetForgetsRecentWrites() {
        kv.put("k", "1");
        kv.reset();
        kv.put("k", "2");
        assertThat(kv.get("k")).isEqualTo("2");
    }

    @Test
    void concurrentWritesToOneKeyAtOneInstantLetExactlyOneThrough() throws Exception {
        int writers = 8;
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String value = "writer " + i;
                FakeKvLocation location = kv.location(i % 2 == 0 ? "syd" : "lhr");
                outcomes.add(threads.submit(() -> {
                    start.await();
                    try {
                        location.put("k", value);
                        return value;
                    } catch (KvException e) {
                        return e.getMessage();
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }

            assertThat(results)
                    .filteredOn(r -> r.startsWith("writer"))
                    .singleElement()
                    .isEqualTo(kv.get("k"));
            assertThat(results)
                    .filteredOn(r -> r.equals("KV PUT failed: 429 Too Many Requests"))
                    .hasSize(writers - 1);
        } finally {
            threads.shutdownNow();
        }
    }
}
