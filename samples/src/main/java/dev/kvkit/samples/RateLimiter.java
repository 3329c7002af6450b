package dev.kvkit.samples;

import dev.kvkit.KvBinding;
import dev.kvkit.PutOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Allows each client a number of requests per fixed window (per minute, say), counting in Workers
 * KV. Counts reset by themselves: each window has its own key, {@code rate:<client>:<window
 * start>}, written with a TTL of one window, so KV drops a window's count after it ends and nothing
 * ever deletes or resets one.
 *
 * <pre>{@code
 * RateLimiter limiter = new RateLimiter(env.RATE_LIMITS, clock, 100, Duration.ofMinutes(1));
 * if (!limiter.tryAcquire(clientIp)) {
 *     return new Response("Too Many Requests", 429);
 * }
 * }</pre>
 *
 * <p>Why not one key per client with the window's end as its expiration: KV refuses an expiration
 * less than 60 seconds ahead, so late in a window the count could not be written back with the
 * same end.
 *
 * <p>KV suits a coarse limit only: two locations counting at once can lose increments (see {@link
 * NaiveCounter}) and a key takes one write a second. For an exact limit, count in one place, as
 * {@link CounterCoordinator} does.
 *
 * @since 0.1.0
 */
public final class RateLimiter {

    /** The prefix of every count key. */
    public static final String PREFIX = "rate:";

    private final KvBinding kv;
    private final Clock clock;
    private final int limit;
    private final Duration window;

    /**
     * Creates a limiter.
     *
     * @param kv the namespace that keeps the counts
     * @param clock the clock that says which window a request falls in
     * @param limit requests allowed per client and window, at least 1
     * @param window the window, whole seconds and at least 60 (KV's smallest TTL)
     * @throws IllegalArgumentException when the limit is under 1 or the window is not whole seconds of
     *     at least 60
     */
    public RateLimiter(KvBinding kv, Clock clock, int limit, Duration window) {
        this.kv = Objects.requireNonNull(kv, "kv");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(window, "window");
        if (limit < 1) {
            throw new IllegalArgumentException("The limit must be at least 1 request per window, but was: " + limit);
        }
        if (window.getSeconds() < 60 || window.getNano() != 0) {
            throw new IllegalArgumentException(
                    "The window must be whole seconds and at least 60 s, KV's smallest TTL, but was: " + window);
        }
        this.limit = limit;
        this.window = window;
    }

    /**
     * Counts a request from a client and says whether it is allowed. A refused request is not
     * counted.
     *
     * @param clientId the client, such as its IP address
     * @return {@code true} when the client is still within its limit for the current window
     */
    public boolean tryAcquire(String clientId) {
        String key = keyFor(clientId);
        String stored = kv.get(key);
        int used = stored == null ? 0 : Integer.parseInt(stored);
        if (used >= limit) {
            return false;
        }
        // A TTL of one window, counted from now, always outlives the window this write belongs to.
        kv.put(key, Integer.toString(used + 1), PutOptions.defaults().withExpirationTtl(window));
        return true;
    }

    /**
     * Returns the key that holds a client's count for the current window.
     *
     * @param clientId the client
     * @return the key, such as {@code rate:203.0.113.7:1767225600}
     */
    public String keyFor(String clientId) {
        Objects.requireNonNull(clientId, "clientId");
        long now = clock.instant().getEpochSecond();
        long windowStart = now - Math.floorMod(now, window.getSeconds());
        return PREFIX + clientId + ":" + windowStart;
    }
}
