package dev.kvkit.assertj;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvkit.fake.FakeKvNamespace;
import java.util.Comparator;
import java.util.Iterator;
import java.util.TreeSet;

/**
 * JSON as the assertions compare it: parsed trees, object members in any order, numbers by value
 * ({@code 1} equals {@code 1.0}), and shown with members sorted so that a diff shows only what
 * differs.
 */
final class JsonSupport {

    static final ObjectMapper DEFAULT_MAPPER = new ObjectMapper();

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private JsonSupport() {}

    /**
     * The mapper that parses a namespace's JSON into trees: its own Jackson 2 mapper, or, for a
     * namespace given a codec (a Jackson 3 one, say), which has none, kvkit's.
     */
    static ObjectMapper treeMapper(FakeKvNamespace namespace) {
        try {
            return namespace.objectMapper();
        } catch (IllegalStateException codecOnly) {
            return DEFAULT_MAPPER;
        }
    }

    static JsonNode parse(ObjectMapper mapper, String json) throws JsonProcessingException {
        JsonNode tree = mapper.readTree(json);
        if (tree == null || tree.isMissingNode()) {
            throw new IllegalArgumentException("No JSON content");
        }
        return tree;
    }

    /** Parses JSON the test wrote; a typo there is a mistake in the test, not a failed assertion. */
    static JsonNode parseExpected(ObjectMapper mapper, String json, String what) {
        try {
            return parse(mapper, json);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "The expected " + what + " is not valid JSON: " + json + " (" + problem(e) + ")", e);
        }
    }

    static boolean equal(JsonNode actual, JsonNode expected) {
        return actual.equals(NUMBERS_BY_VALUE, expected);
    }

    /** One line, members sorted: for messages. */
    static String compact(JsonNode node) {
        return sorted(node).toString();
    }

    /** Indented, members sorted: for the actual and expected values an IDE diffs. */
    static String pretty(JsonNode node) {
        return sorted(node).toPrettyString();
    }

    static String problem(Exception e) {
        return e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = DEFAULT_MAPPER.createObjectNode();
            TreeSet<String> names = new TreeSet<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                copy.set(name, sorted(node.get(name)));
            }
            return copy;
        }
        if (node.isArray()) {
            var copy = DEFAULT_MAPPER.createArrayNode();
            for (Iterator<JsonNode> elements = node.elements(); elements.hasNext(); ) {
                copy.add(sorted(elements.next()));
            }
            return copy;
        }
        return node;
    }
}
