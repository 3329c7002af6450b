package dev.kvkit.miniflare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Shrinks a failing sequence to a short one that still fails: first whole runs of steps are dropped
 * (halves, quarters, ... single steps), then each remaining step is simplified (options dropped,
 * values and key lists shortened, clock moves halved), until nothing more can go or the budget of
 * re-runs is spent. Cursor references ({@code cursorFrom}) follow the steps they point at.
 */
final class Shrinker {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String[] OPTIONAL = {
        "expiration",
        "expirationTtl",
        "metadata",
        "cacheTtl",
        "type",
        "prefix",
        "limit",
        "cursorFrom",
        "cursor",
        "withMetadata"
    };

    private final Predicate<Sequence> fails;
    private int budget;

    private Shrinker(Predicate<Sequence> fails, int budget) {
        this.fails = fails;
        this.budget = budget;
    }

    static Sequence shrink(Sequence failing, Predicate<Sequence> fails, int budget) {
        return new Shrinker(fails, budget).shrink(failing);
    }

    private boolean test(Sequence candidate) {
        if (budget <= 0) {
            return false;
        }
        budget--;
        return fails.test(candidate);
    }

    private Sequence shrink(Sequence sequence) {
        boolean progress = true;
        while (progress && budget > 0) {
            progress = false;
            for (int chunk = Math.max(1, sequence.steps().size() / 2); chunk >= 1; chunk /= 2) {
                for (int from = 0; from + chunk <= sequence.steps().size(); ) {
                    Sequence candidate = without(sequence, from, chunk);
                    if (test(candidate)) {
                        sequence = candidate;
                        progress = true;
                    } else {
                        from += chunk;
                    }
                }
                if (chunk == 1) {
                    break;
                }
            }
            for (int i = 0; i < sequence.steps().size(); i++) {
                for (JsonNode simpler : simplifications(sequence.steps().get(i))) {
                    Sequence candidate = replaced(sequence, i, simpler);
                    if (test(candidate)) {
                        sequence = candidate;
                        progress = true;
                        break;
                    }
                }
            }
        }
        return sequence;
    }

    /** The sequence without steps [from, from + count), cursor references renumbered or dropped. */
    static Sequence without(Sequence sequence, int from, int count) {
        ArrayNode steps = JSON.arrayNode();
        for (int i = 0; i < sequence.steps().size(); i++) {
            if (i >= from && i < from + count) {
                continue;
            }
            ObjectNode step = sequence.steps().get(i).deepCopy();
            if (step.has("cursorFrom")) {
                int target = step.get("cursorFrom").asInt();
                if (target >= from && target < from + count) {
                    step.remove("cursorFrom");
                } else if (target >= from + count) {
                    step.put("cursorFrom", target - count);
                }
            }
            steps.add(step);
        }
        return new Sequence(sequence.startMillis(), steps);
    }

    private static Sequence replaced(Sequence sequence, int index, JsonNode step) {
        ArrayNode steps = sequence.steps().deepCopy();
        steps.set(index, step);
        return new Sequence(sequence.startMillis(), steps);
    }

    private static List<JsonNode> simplifications(JsonNode step) {
        List<JsonNode> simpler = new ArrayList<>();
        for (String field : OPTIONAL) {
            if (step.has(field)) {
                ObjectNode copy = step.deepCopy();
                copy.remove(field);
                simpler.add(copy);
            }
        }
        JsonNode value = step.get("value");
        if (value != null) {
            String kind = value.path("kind").asText();
            if (!kind.equals("text")) {
                ObjectNode copy = step.deepCopy();
                String text = new String(
                        java.util.Base64.getDecoder()
                                .decode(value.path("base64").asText()),
                        java.nio.charset.StandardCharsets.UTF_8);
                copy.putObject("value").put("kind", "text").put("text", text);
                simpler.add(copy);
            } else {
                String text = value.path("text").asText();
                for (String shorter : List.of("", "v", text.substring(0, text.length() / 2))) {
                    if (shorter.length() < text.length()) {
                        ObjectNode copy = step.deepCopy();
                        copy.putObject("value").put("kind", "text").put("text", shorter);
                        simpler.add(copy);
                    }
                }
            }
        }
        JsonNode keys = step.get("keys");
        if (keys != null && keys.size() > 1) {
            for (int half : new int[] {1, keys.size() / 2}) {
                for (int offset : new int[] {0, keys.size() - half}) {
                    ObjectNode copy = step.deepCopy();
                    ArrayNode fewer = copy.putArray("keys");
                    for (int i = offset; i < offset + half; i++) {
                        fewer.add(keys.get(i));
                    }
                    simpler.add(copy);
                }
            }
            for (int i = 0; i < keys.size() && keys.size() <= 12; i++) {
                ObjectNode copy = step.deepCopy();
                ((ArrayNode) copy.get("keys")).remove(i);
                simpler.add(copy);
            }
        }
        if (step.path("op").asText().equals("clock")) {
            long millis = step.get("millis").asLong();
            if (Math.abs(millis) > 1000 && millis % 1000 != 0) {
                simpler.add(((ObjectNode) step.deepCopy()).put("millis", millis / 1000 * 1000));
            }
        }
        return simpler;
    }
}
