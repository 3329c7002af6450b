package dev.kvkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link Fault} described in JSON, for {@code POST /__kvkit/faults}:
 *
 * <pre>{@code
 * {"kind": "too_many_requests" | "server_error" | "delay" | "reset_connection",
 *  "status": 503, "shouldRetry": true, "retryAfterSeconds": 1, "delayMillis": 250,
 *  "operations": ["PUT_VALUE"], "namespace": "<id>", "keyPrefix": "session:",
 *  "times": 2, "probability": 0.1, "seed": 42}
 * }</pre>
 *
 * Only {@code kind} is required; the others mean what the {@link Fault} methods of the same names
 * mean.
 */
final class FaultJson {

    private FaultJson() {}

    static Fault parse(byte[] body) {
        JsonNode json;
        try {
            json = JsonBodies.parse(body);
        } catch (ApiError e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (!json.isObject()) {
            throw new IllegalArgumentException("A fault is a JSON object with at least a \"kind\"");
        }
        String kind = json.path("kind").asText("").toLowerCase(Locale.ROOT);
        Fault fault = switch (kind) {
            case "too_many_requests" ->
                Fault.tooManyRequests(
                        Duration.ofSeconds(json.path("retryAfterSeconds").asLong(1)));
            case "server_error" ->
                Fault.serverError(
                        json.path("status").asInt(503), json.path("shouldRetry").asBoolean(true));
            case "delay" ->
                Fault.delay(Duration.ofMillis(json.path("delayMillis").asLong(0)));
            case "reset_connection" -> Fault.resetConnection();
            default ->
                throw new IllegalArgumentException("\"kind\" must be too_many_requests, server_error, delay"
                        + " or reset_connection, but was: " + json.path("kind"));
        };
        if (json.has("operations")) {
            List<ApiOperation> operations = new ArrayList<>();
            for (JsonNode name : json.get("operations")) {
                try {
                    operations.add(ApiOperation.valueOf(name.asText()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "Unknown operation " + name + "; known: " + List.of(ApiOperation.values()));
                }
            }
            if (!operations.isEmpty()) {
                fault = fault.on(
                        operations.get(0),
                        operations.subList(1, operations.size()).toArray(ApiOperation[]::new));
            }
        }
        if (json.hasNonNull("namespace")) {
            fault = fault.inNamespace(json.get("namespace").asText());
        }
        if (json.hasNonNull("keyPrefix")) {
            fault = fault.forKeysStartingWith(json.get("keyPrefix").asText());
        }
        if (json.hasNonNull("probability")) {
            fault = fault.withProbability(
                    json.get("probability").asDouble(), json.path("seed").asLong(0));
        }
        if (json.hasNonNull("times")) {
            fault = fault.times(json.get("times").asInt());
        }
        return fault;
    }
}
