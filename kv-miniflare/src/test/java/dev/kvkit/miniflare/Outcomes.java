package dev.kvkit.miniflare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvkit.KvException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one shape both sides' step outcomes are compared in.
 *
 * <ul>
 *   <li>{@code {"ok": value}}: the value as JSON, numbers by their decimal value (JavaScript writes
 *       {@code 1}, Jackson {@code 1.0}), object members sorted, a list page's cursor reduced to
 *       whether there is one;
 *   <li>{@code {"error": {"kind", "operation", "status", "message"}}}: {@code service} for the KV
 *       service's {@code KV <OP> failed: <status> <text>} (a {@link KvException} on the Java side),
 *       {@code binding} for an error the binding raises before any request (an {@code
 *       IllegalArgumentException} in Java, a {@code TypeError} in JavaScript; the classes are engine
 *       accidents, the texts are compared), {@code json} for a value that is not JSON (the JSON
 *       libraries' own texts differ by design, so only the kind is compared), and {@code unexpected}
 *       for anything else, which never matches.
 * </ul>
 */
final class Outcomes {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern SERVICE =
            Pattern.compile("KV (GET|PUT|DELETE|GET_BULK) failed: (\\d{3}) .*", Pattern.DOTALL);

    private Outcomes() {}

    static ObjectNode ok(JsonNode value) {
        ObjectNode outcome = JSON.objectNode();
        outcome.set("ok", canonical(value));
        return outcome;
    }

    /** The outcome of a Java exception thrown by the fake. */
    static ObjectNode error(RuntimeException e) {
        if (e instanceof KvException kv) {
            return service(kv.operation().name(), kv.status(), kv.getMessage());
        }
        if (isJsonFailure(e)) {
            return error("json", null, null, null);
        }
        if (e instanceof IllegalArgumentException) {
            return error("binding", null, null, e.getMessage());
        }
        return error("unexpected", null, null, e.getClass().getName() + ": " + e.getMessage());
    }

    /** The canonical form of one of the Worker's raw outcomes. */
    static ObjectNode fromWorker(JsonNode raw, String op) {
        if (raw.has("ok")) {
            JsonNode value = raw.get("ok");
            if ("list".equals(op) && value.isObject()) {
                ObjectNode page = ((ObjectNode) value).deepCopy();
                page.put("cursor", value.hasNonNull("cursor"));
                value = page;
            }
            return ok(value);
        }
        JsonNode error = raw.path("error");
        String name = error.path("name").asText("");
        String message = error.path("message").asText("");
        Matcher service = SERVICE.matcher(message);
        if (service.matches()) {
            return service(service.group(1), Integer.parseInt(service.group(2)), message);
        }
        if (name.equals("SyntaxError")) {
            return error("json", null, null, null);
        }
        if (name.equals("TypeError") || name.equals("RangeError") || name.equals("Error")) {
            return error("binding", null, null, message);
        }
        return error("unexpected", null, null, name + ": " + message);
    }

    private static ObjectNode service(String operation, int status, String message) {
        return error("service", operation, status, message);
    }

    private static ObjectNode error(String kind, String operation, Integer status, String message) {
        ObjectNode error = JSON.objectNode();
        error.put("kind", kind);
        if (operation != null) {
            error.put("operation", operation);
        }
        if (status != null) {
            error.put("status", status);
        }
        if (message != null) {
            error.put("message", message);
        }
        ObjectNode outcome = JSON.objectNode();
        outcome.set("error", error);
        return outcome;
    }

    private static boolean isJsonFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException) {
                return true;
            }
        }
        return false;
    }

    /** Numbers by decimal value, object members sorted by name; everything else as it is. */
    static JsonNode canonical(JsonNode node) {
        if (node == null) {
            return JSON.nullNode();
        }
        if (node.isNumber()) {
            BigDecimal decimal = node.decimalValue().stripTrailingZeros();
            return decimal.scale() <= 0 && decimal.precision() - decimal.scale() <= 18
                    ? JSON.numberNode(decimal.longValueExact())
                    : JSON.numberNode(decimal);
        }
        if (node.isArray()) {
            ArrayNode array = JSON.arrayNode();
            node.forEach(element -> array.add(canonical(element)));
            return array;
        }
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                names.add(member.getKey());
            }
            Collections.sort(names);
            ObjectNode object = JSON.objectNode();
            for (String name : names) {
                object.set(name, canonical(node.get(name)));
            }
            return object;
        }
        return node;
    }
}
