package dev.kvkit;

import java.util.Objects;
import java.util.Optional;

/**
 * A failure answered by the KV service: a size or expiration rule, a limit, a rate limit.
 *
 * <p>The message is exactly the text Workers KV gives, {@code KV <OP> failed: <status> <reason>},
 * for example {@code KV PUT failed: 413 Value length of 26214401 exceeds limit of 26214400.}
 * Errors raised by the binding itself, before any request (an empty key name, say), are {@link
 * IllegalArgumentException}s instead.
 *
 * <p>Instances are immutable.
 *
 * @since 0.1.0
 */
public class KvException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The operation that failed. */
    private final KvOperation operation;

    /** The HTTP status the service answered. */
    private final int status;

    /** The service's text without the operation and status prefix. */
    private final String reason;

    /** The key the failed call was about; null when it was about none (a list, say) or unknown. */
    private final String key;

    /**
     * Creates an exception for a failed service call.
     *
     * @param operation the operation that failed
     * @param status the HTTP status the service answered, such as 400, 413, 414 or 429
     * @param reason the service's text, without the {@code KV <OP> failed: <status>} prefix
     */
    public KvException(KvOperation operation, int status, String reason) {
        this(operation, status, reason, null);
    }

    /**
     * Creates an exception for a failed service call about one key. The message is the service's
     * text and does not name the key; {@link #key()} does.
     *
     * @param operation the operation that failed
     * @param status the HTTP status the service answered, such as 400, 413, 414 or 429
     * @param reason the service's text, without the {@code KV <OP> failed: <status>} prefix
     * @param key the key the call was about, or {@code null} when it was about none
     */
    public KvException(KvOperation operation, int status, String reason, String key) {
        super("KV " + Objects.requireNonNull(operation, "operation") + " failed: " + status + " "
                + Objects.requireNonNull(reason, "reason"));
        this.operation = operation;
        this.status = status;
        this.reason = reason;
        this.key = key;
    }

    /**
     * Returns the operation that failed.
     *
     * @return the operation, never null
     */
    public KvOperation operation() {
        return operation;
    }

    /**
     * Returns the HTTP status the service answered.
     *
     * @return the status, such as 400, 413, 414 or 429
     */
    public int status() {
        return status;
    }

    /**
     * Returns the service's text without the operation and status prefix.
     *
     * @return the reason, never null
     */
    public String reason() {
        return reason;
    }

    /**
     * Returns the key the failed call was about: the key of a single-key read, write or delete, or
     * the key of a bulk read that broke a rule. Workers KV's message never names it, so a log line
     * built from {@link #getMessage()} alone cannot tell which of many writes failed; this can.
     *
     * @return the key, or empty when the call was about no single key (a list, a bulk read's size)
     */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }
}
