package dev.kvkit.server;

import dev.kvkit.KvException;

/**
 * Turns the fake's refusals into REST errors, so the rules are the fake's and only the wire form is
 * the server's: a {@link KvException} keeps its status and its service text (without the {@code KV
 * PUT failed: 400} prefix, which is the binding's); an {@link IllegalArgumentException} (a rule the
 * Workers binding enforces before sending) becomes a 400 with its text.
 */
final class ServiceErrors {

    private ServiceErrors() {}

    static ApiError of(KvException refusal) {
        return new ApiError(refusal.status(), code(refusal.status()), refusal.reason());
    }

    static ApiError of(IllegalArgumentException refusal) {
        return ApiError.badRequest(refusal.getMessage());
    }

    /** The code for a service refusal by status; see {@link ApiError} for where they come from. */
    static int code(int status) {
        return switch (status) {
            case 413 -> ApiError.PAYLOAD_TOO_LARGE;
            case 429 -> ApiError.TOO_MANY_REQUESTS;
            default -> ApiError.BAD_REQUEST;
        };
    }
}
