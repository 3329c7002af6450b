package dev.kvkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the route handlers share: the namespaces, how changes to them are kept, the body limits and
 * timeouts, the journal.
 */
final class ApiContext {

    final NamespaceRegistry registry;
    final Persistence persistence;
    final Journal journal;
    final long maxBodyBytes;
    final long readTimeoutMillis;
    final ScheduledExecutorService timer;

    ApiContext(
            NamespaceRegistry registry,
            Persistence persistence,
            Journal journal,
            long maxBodyBytes,
            long readTimeoutMillis,
            ScheduledExecutorService timer) {
        this.registry = registry;
        this.persistence = persistence;
        this.journal = journal;
        this.maxBodyBytes = maxBodyBytes;
        this.readTimeoutMillis = readTimeoutMillis;
        this.timer = timer;
    }

    byte[] body(Call call) throws IOException {
        return call.body(maxBodyBytes, readTimeoutMillis, timer);
    }

    JsonNode json(Call call) throws IOException {
        return JsonBodies.parse(body(call));
    }

    /**
     * Returns the route's namespace in the caller's account, or refuses with 404/10013. The message
     * is prefixed by the operation, as the real API's are: {@code get}, {@code put}, {@code list
     * keys} and {@code get namespace} are confirmed; {@code remove key} and {@code bulk get keys}
     * come from Local Explorer; rename, delete namespace, metadata, bulk put and bulk delete are [U]
     * and named in the same style.
     */
    NamespaceRegistry.Entry namespace(Call call, String operation) {
        return registry.find(call.route.accountId(), call.route.namespaceId())
                .orElseThrow(() -> ApiError.namespaceNotFound(operation));
    }
}
