package dev.kvkit.cloudflare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * A request to the Cloudflare API got no usable answer: the connection failed, the request timed
 * out, the thread was interrupted, or a success came with a body that is not Cloudflare's.
 *
 * <p>Unlike a {@link dev.kvkit.KvException}, nothing says whether the service carried the request
 * out. The message names the request by method and path (never a credential), and the number of
 * attempts made:
 *
 * <pre>{@code
 * PUT /client/v4/accounts/0123…/storage/kv/namespaces/abcd…/values/config failed after 3 attempts:
 * java.net.http.HttpTimeoutException: request timed out
 * }</pre>
 *
 * <p>Instances are immutable.
 *
 * @since 0.1.0
 */
public final class KvTransportException extends UncheckedIOException {

    private static final long serialVersionUID = 1L;

    /** The HTTP method of the failed request. */
    private final String method;

    /** The raw path of the failed request, without host or query. */
    private final String path;

    /** How many attempts were made. */
    private final int attempts;

    KvTransportException(String method, String path, int attempts, String problem, IOException cause) {
        super(
                method + " " + path + " failed" + (attempts > 1 ? " after " + attempts + " attempts" : "") + ": "
                        + Objects.requireNonNull(problem, "problem"),
                cause);
        this.method = method;
        this.path = path;
        this.attempts = attempts;
    }

    /**
     * Returns the HTTP method of the request that failed.
     *
     * @return the method, such as {@code GET}
     * @since 0.1.0
     */
    public String method() {
        return method;
    }

    /**
     * Returns the raw (percent-encoded) path of the request that failed, without host or query.
     *
     * @return the path
     * @since 0.1.0
     */
    public String path() {
        return path;
    }

    /**
     * Returns how many times the request was sent.
     *
     * @return at least 1
     * @since 0.1.0
     */
    public int attempts() {
        return attempts;
    }
}
