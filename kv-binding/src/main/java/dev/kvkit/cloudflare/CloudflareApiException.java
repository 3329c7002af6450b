package dev.kvkit.cloudflare;

/**
 * The Cloudflare API refused a namespace administration request ({@link CloudflareKvAccount}): a
 * duplicate title, an unknown namespace id, a bad token.
 *
 * <p>Failures of the binding's own calls are {@link dev.kvkit.KvException}s, worded as a Worker's
 * binding words them; this exception is for the calls a Worker cannot make. The message reads
 * {@code <METHOD> <path> failed: <status> [<code>] <message>}, for example {@code POST
 * /client/v4/accounts/…/storage/kv/namespaces failed: 400 [10014] create namespace: 'A namespace
 * with this account ID and title already exists'}.
 *
 * <p>Instances are immutable.
 *
 * @since 0.1.0
 */
public final class CloudflareApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status answered. */
    private final int status;

    /** The first error code of the envelope, or 0. */
    private final int code;

    /** The first error message of the envelope, or the status's reason phrase. */
    private final String reason;

    CloudflareApiException(String method, String path, int status, int code, String reason) {
        super(method + " " + path + " failed: " + status + (code == 0 ? "" : " [" + code + "]") + " " + reason);
        this.status = status;
        this.code = code;
        this.reason = reason;
    }

    /**
     * Returns the HTTP status the API answered.
     *
     * @return the status, such as 400 or 404
     * @since 0.1.0
     */
    public int status() {
        return status;
    }

    /**
     * Returns Cloudflare's error code, such as {@code 10014} for a duplicate namespace title or
     * {@code 10013} for an unknown namespace.
     *
     * @return the code of the first error in the answer, or {@code 0} when the answer had none
     * @since 0.1.0
     */
    public int code() {
        return code;
    }

    /**
     * Returns the API's message, or the status's reason phrase when the answer had none.
     *
     * @return the message, never null
     * @since 0.1.0
     */
    public String reason() {
        return reason;
    }
}
