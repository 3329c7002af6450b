package dev.kvkit.samples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kvkit.KvBinding;
import dev.kvkit.PutOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Sessions in Workers KV with a sliding expiration: a session lives for the idle timeout after its
 * last use, and every use writes it again with a fresh TTL. KV itself removes idle sessions, so
 * nothing has to sweep them.
 *
 * <pre>{@code
 * SessionStore sessions = new SessionStore(env.SESSIONS, clock, Duration.ofMinutes(30), listener);
 * Session session = sessions.start("ada");
 * sessions.resume(session.id());   // still there, and good for another 30 minutes
 * }</pre>
 *
 * <p>KV takes one write per second per key, so a client that fires many requests at once should
 * not resume the same session from each of them; a production store would refresh at most once
 * every few seconds.
 *
 * @since 0.1.0
 */
public final class SessionStore {

    /** The prefix of every session key. */
    public static final String PREFIX = "session:";

    /** KV's smallest TTL: a shorter idle timeout could not be stored. */
    private static final Duration MIN_TIMEOUT = Duration.ofSeconds(60);

    private final KvBinding kv;
    private final Clock clock;
    private final Duration idleTimeout;
    private final SessionExpiryListener listener;
    private final Supplier<String> ids;

    /**
     * Creates a store that gives sessions random ids.
     *
     * @param kv the session namespace, such as {@code env.SESSIONS}
     * @param clock the clock that stamps each use
     * @param idleTimeout how long an unused session lives, whole seconds, at least 60 (KV's
     *     smallest TTL)
     * @param listener told when a client presents an expired session
     * @throws IllegalArgumentException when the idle timeout is under 60 s or not whole seconds
     */
    public SessionStore(KvBinding kv, Clock clock, Duration idleTimeout, SessionExpiryListener listener) {
        this(kv, clock, idleTimeout, listener, () -> UUID.randomUUID().toString());
    }

    /**
     * Creates a store that takes session ids from {@code ids}, for tests that want known ids.
     *
     * @param kv the session namespace
     * @param clock the clock that stamps each use
     * @param idleTimeout how long an unused session lives, whole seconds, at least 60
     * @param listener told when a client presents an expired session
     * @param ids gives a new, unguessable session id on each call
     * @throws IllegalArgumentException when the idle timeout is under 60 s or not whole seconds
     */
    public SessionStore(
            KvBinding kv, Clock clock, Duration idleTimeout, SessionExpiryListener listener, Supplier<String> ids) {
        this.kv = Objects.requireNonNull(kv, "kv");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.idleTimeout = checkTimeout(idleTimeout);
        this.listener = Objects.requireNonNull(listener, "listener");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * Starts a session for a user who has just signed in.
     *
     * @param userId who signed in
     * @return the new session
     */
    public Session start(String userId) {
        Objects.requireNonNull(userId, "userId");
        Instant now = clock.instant();
        Session session = new Session(ids.get(), userId, now, now);
        store(session);
        return session;
    }

    /**
     * Returns the session a client presents and keeps it alive for another idle timeout. When it
     * has expired, the listener is told and the result is empty.
     *
     * @param sessionId the id from the client's cookie
     * @return the session, with this use as its last, or empty when it has expired
     */
    public Optional<Session> resume(String sessionId) {
        String key = PREFIX + Objects.requireNonNull(sessionId, "sessionId");
        JsonNode stored = kv.getJson(key);
        if (stored == null) {
            // KV cannot tell an expired key from one never written; the id came from a cookie this
            // store handed out, so a missing session is one that ran out.
            listener.sessionExpired(sessionId);
            return Optional.empty();
        }
        if (!stored.path("userId").isTextual()) {
            throw new IllegalStateException(key + " has no \"userId\" in: " + stored);
        }
        Session used = new Session(
                sessionId,
                stored.get("userId").asText(),
                StoredInstants.required(stored, "createdAt", key),
                clock.instant());
        store(used);
        return Optional.of(used);
    }

    /**
     * Ends a session, as when the user signs out. Ending an expired session does nothing.
     *
     * @param sessionId the session id
     */
    public void end(String sessionId) {
        kv.delete(PREFIX + Objects.requireNonNull(sessionId, "sessionId"));
    }

    private void store(Session session) {
        kv.putJson(
                PREFIX + session.id(),
                Map.of(
                        "userId", session.userId(),
                        "createdAt", session.createdAt().toString(),
                        "lastSeenAt", session.lastSeenAt().toString()),
                PutOptions.defaults().withExpirationTtl(idleTimeout));
    }

    private static Duration checkTimeout(Duration idleTimeout) {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.compareTo(MIN_TIMEOUT) < 0 || idleTimeout.getNano() != 0) {
            throw new IllegalArgumentException(
                    "The idle timeout must be whole seconds and at least 60 s, KV's smallest TTL, but was: "
                            + idleTimeout);
        }
        return idleTimeout;
    }
}
