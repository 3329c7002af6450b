package dev.kvkit.samples;

/**
 * Told when a client comes back with a session that has expired, for example to log it or to
 * show "your session has expired" rather than a plain sign-in page. Not KV: tests mock it.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface SessionExpiryListener {

    /**
     * Called when a session id presented by a client is no longer in the store.
     *
     * @param sessionId the id the client presented
     */
    void sessionExpired(String sessionId);
}
