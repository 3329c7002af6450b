package dev.kvkit.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.kvkit.KvException;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The API's front door: every request that is not an admin request comes here, is routed, checked
 * (auth, namespace id, faults) and handed to its route, and whatever happens is turned into
 * Cloudflare's envelope and written to the journal.
 *
 * <p>The checks run in this order: route (7003, 7001), auth (9106, 6003, 10000), namespace id
 * (10011), faults, then the route's own. Whether the real API routes or authenticates first is [U];
 * routing first tells a client with a wrong URL the more useful thing. Faults come after auth so an
 * unauthenticated request does not use one up, and before the route so a faulted request changes
 * nothing.
 *
 * <p>Nothing a client sends gets a 5xx: every refusal is an {@link ApiError}, the fake's refusals
 * are mapped to their status and text, and anything unexpected (a bug here) is answered as a 400
 * with a warning saying so. The only 5xx answers are injected faults.
 */
final class ApiHandler implements HttpHandler {

    private final ApiContext context;
    private final AuthPolicy auth;
    private final FaultPlan faults;
    private final NamespaceRoutes namespaces;
    private final ValueRoutes values;
    private final KeyListRoute keys;
    private final BulkRoutes bulk;

    ApiHandler(ApiContext context, AuthPolicy auth, FaultPlan faults) {
        this.context = context;
        this.auth = auth;
        this.faults = faults;
        this.namespaces = new NamespaceRoutes(context);
        this.values = new ValueRoutes(context);
        this.keys = new KeyListRoute(context);
        this.bulk = new BulkRoutes(context);
    }

    @Override
    public void handle(HttpExchange exchange) {
        Call call = new Call(exchange, context.journal.next());
        call.journalHook = () -> context.journal.add(entry(call));
        try {
            serve(call);
        } catch (ApiError e) {
            refuse(call, e);
        } catch (KvException e) {
            refuse(call, ServiceErrors.of(e));
        } catch (IllegalArgumentException e) {
            refuse(call, ServiceErrors.of(e));
        } catch (Persistence.Failure e) {
            // Not the client's doing: the store refused, so the change is not acknowledged.
            call.warn(e.getMessage());
            refuse(call, new ApiError(500, ApiError.BAD_REQUEST, e.getMessage()));
        } catch (ConnectionReset e) {
            call.warn("connection closed without an answer: " + e.getMessage());
        } catch (IOException e) {
            // The client went away or stalled past the read timeout: there is no one to answer.
            call.warn("connection lost before an answer: " + e);
        } catch (RuntimeException e) {
            call.warn("kvkit could not handle this request (a bug in kvkit, please report it): " + e);
            refuse(call, ApiError.badRequest("kvkit could not handle this request: " + e));
        } finally {
            call.record();
            exchange.close();
        }
    }

    private void serve(Call call) throws IOException {
        call.route = Route.of(call.method, call.rawPath);
        call.query = QueryParameters.parse(call.rawQuery);
        auth.check(call, call.route.accountId());
        call.route.checkNamespaceId();
        applyFault(call);
        switch (call.route.operation()) {
            case CREATE_NAMESPACE -> namespaces.create(call);
            case LIST_NAMESPACES -> namespaces.list(call);
            case GET_NAMESPACE -> namespaces.get(call);
            case RENAME_NAMESPACE -> namespaces.rename(call);
            case DELETE_NAMESPACE -> namespaces.delete(call);
            case PUT_VALUE -> values.put(call);
            case GET_VALUE -> values.get(call);
            case DELETE_VALUE -> values.delete(call);
            case GET_METADATA -> values.metadata(call);
            case LIST_KEYS -> keys.list(call);
            case BULK_PUT -> bulk.put(call);
            case BULK_DELETE -> bulk.delete(call);
            case BULK_GET -> bulk.get(call);
        }
    }

    /** Answers an injected fault, before the request has touched any namespace. */
    private void applyFault(Call call) throws IOException {
        Fault fault = faults.fire(call.route);
        if (fault == null) {
            return;
        }
        call.warn("fault injected: " + fault);
        switch (fault.kind) {
            case DELAY -> {
                try {
                    TimeUnit.NANOSECONDS.sleep(fault.duration.toNanos());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ConnectionReset("the server is shutting down");
                }
            }
            case TOO_MANY_REQUESTS -> {
                call.exchange.getResponseHeaders().set("Retry-After", Long.toString(fault.retryAfterSeconds()));
                throw new ApiError(429, ApiError.TOO_MANY_REQUESTS, "Too Many Requests (fault injected by kvkit)");
            }
            case SERVER_ERROR -> {
                call.exchange.getResponseHeaders().set("x-should-retry", Boolean.toString(fault.shouldRetry));
                throw new ApiError(fault.status, ApiError.BAD_REQUEST, "Service unavailable (fault injected by kvkit)");
            }
            case RESET_CONNECTION -> throw new ConnectionReset("fault injected");
        }
    }

    private void refuse(Call call, ApiError error) {
        if (call.status != 0) {
            return; // an answer is already on its way; nothing more can be said
        }
        if (!call.discardBody(context.maxBodyBytes, context.readTimeoutMillis, context.timer)) {
            call.warn("connection closed: the request body did not end within the limits");
            return;
        }
        try {
            call.sendError(error);
        } catch (IOException e) {
            call.warn("connection lost while answering: " + e);
        }
    }

    private static JournalEntry entry(Call call) {
        Route route = call.route;
        return new JournalEntry(
                call.sequence,
                call.method,
                call.rawPath,
                call.rawQuery,
                route == null ? null : route.operation(),
                route == null ? null : route.accountId(),
                route == null ? null : route.namespaceId(),
                route == null ? null : route.key(),
                call.parts,
                call.status,
                call.warnings);
    }

    /** Thrown to close the connection without an answer. */
    private static final class ConnectionReset extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ConnectionReset(String message) {
            super(message, null, false, false);
        }
    }
}
