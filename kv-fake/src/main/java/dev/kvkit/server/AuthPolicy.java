package dev.kvkit.server;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The auth headers, checked as the real API checks them: none at all is a 400/9106, a malformed
 * {@code Authorization} header a 400/6003, and, when tokens are configured, a token that is not
 * one of them (or not one for the account) a 403/10000.
 *
 * <p>403 rather than 401 for a wrong token ([U] in the spec): it is what the real API answers for a token that does
 * not grant the account (the "Authentication error [code: 10000]" users report from wrangler), and
 * neither wrangler nor the SDK retries either status, so no client behaves differently.
 *
 * <p>Accepted credentials: {@code Authorization: Bearer <token>} (an API token, what wrangler and
 * the SDK send for {@code CLOUDFLARE_API_TOKEN}), {@code X-Auth-Key} with {@code X-Auth-Email} (a
 * global API key), and {@code X-Auth-User-Service-Key}. When tokens are configured, the key of
 * either of the other forms is compared as a token.
 */
final class AuthPolicy {

    /** What an API token looks like on the wire; real ones are 40 such characters. */
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]+");

    private static final Pattern BEARER = Pattern.compile("(?i)bearer ([\\x21-\\x7E]+)");

    /** Token to the accounts it grants; a null value grants every account. Null: any token will do. */
    private final Map<String, Set<String>> tokens;

    private AuthPolicy(Map<String, Set<String>> tokens) {
        this.tokens = tokens;
    }

    static AuthPolicy open() {
        return new AuthPolicy(null);
    }

    static AuthPolicy tokens(Map<String, Set<String>> tokens) {
        return new AuthPolicy(tokens);
    }

    /** Checks the request's credentials for the account, or throws the real API's refusal. */
    void check(Call call, String accountId) {
        String credential = credential(call);
        if (tokens == null) {
            return;
        }
        if (!tokens.containsKey(credential)) {
            throw authenticationError();
        }
        Set<String> accounts = tokens.get(credential);
        if (accounts != null && !accounts.contains(accountId)) {
            throw authenticationError();
        }
    }

    private static String credential(Call call) {
        String authorization = call.header("Authorization");
        String key = call.header("X-Auth-Key");
        String email = call.header("X-Auth-Email");
        String serviceKey = call.header("X-Auth-User-Service-Key");
        if (authorization != null) {
            var bearer = BEARER.matcher(authorization.trim());
            if (!bearer.matches()) {
                throw ApiError.gateway(
                        400,
                        ApiError.INVALID_HEADERS,
                        "Invalid request headers",
                        List.of(new ApiError(400, 6103, "Invalid format for Authorization header")));
            }
            return bearer.group(1);
        }
        if (key != null && email != null) {
            if (!TOKEN.matcher(key.trim()).matches()) {
                throw ApiError.gateway(
                        400,
                        ApiError.INVALID_HEADERS,
                        "Invalid request headers",
                        List.of(new ApiError(400, 6111, "Invalid format for X-Auth-Key header")));
            }
            return key.trim();
        }
        if (serviceKey != null && TOKEN.matcher(serviceKey.trim()).matches()) {
            return serviceKey.trim();
        }
        throw ApiError.gateway(
                400,
                ApiError.MISSING_AUTH_HEADERS,
                "Missing X-Auth-Key, X-Auth-Email or Authorization headers",
                List.of());
    }

    private static ApiError authenticationError() {
        return new ApiError(403, ApiError.AUTHENTICATION, "Authentication error");
    }
}
