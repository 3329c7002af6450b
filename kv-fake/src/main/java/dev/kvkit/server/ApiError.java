package dev.kvkit.server;

import java.util.List;

/**
 * An answer in Cloudflare's error envelope: HTTP status, error code and message. Thrown by the code
 * that handles a request and written by {@link ApiHandler}, so a handler stops at the first refusal
 * and nothing after it runs.
 *
 * <p>Codes come from the spec ({@code spec/rest-api.md} section 1.1). Where the real code of a
 * refusal is unknown ([U]), the old list of KV codes names one for the same kind of failure (10007
 * malformed page, 10008 malformed per_page, 10019 missing title, 10018 too many namespaces, 10022
 * too many requests, 10024 payload too large, 10028 invalid limit argument); where it names none,
 * 10001, as Cloudflare's Local Explorer does for its own validation failures. No client keys on any
 * of these codes except 10014 (wrangler), so they only need to be plausible and stable.
 */
final class ApiError extends RuntimeException {

    static final int KEY_NOT_FOUND = 10009;
    static final int NAMESPACE_NOT_FOUND = 10013;
    static final int BAD_NAMESPACE_ID = 10011;
    static final int DUPLICATE_TITLE = 10014;
    static final int TOO_MANY_BULK_PAIRS = 10012;
    static final int AUTHENTICATION = 10000;
    static final int MISSING_AUTH_HEADERS = 9106;
    static final int INVALID_HEADERS = 6003;
    static final int NO_ROUTE = 7003;
    static final int METHOD_NOT_ALLOWED = 7001;
    static final int BAD_REQUEST = 10001;
    static final int MALFORMED_PAGE = 10007;
    static final int MALFORMED_PER_PAGE = 10008;
    static final int TOO_MANY_NAMESPACES = 10018;
    static final int MISSING_TITLE = 10019;
    static final int TOO_MANY_REQUESTS = 10022;
    static final int PAYLOAD_TOO_LARGE = 10024;
    static final int INVALID_LIMIT = 10028;

    private static final long serialVersionUID = 1L;

    private final int status;
    private final int code;
    /** Extra errors nested under the first one, as Cloudflare's {@code error_chain}. */
    private final transient List<ApiError> chain;
    /** Gateway errors (9106, say) come without {@code result} and {@code messages}. */
    private final boolean gateway;

    ApiError(int status, int code, String message) {
        this(status, code, message, List.of(), false);
    }

    private ApiError(int status, int code, String message, List<ApiError> chain, boolean gateway) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.chain = chain;
        this.gateway = gateway;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, BAD_REQUEST, message);
    }

    static ApiError gateway(int status, int code, String message, List<ApiError> chain) {
        return new ApiError(status, code, message, chain, true);
    }

    /** The message for an operation on a namespace id no account of the caller holds. */
    static ApiError namespaceNotFound(String operation) {
        return new ApiError(404, NAMESPACE_NOT_FOUND, operation + ": 'namespace not found'");
    }

    int status() {
        return status;
    }

    int code() {
        return code;
    }

    List<ApiError> chain() {
        return chain;
    }

    boolean gateway() {
        return gateway;
    }
}
