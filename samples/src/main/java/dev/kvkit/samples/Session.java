package dev.kvkit.samples;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in user's session as {@link SessionStore} keeps it.
 *
 * @param id the session id, as in the cookie
 * @param userId who signed in
 * @param createdAt when they signed in
 * @param lastSeenAt when the session was last used
 * @since 0.1.0
 */
public record Session(String id, String userId, Instant createdAt, Instant lastSeenAt) {

    /**
     * Checks that every part is given.
     *
     * @param id the session id
     * @param userId who signed in
     * @param createdAt when they signed in
     * @param lastSeenAt when the session was last used
     */
    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    }
}
