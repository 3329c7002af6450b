package dev.kvkit.server;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A failure {@link KvApiServer} is told to answer instead of serving a request, to test a client's
 * retry logic: a 429 with {@code Retry-After}, a 5xx with {@code x-should-retry}, a delay, or a
 * connection closed without an answer. A fault is checked before the request is handled, so a
 * faulted request changes nothing; a delay is the exception, as the request is served after it.
 *
 * <pre>{@code
 * server.injectFault(Fault.serverError(503).on(ApiOperation.PUT_VALUE).times(2));
 * server.injectFault(Fault.tooManyRequests(Duration.ofSeconds(1)).forKeysStartingWith("session:"));
 * server.injectFault(Fault.resetConnection().withProbability(0.1, 42));
 * }</pre>
 *
 * <p>A fault applies to the requests that match all of its filters (operations, namespace id, key
 * prefix; none set matches every API request, never the admin routes). It fires on the next {@link
 * #times(int) N} of them, 1 unless told otherwise; with a {@link #withProbability(double, long)
 * probability}, each matching request fires it with that probability, drawn from a random sequence
 * of the given seed, and then it fires without limit unless {@code times} is also set. Faults are
 * tried in the order they were injected; the first that fires answers the request.
 *
 * <p>Instances are immutable; each method returns a new fault.
 *
 * @since 0.1.0
 */
public final class Fault {

    /** What a fault does. */
    enum Kind {
        TOO_MANY_REQUESTS,
        SERVER_ERROR,
        DELAY,
        RESET_CONNECTION
    }

    final Kind kind;
    final int status;
    final boolean shouldRetry;
    final Duration duration;
    final Set<ApiOperation> operations;
    final String namespaceId;
    final String keyPrefix;
    final Integer times;
    final double probability;
    final long seed;

    private Fault(
            Kind kind,
            int status,
            boolean shouldRetry,
            Duration duration,
            Set<ApiOperation> operations,
            String namespaceId,
            String keyPrefix,
            Integer times,
            double probability,
            long seed) {
        this.kind = kind;
        this.status = status;
        this.shouldRetry = shouldRetry;
        this.duration = duration;
        this.operations = operations;
        this.namespaceId = namespaceId;
        this.keyPrefix = keyPrefix;
        this.times = times;
        this.probability = probability;
        this.seed = seed;
    }

    private static Fault of(Kind kind, int status, boolean shouldRetry, Duration duration) {
        return new Fault(kind, status, shouldRetry, duration, Set.of(), null, null, null, 1.0, 0);
    }

    /**
     * Answers 429 with a {@code Retry-After} header, as the API's rate limit does.
     *
     * @param retryAfter the wait to announce, in whole seconds (rounded up), zero or more
     * @return the fault
     */
    public static Fault tooManyRequests(Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative, but was: " + retryAfter);
        }
        return of(Kind.TOO_MANY_REQUESTS, 429, true, retryAfter);
    }

    /**
     * Answers a 5xx with {@code x-should-retry: true}, which the official SDK obeys.
     *
     * @param status 500, 502, 503 or 504
     * @return the fault
     */
    public static Fault serverError(int status) {
        return serverError(status, true);
    }

    /**
     * Answers a 5xx with the given {@code x-should-retry} header.
     *
     * @param status 500, 502, 503 or 504
     * @param shouldRetry the value of {@code x-should-retry}
     * @return the fault
     */
    public static Fault serverError(int status, boolean shouldRetry) {
        if (status != 500 && status != 502 && status != 503 && status != 504) {
            throw new IllegalArgumentException("status must be 500, 502, 503 or 504, but was: " + status);
        }
        return of(Kind.SERVER_ERROR, status, shouldRetry, Duration.ZERO);
    }

    /**
     * Holds the request for a while, then serves it as usual.
     *
     * @param delay how long to wait, zero or more
     * @return the fault
     */
    public static Fault delay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, but was: " + delay);
        }
        return of(Kind.DELAY, 0, false, delay);
    }

    /**
     * Closes the connection without answering; the client sees an {@code IOException}.
     *
     * @return the fault
     */
    public static Fault resetConnection() {
        return of(Kind.RESET_CONNECTION, 0, false, Duration.ZERO);
    }

    /**
     * Aims the fault at requests of the given operations only.
     *
     * @param first an operation
     * @param more more operations
     * @return a new fault
     */
    public Fault on(ApiOperation first, ApiOperation... more) {
        EnumSet<ApiOperation> set = EnumSet.of(Objects.requireNonNull(first, "first"), more);
        return new Fault(
                kind, status, shouldRetry, duration, Set.copyOf(set), namespaceId, keyPrefix, times, probability, seed);
    }

    /**
     * Aims the fault at requests to one namespace only.
     *
     * @param namespaceId the namespace id
     * @return a new fault
     */
    public Fault inNamespace(String namespaceId) {
        Objects.requireNonNull(namespaceId, "namespaceId");
        return new Fault(
                kind, status, shouldRetry, duration, operations, namespaceId, keyPrefix, times, probability, seed);
    }

    /**
     * Aims the fault at single-key requests whose key starts with the prefix.
     *
     * @param prefix the key prefix
     * @return a new fault
     */
    public Fault forKeysStartingWith(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        return new Fault(
                kind, status, shouldRetry, duration, operations, namespaceId, prefix, times, probability, seed);
    }

    /**
     * Makes the fault fire on the next {@code count} matching requests, then retire.
     *
     * @param count how many times to fire, at least 1
     * @return a new fault
     */
    public Fault times(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, but was: " + count);
        }
        return new Fault(
                kind, status, shouldRetry, duration, operations, namespaceId, keyPrefix, count, probability, seed);
    }

    /**
     * Makes each matching request fire the fault with the given probability, from a random sequence
     * with a fixed seed, so a run can be repeated. Without {@link #times(int)} the fault then fires
     * without limit.
     *
     * @param probability from 0 to 1
     * @param seed the seed of the random sequence
     * @return a new fault
     */
    public Fault withProbability(double probability, long seed) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be from 0 to 1, but was: " + probability);
        }
        return new Fault(
                kind, status, shouldRetry, duration, operations, namespaceId, keyPrefix, times, probability, seed);
    }

    /** How many times the fault may fire. */
    long budget() {
        if (times != null) {
            return times;
        }
        return probability < 1 ? Long.MAX_VALUE : 1;
    }

    boolean matches(Route route) {
        return (operations.isEmpty() || operations.contains(route.operation()))
                && (namespaceId == null || namespaceId.equals(route.namespaceId()))
                && (keyPrefix == null || (route.key() != null && route.key().startsWith(keyPrefix)));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Fault[")
                .append(
                        switch (kind) {
                            case TOO_MANY_REQUESTS -> "429, Retry-After " + retryAfterSeconds();
                            case SERVER_ERROR -> status + ", x-should-retry " + shouldRetry;
                            case DELAY -> "delay " + duration;
                            case RESET_CONNECTION -> "reset connection";
                        });
        if (!operations.isEmpty()) {
            text.append(", on ").append(operations);
        }
        if (namespaceId != null) {
            text.append(", namespace ").append(namespaceId);
        }
        if (keyPrefix != null) {
            text.append(", keys starting with \"").append(keyPrefix).append('"');
        }
        if (probability < 1) {
            text.append(", probability ").append(probability).append(" seed ").append(seed);
        }
        long budget = budget();
        text.append(budget == Long.MAX_VALUE ? ", unlimited" : ", " + budget + " times");
        return text.append(']').toString();
    }

    long retryAfterSeconds() {
        return duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
    }
}
