package dev.kvkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin surface under {@code /__kvkit/}: the server's Java API over HTTP, for scripts and for
 * clients in other languages. No auth; answers are plain JSON ({@code {"error": "..."}} on failure),
 * not Cloudflare's envelope, since no Cloudflare client calls these. Requests here are not journaled.
 */
final class AdminRoutes implements HttpHandler {

    static final String PREFIX = "/__kvkit/";

    private final KvApiServer server;

    AdminRoutes(KvApiServer server) {
        this.server = server;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            String path = exchange.getRequestURI().getRawPath().substring(PREFIX.length());
            QueryParameters query;
            try {
                query = QueryParameters.parse(exchange.getRequestURI().getRawQuery());
            } catch (ApiError e) {
                throw new AdminError(400, e.getMessage());
            }
            String method = exchange.getRequestMethod();
            JsonNode answer = switch (method + " " + path) {
                case "GET health" -> health(exchange);
                case "POST reset" -> reset(query);
                case "GET clock" -> clock();
                case "POST clock/advance" -> advance(query);
                case "POST clock/set" -> setClock(query);
                case "POST seed" -> seed(exchange, query);
                case "GET export" -> {
                    send(exchange, 200, namespace(query).kv().exportBulk().getBytes(StandardCharsets.UTF_8));
                    yield null;
                }
                case "GET journal" -> Journal.json(server.journal());
                case "DELETE journal" -> {
                    server.clearJournal();
                    yield ok();
                }
                case "GET faults" -> faults();
                case "POST faults" -> {
                    server.injectFault(FaultJson.parse(body(exchange)));
                    yield faults();
                }
                case "DELETE faults" -> {
                    server.clearFaults();
                    yield faults();
                }
                default ->
                    throw new AdminError(
                            404,
                            "No admin route " + method + " " + PREFIX + path
                                    + "; see the KvApiServer Javadoc for the admin routes");
            };
            if (answer != null) {
                send(exchange, 200, Envelope.bytes(answer));
            }
        } catch (AdminError e) {
            error(exchange, e.status, e.getMessage());
        } catch (IllegalArgumentException e) {
            error(exchange, 400, e.getMessage());
        } catch (Persistence.Failure e) {
            error(exchange, 500, e.getMessage());
        } catch (IOException e) {
            // The client went away.
        } catch (RuntimeException e) {
            error(exchange, 400, "kvkit could not handle this admin request: " + e);
        } finally {
            exchange.close();
        }
    }

    private JsonNode health(HttpExchange exchange) throws IOException {
        if (!server.isServing()) {
            // The only 5xx outside faults: a readiness probe must be able to tell "stopping".
            throw new AdminError(503, "not serving");
        }
        ObjectNode node = Envelope.JSON.createObjectNode();
        node.put("status", "serving");
        node.put("baseUrl", server.baseUrl());
        node.put("accountId", server.accountId());
        return node;
    }

    private JsonNode reset(QueryParameters query) {
        if (query.nonEmpty("namespace").isPresent()) {
            ServedNamespace namespace = namespace(query);
            server.reset(namespace.accountId(), namespace.id());
        } else if (query.nonEmpty("account").isPresent()) {
            server.reset(query.nonEmpty("account").get());
        } else {
            server.reset();
        }
        return ok();
    }

    private JsonNode clock() {
        Instant now = server.clock().instant();
        ObjectNode node = Envelope.JSON.createObjectNode();
        node.put("instant", now.toString());
        node.put("epochSeconds", now.getEpochSecond());
        return node;
    }

    private JsonNode advance(QueryParameters query) {
        Duration amount;
        if (query.nonEmpty("seconds").isPresent()) {
            try {
                amount = Duration.ofSeconds(
                        Long.parseLong(query.nonEmpty("seconds").get()));
            } catch (NumberFormatException e) {
                throw new AdminError(
                        400,
                        "seconds must be a whole number, but was: "
                                + query.get("seconds").get());
            }
        } else if (query.nonEmpty("duration").isPresent()) {
            try {
                amount = Duration.parse(query.nonEmpty("duration").get());
            } catch (DateTimeParseException e) {
                throw new AdminError(
                        400,
                        "duration must be an ISO-8601 duration such as PT1H, but was: "
                                + query.get("duration").get());
            }
        } else {
            throw new AdminError(400, "Say how far: ?seconds=N or ?duration=PT1H");
        }
        try {
            server.clock().advance(amount);
        } catch (ArithmeticException | DateTimeException e) {
            throw new AdminError(400, "The clock cannot move that far: " + e.getMessage());
        }
        server.clockMoved();
        return clock();
    }

    private JsonNode setClock(QueryParameters query) {
        String text = query.nonEmpty("instant")
                .orElseThrow(() -> new AdminError(400, "Say when: ?instant=2026-01-01T00:00:00Z"));
        try {
            server.clock().setInstant(Instant.parse(text));
        } catch (DateTimeParseException e) {
            throw new AdminError(
                    400, "instant must be an ISO-8601 instant such as 2026-01-01T00:00:00Z, but was: " + text);
        }
        server.clockMoved();
        return clock();
    }

    private JsonNode seed(HttpExchange exchange, QueryParameters query) throws IOException {
        ServedNamespace namespace = namespace(query);
        String json = new String(body(exchange), StandardCharsets.UTF_8);
        int imported = server.seed(namespace, kv -> kv.importBulk(json));
        ObjectNode node = Envelope.JSON.createObjectNode();
        node.put("imported", imported);
        node.put("namespace", namespace.id());
        return node;
    }

    private JsonNode faults() {
        ObjectNode node = Envelope.JSON.createObjectNode();
        ArrayNode list = node.putArray("faults");
        server.faults().forEach(fault -> list.add(fault.toString()));
        return node;
    }

    /** The namespace named by {@code ?namespace=} (an id, else a title) in {@code ?account=}. */
    private ServedNamespace namespace(QueryParameters query) {
        String account = query.nonEmpty("account").orElse(server.accountId());
        String name = query.nonEmpty("namespace")
                .orElseThrow(() -> new AdminError(400, "Name the namespace: ?namespace=<id or title>"));
        return server.namespace(account, name)
                .or(() -> server.namespaceByTitle(account, name))
                .orElseThrow(() -> new AdminError(
                        404,
                        "No namespace with id or title \"" + name + "\" in account " + account + "; there: "
                                + titles(account)));
    }

    private String titles(String account) {
        List<String> titles = new ArrayList<>();
        server.namespaces(account).forEach(ns -> titles.add(ns.title() + " (" + ns.id() + ")"));
        return titles.isEmpty() ? "(none)" : String.join(", ", titles);
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        // Admin bodies are seed files and fault descriptions, written by the test author; 100 MB bounds them.
        byte[] body = exchange.getRequestBody().readNBytes(100 * 1024 * 1024 + 1);
        if (body.length > 100 * 1024 * 1024) {
            throw new AdminError(413, "The body exceeds 100 MB");
        }
        return body;
    }

    private static ObjectNode ok() {
        return Envelope.JSON.createObjectNode().put("ok", true);
    }

    private static void error(HttpExchange exchange, int status, String message) {
        try {
            send(
                    exchange,
                    status,
                    Envelope.bytes(Envelope.JSON.createObjectNode().put("error", message)));
        } catch (IOException e) {
            // The client went away.
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** An admin refusal, with its status. */
    static final class AdminError extends RuntimeException {

        private static final long serialVersionUID = 1L;

        final int status;

        AdminError(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }
}
