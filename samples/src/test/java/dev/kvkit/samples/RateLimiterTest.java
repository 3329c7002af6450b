package dev.kvkit.samples;

import static dev.kvkit.assertj.KvAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import dev.kvkit.junit.KvExtension;
import dev.kvkit.junit.KvNamespace;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RateLimiterTest {

    @RegisterExtension
    static final KvExtension kv = KvExtension.builder()
            .clockStart(Instant.parse("2026-03-02T09:00:00Z")) // the start of a one-minute window
            .wranglerConfig(Path.of("wrangler.toml"))
            .environment("staging")
            .build();

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void allowsTheLimitPerWindowAndStartsAfreshInTheNext(
            @KvNamespace("RATE_LIMITS") FakeKvNamespace limits, TestClock clock) {
        RateLimiter limiter = new RateLimiter(limits, clock, 3, MINUTE);

        assertThat(limiter.tryAcquire("203.0.113.7")).isTrue();
        assertThat(limiter.tryAcquire("203.0.113.7")).isTrue();
        assertThat(limiter.tryAcquire("203.0.113.7")).isTrue();
        assertThat(limiter.tryAcquire("203.0.113.7")).isFalse();

        clock.advance(MINUTE);
        assertThat(limiter.tryAcquire("203.0.113.7")).isTrue();
    }

    @Test
    void countsResetByThemselvesBecauseEachWindowsKeyExpires(
            @KvNamespace("RATE_LIMITS") FakeKvNamespace limits, TestClock clock) {
        RateLimiter limiter = new RateLimiter(limits, clock, 3, MINUTE);
        limiter.tryAcquire("203.0.113.7");

        assertThat(limits).hasText("rate:203.0.113.7:1772442000", "1");
        assertThat(limits).entry("rate:203.0.113.7:1772442000").expiresWithin(MINUTE);
        assertThat(limits).after(MINUTE).isEmpty(); // nothing to clean up, nothing to reset
    }

    @Test
    void countsEachClientSeparately(@KvNamespace("RATE_LIMITS") FakeKvNamespace limits, TestClock clock) {
        RateLimiter limiter = new RateLimiter(limits, clock, 1, MINUTE);

        assertThat(limiter.tryAcquire("203.0.113.7")).isTrue();
        assertThat(limiter.tryAcquire("198.51.100.20")).isTrue();
        assertThat(limiter.tryAcquire("203.0.113.7")).isFalse();
    }

    @Test
    void refusedRequestsAreNotCounted(@KvNamespace("RATE_LIMITS") FakeKvNamespace limits, TestClock clock) {
        RateLimiter limiter = new RateLimiter(limits, clock, 2, MINUTE);
        for (int i = 0; i < 5; i++) {
            limiter.tryAcquire("203.0.113.7");
        }

        assertThat(limits).hasText(limiter.keyFor("203.0.113.7"), "2");
    }

    @Test
    void aRequestInTheLastSecondOfAWindowIsCountedInThatWindow(
            @KvNamespace("RATE_LIMITS") FakeKvNamespace limits, TestClock clock) {
        RateLimiter limiter = new RateLimiter(limits, clock, 1, MINUTE);
        clock.advance(Duration.ofSeconds(59));

        assertThat(limiter.tryAcquire("203.0.113.7")).isTrue();
        assertThat(limiter.tryAcquire("203.0.113.7")).isFalse();
        assertThat(limiter.keyFor("203.0.113.7")).isEqualTo("rate:203.0.113.7:1772442000");

        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire("203.0.113.7")).isTrue();
        assertThat(limiter.keyFor("203.0.113.7")).isEqualTo("rate:203.0.113.7:1772442060");
    }

    @Test
    void windowsShorterThanKvsSmallestTtlAndLimitsBelowOneAreRefused(
            @KvNamespace("RATE_LIMITS") FakeKvNamespace limits, TestClock clock) {
        assertThatThrownBy(() -> new RateLimiter(limits, clock, 10, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The window must be whole seconds and at least 60 s, KV's smallest TTL, but was: PT30S");
        assertThatThrownBy(() -> new RateLimiter(limits, clock, 0, MINUTE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The limit must be at least 1 request per window, but was: 0");
    }
}
