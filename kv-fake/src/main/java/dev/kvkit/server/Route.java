package dev.kvkit.server;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a request goes: its operation, account, namespace id and key, worked out from the
 * <em>raw</em> path so that an encoded {@code %2F} stays inside a key and is decoded exactly once.
 *
 * <p>The key is everything after {@code /values/} or {@code /metadata/} up to the query, slashes
 * included: SDK 4.x to 6.x send keys unencoded, so a {@code /} in a key arrives as more path
 * segments (spec section 1.7). What the real API does with those is [U]; reading them as one key is
 * what keeps those clients' keys intact.
 *
 * @param operation the operation
 * @param accountId the account segment, as sent
 * @param namespaceId the namespace segment as sent, or {@code null} on the namespace collection
 * @param key the decoded key, or {@code null} on routes without one
 */
record Route(ApiOperation operation, String accountId, String namespaceId, String key) {

    static final String API_PREFIX = "/client/v4";
    private static final String ACCOUNTS = API_PREFIX + "/accounts/";
    private static final String NAMESPACES = "/storage/kv/namespaces";
    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern NAMESPACE_ID = Pattern.compile("[0-9a-f]{32}");

    /** Routes a request, or refuses it with 7003 (no such route) or 7001 (wrong method). */
    static Route of(String method, String rawPath) {
        if (!rawPath.startsWith(ACCOUNTS)) {
            throw noRoute(rawPath);
        }
        int accountEnd = rawPath.indexOf('/', ACCOUNTS.length());
        if (accountEnd < 0) {
            throw noRoute(rawPath);
        }
        String account = rawPath.substring(ACCOUNTS.length(), accountEnd);
        String rest = rawPath.substring(accountEnd);
        if (!ACCOUNT_ID.matcher(account).matches() || !rest.startsWith(NAMESPACES)) {
            throw noRoute(rawPath);
        }
        rest = rest.substring(NAMESPACES.length());
        if (rest.isEmpty() || rest.equals("/")) {
            return new Route(
                    pick(method, Map.of("GET", ApiOperation.LIST_NAMESPACES, "POST", ApiOperation.CREATE_NAMESPACE)),
                    account,
                    null,
                    null);
        }
        if (rest.charAt(0) != '/') {
            throw noRoute(rawPath);
        }
        int idEnd = rest.indexOf('/', 1);
        String namespace = rest.substring(1, idEnd < 0 ? rest.length() : idEnd);
        String tail = idEnd < 0 ? "" : rest.substring(idEnd);
        if (namespace.isEmpty()) {
            throw noRoute(rawPath);
        }
        Route route;
        if (tail.isEmpty()) {
            route = new Route(
                    pick(
                            method,
                            Map.of(
                                    "GET",
                                    ApiOperation.GET_NAMESPACE,
                                    "PUT",
                                    ApiOperation.RENAME_NAMESPACE,
                                    "DELETE",
                                    ApiOperation.DELETE_NAMESPACE)),
                    account,
                    namespace,
                    null);
        } else if (tail.startsWith("/values/")) {
            route = new Route(
                    pick(
                            method,
                            Map.of(
                                    "GET",
                                    ApiOperation.GET_VALUE,
                                    "PUT",
                                    ApiOperation.PUT_VALUE,
                                    "DELETE",
                                    ApiOperation.DELETE_VALUE)),
                    account,
                    namespace,
                    key(tail.substring("/values/".length())));
        } else if (tail.startsWith("/metadata/")) {
            route = new Route(
                    pick(method, Map.of("GET", ApiOperation.GET_METADATA)),
                    account,
                    namespace,
                    key(tail.substring("/metadata/".length())));
        } else if (tail.equals("/keys")) {
            route = new Route(pick(method, Map.of("GET", ApiOperation.LIST_KEYS)), account, namespace, null);
        } else if (tail.equals("/bulk")) {
            // DELETE /bulk is deprecated but still what wrangler's `kv bulk delete` calls.
            route = new Route(
                    pick(method, Map.of("PUT", ApiOperation.BULK_PUT, "DELETE", ApiOperation.BULK_DELETE)),
                    account,
                    namespace,
                    null);
        } else if (tail.equals("/bulk/delete")) {
            route = new Route(pick(method, Map.of("POST", ApiOperation.BULK_DELETE)), account, namespace, null);
        } else if (tail.equals("/bulk/get")) {
            route = new Route(pick(method, Map.of("POST", ApiOperation.BULK_GET)), account, namespace, null);
        } else {
            throw noRoute(rawPath);
        }
        return route;
    }

    /** Refuses a namespace id that is not 32 lowercase hex digits, as the real API does (10011). */
    void checkNamespaceId() {
        if (namespaceId != null && !NAMESPACE_ID.matcher(namespaceId).matches()) {
            throw new ApiError(
                    400,
                    ApiError.BAD_NAMESPACE_ID,
                    "could not parse UUID from request's namespace_id: 'invalid namespace format: " + namespaceId
                            + "'");
        }
    }

    static boolean isNamespaceId(String id) {
        return id != null && NAMESPACE_ID.matcher(id).matches();
    }

    private static String key(String rawKey) {
        try {
            return PercentDecoding.path(rawKey);
        } catch (PercentDecoding.MalformedEncoding e) {
            throw ApiError.badRequest("Could not URL-decode key name: " + e.getMessage());
        }
    }

    /** Picks the operation for the method, or refuses with 7001. */
    private static ApiOperation pick(String method, Map<String, ApiOperation> operations) {
        ApiOperation operation = operations.get(method);
        if (operation == null) {
            throw new ApiError(405, ApiError.METHOD_NOT_ALLOWED, method + " not supported for requested URI.");
        }
        return operation;
    }

    static ApiError noRoute(String rawPath) {
        String path = rawPath.startsWith(API_PREFIX) ? rawPath.substring(API_PREFIX.length()) : rawPath;
        return new ApiError(
                404, ApiError.NO_ROUTE, "Could not route to " + path + ", perhaps your object identifier is invalid?");
    }
}
