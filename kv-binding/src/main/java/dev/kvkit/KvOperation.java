package dev.kvkit;

/**
 * The service operation a {@link KvException} reports, as Workers KV names it in its messages
 * ({@code KV GET failed: ...}).
 *
 * <p>{@code list} reports {@link #GET}, as the service does.
 *
 * @since 0.1.0
 */
public enum KvOperation {
    /** A read of one key, or a list. */
    GET,
    /** A write of one key. */
    PUT,
    /** A delete of one key. */
    DELETE,
    /** A read of several keys at once. */
    GET_BULK
}
