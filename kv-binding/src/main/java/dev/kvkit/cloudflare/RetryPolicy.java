package dev.kvkit.cloudflare;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * When {@link CloudflareKvBinding} and {@link CloudflareKvAccount} send a request again, and how long
 * they wait first.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder()
 *         .maxAttempts(5)
 *         .initialBackoff(Duration.ofMillis(200))
 *         .build();
 * }</pre>
 *
 * <h2>What is retried</h2>
 *
 * <ul>
 *   <li>A response with {@code x-should-retry: true} is retried, and one with {@code x-should-retry:
 *       false} never is, whatever its status: the service knows best.
 *   <li>Otherwise a {@code 429} is retried for every request, since the service refused it before
 *       doing anything.
 *   <li>A {@code 408}, a {@code 5xx} and a failure to get any answer (an {@code IOException}, a
 *       timeout) are retried for idempotent requests only, unless {@link
 *       Builder#retryNonIdempotent(boolean)} says otherwise: the request may have been carried out.
 *       Every request is idempotent except creating a namespace: reads, a value write (the same write
 *       twice leaves the same record), a delete, a bulk write or delete, a rename.
 *   <li>A value written from an {@code InputStream} is never sent twice, whatever the policy: the
 *       stream was consumed by the first attempt.
 * </ul>
 *
 * <h2>How long it waits</h2>
 *
 * A {@code Retry-After} header (seconds or an HTTP date) is obeyed exactly when it asks for at most
 * {@link Builder#maxRetryAfter(Duration)}; when it asks for longer, the call fails at once rather
 * than block a thread for that long. Without the header the wait before retry {@code n} is {@code
 * initialBackoff * 2^(n-1)}, capped at {@code maxBackoff}, less a random jitter of up to 25% (from
 * {@link Builder#jitterSeed(long)} when given, so tests are repeatable).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class RetryPolicy {

    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private static final RetryPolicy DEFAULTS = builder().build();

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final boolean retryNonIdempotent;
    private final Random random;
    private final Sleeper sleeper;

    private RetryPolicy(Builder builder) {
        this.maxAttempts = builder.maxAttempts;
        this.initialBackoff = builder.initialBackoff;
        this.maxBackoff = builder.maxBackoff;
        this.maxRetryAfter = builder.maxRetryAfter;
        this.retryNonIdempotent = builder.retryNonIdempotent;
        this.random = builder.seed == null ? new Random() : new Random(builder.seed);
        this.sleeper = builder.sleeper;
    }

    /**
     * Returns the policy that never retries: one attempt per call. Use it in tests that check
     * failures.
     *
     * @return the policy with one attempt
     * @since 0.1.0
     */
    public static RetryPolicy none() {
        return NONE;
    }

    /**
     * Returns the default policy: 3 attempts, backoff from 500 ms up to 8 s, {@code Retry-After} obeyed
     * up to 60 s, non-idempotent requests not retried. These are the official SDK's defaults.
     *
     * @return the default policy
     * @since 0.1.0
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a builder starting from the defaults.
     *
     * @return a new builder
     * @since 0.1.0
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns how many times a call is sent at most, the first attempt included.
     *
     * @return at least 1
     * @since 0.1.0
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * Returns whether requests that may have been carried out are retried even when they are not
     * idempotent.
     *
     * @return whether namespace creation is retried after a 5xx, a 408 or no answer
     * @since 0.1.0
     */
    public boolean retryNonIdempotent() {
        return retryNonIdempotent;
    }

    /**
     * Decides whether to send again after an answer; {@code null} means do not.
     *
     * @param attempt the attempt that just failed, from 1
     * @param status the status answered
     * @param shouldRetry the {@code x-should-retry} header, or null
     * @param retryAfter the wait the {@code Retry-After} header asks for, or null
     * @param idempotent whether the request may be repeated safely
     */
    Duration afterAnswer(int attempt, int status, String shouldRetry, Duration retryAfter, boolean idempotent) {
        if (attempt >= maxAttempts) {
            return null;
        }
        boolean retry;
        if ("true".equalsIgnoreCase(shouldRetry)) {
            retry = true;
        } else if ("false".equalsIgnoreCase(shouldRetry)) {
            retry = false;
        } else {
            retry = status == 429 || ((status == 408 || status >= 500) && (idempotent || retryNonIdempotent));
        }
        if (!retry) {
            return null;
        }
        if (retryAfter != null) {
            return retryAfter.compareTo(maxRetryAfter) <= 0 ? retryAfter : null;
        }
        return backoff(attempt);
    }

    /** Decides whether to send again after no answer at all; {@code null} means do not. */
    Duration afterNoAnswer(int attempt, boolean idempotent) {
        return attempt < maxAttempts && (idempotent || retryNonIdempotent) ? backoff(attempt) : null;
    }

    private Duration backoff(int attempt) {
        long cap = maxBackoff.toNanos();
        long delay = Math.min(initialBackoff.toNanos(), cap);
        for (int retry = 1; retry < attempt && delay < cap; retry++) {
            delay = delay > cap / 2 ? cap : delay * 2;
        }
        double jitter;
        synchronized (random) {
            jitter = random.nextDouble();
        }
        return Duration.ofNanos((long) (delay * (1 - 0.25 * jitter)));
    }

    /** Checks a duration setting of a builder; every one of them must be positive. */
    static Duration positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, but was: " + duration);
        }
        return duration;
    }

    void sleep(Duration delay) throws InterruptedException {
        sleeper.sleep(delay);
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", maxRetryAfter=" + maxRetryAfter + ", retryNonIdempotent=" + retryNonIdempotent
                + "]";
    }

    /** How a policy waits; tests hand in one that records instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration delay) throws InterruptedException;
    }

    /**
     * Builds a {@link RetryPolicy}. Not thread-safe; the policy it builds is.
     *
     * @since 0.1.0
     */
    public static final class Builder {

        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(8);
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private boolean retryNonIdempotent;
        private Long seed;
        private Sleeper sleeper = delay -> Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);

        private Builder() {}

        /**
         * Sets how many times a call is sent at most, the first attempt included.
         *
         * @param maxAttempts at least 1; 1 means no retry
         * @return this builder
         * @throws IllegalArgumentException if {@code maxAttempts} is less than 1
         * @since 0.1.0
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, but was: " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Sets the wait before the first retry when the service names none; it doubles for each
         * retry after.
         *
         * @param initialBackoff a positive duration
         * @return this builder
         * @since 0.1.0
         */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = positive(initialBackoff, "initialBackoff");
            return this;
        }

        /**
         * Sets the longest wait between two attempts when the service names none.
         *
         * @param maxBackoff a positive duration
         * @return this builder
         * @since 0.1.0
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = positive(maxBackoff, "maxBackoff");
            return this;
        }

        /**
         * Sets the longest {@code Retry-After} obeyed; an answer asking for longer fails the call at
         * once.
         *
         * @param maxRetryAfter a duration, zero or more
         * @return this builder
         * @since 0.1.0
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
            if (maxRetryAfter.isNegative()) {
                throw new IllegalArgumentException("maxRetryAfter must not be negative, but was: " + maxRetryAfter);
            }
            this.maxRetryAfter = maxRetryAfter;
            return this;
        }

        /**
         * Sets whether a request that is not idempotent (creating a namespace) is retried after a
         * {@code 5xx}, a {@code 408} or no answer, at the risk of being carried out twice.
         *
         * @param retryNonIdempotent {@code true} to retry such requests too; the default is {@code
         *     false}
         * @return this builder
         * @since 0.1.0
         */
        public Builder retryNonIdempotent(boolean retryNonIdempotent) {
            this.retryNonIdempotent = retryNonIdempotent;
            return this;
        }

        /**
         * Makes the backoff's jitter repeatable: the same seed gives the same waits.
         *
         * @param seed the seed of the jitter's random numbers
         * @return this builder
         * @since 0.1.0
         */
        public Builder jitterSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** For tests: waits through the given sleeper instead of {@link Thread#sleep}. */
        Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         * @since 0.1.0
         */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
