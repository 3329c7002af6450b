package dev.kvkit.miniflare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvkit.GetOptions;
import dev.kvkit.KvBinding;
import dev.kvkit.KvListKey;
import dev.kvkit.KvListPage;
import dev.kvkit.KvType;
import dev.kvkit.KvValueWithMetadata;
import dev.kvkit.ListOptions;
import dev.kvkit.PutOptions;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.KvLimits;
import dev.kvkit.fake.TestClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Runs a {@link Sequence} step by step on a {@link KvBinding} whose clock starts at the sequence's
 * start (by default a fresh {@link FakeKvNamespace} on a {@link TestClock}), and maps every result
 * and exception to the shape of {@link Outcomes}, the shape the Worker's answers are mapped to as
 * well.
 */
final class SequenceRunner {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final KvLimits limits;
    private final ObjectMapper mapper;

    /** What else a fresh fake is built with, beside the clock and the limits. */
    private final UnaryOperator<FakeKvNamespace.Builder> settings;

    SequenceRunner(KvLimits limits, ObjectMapper mapper) {
        this(limits, mapper, UnaryOperator.identity());
    }

    SequenceRunner(KvLimits limits, ObjectMapper mapper, UnaryOperator<FakeKvNamespace.Builder> settings) {
        this.limits = limits;
        this.mapper = mapper;
        this.settings = settings;
    }

    /** A fresh fake namespace on {@code clock}, built as this runner builds its own. */
    FakeKvNamespace namespace(TestClock clock, KvLimits limits) {
        return settings.apply(FakeKvNamespace.builder().clock(clock).limits(limits))
                .build();
    }

    KvLimits limits() {
        return limits;
    }

    /** Runs the sequence on a fresh fake namespace with this runner's limits. */
    List<ObjectNode> run(Sequence sequence) {
        TestClock clock = TestClock.at(Instant.ofEpochMilli(sequence.startMillis()));
        return run(sequence, namespace(clock, limits), clock::advance);
    }

    /**
     * The first step at which {@code actual} differs from what a fresh fake gives for the sequence,
     * as a line naming the step and both outcomes, or null when every step agrees.
     *
     * @param side what {@code actual} came from, for the line
     */
    String firstDifference(Sequence sequence, List<ObjectNode> actual, String side) {
        List<ObjectNode> expected = run(sequence);
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                return "step " + i + " " + sequence.steps().get(i) + "\n    fake: " + expected.get(i) + "\n    " + side
                        + ": " + actual.get(i);
            }
        }
        return null;
    }

    /**
     * Runs the sequence on {@code kv}, an empty namespace whose clock reads the sequence's start, and
     * moves that clock with {@code advance} at each clock step.
     */
    List<ObjectNode> run(Sequence sequence, KvBinding kv, Consumer<Duration> advance) {
        Map<Integer, String> cursors = new HashMap<>();
        List<ObjectNode> outcomes = new ArrayList<>();
        ArrayNode steps = sequence.steps();
        for (int index = 0; index < steps.size(); index++) {
            JsonNode step = steps.get(index);
            try {
                outcomes.add(Outcomes.ok(run(kv, advance, step, index, cursors)));
            } catch (RuntimeException e) {
                outcomes.add(Outcomes.error(e));
            }
        }
        return outcomes;
    }

    private JsonNode run(
            KvBinding kv, Consumer<Duration> advance, JsonNode step, int index, Map<Integer, String> cursors) {
        String key = step.path("key").isTextual() ? step.get("key").asText() : null;
        switch (step.path("op").asText()) {
            case "put" -> {
                PutOptions options = PutOptions.defaults();
                if (step.has("expiration")) {
                    options = options.withExpiration(step.get("expiration").asLong());
                }
                if (step.has("expirationTtl")) {
                    options =
                            options.withExpirationTtl(step.get("expirationTtl").asLong());
                }
                if (step.has("metadata")) {
                    JsonNode metadata = step.get("metadata");
                    // JavaScript's null is Java's null: no metadata.
                    options = options.withMetadata(metadata.isNull() ? null : metadata);
                }
                JsonNode value = step.get("value");
                switch (value.path("kind").asText()) {
                    case "text" -> kv.put(key, value.get("text").asText(), options);
                    case "bytes" -> kv.put(key, decode(value), options);
                    case "stream" -> kv.put(key, new ByteArrayInputStream(decode(value)), options);
                    default -> throw new IllegalStateException("unknown value kind in " + step);
                }
                return JSON.nullNode();
            }
            case "get" -> {
                return read(kv.get(key, type(step), getOptions(step)));
            }
            case "getWithMetadata" -> {
                KvValueWithMetadata<?> result = kv.getWithMetadata(key, type(step), getOptions(step));
                ObjectNode json = JSON.objectNode();
                json.set("value", read(result.value()));
                json.set("metadata", result.metadata());
                json.put("cacheStatus", result.cacheStatus());
                return json;
            }
            case "getBulk" -> {
                List<String> keys = new ArrayList<>();
                step.get("keys").forEach(k -> keys.add(k.asText()));
                ArrayNode entries = JSON.arrayNode();
                if (step.path("withMetadata").asBoolean()) {
                    for (Map.Entry<String, ? extends KvValueWithMetadata<?>> entry : kv.getWithMetadata(
                                    keys, type(step), getOptions(step))
                            .entrySet()) {
                        ArrayNode pair = entries.addArray().add(entry.getKey());
                        KvValueWithMetadata<?> value = entry.getValue();
                        if (value == null || value.value() == null) {
                            pair.addNull();
                        } else {
                            ObjectNode json = pair.addObject();
                            json.set("value", read(value.value()));
                            json.set("metadata", value.metadata());
                        }
                    }
                } else {
                    for (Map.Entry<String, ?> entry :
                            kv.get(keys, type(step), getOptions(step)).entrySet()) {
                        entries.addArray().add(entry.getKey()).add(read(entry.getValue()));
                    }
                }
                return entries;
            }
            case "delete" -> {
                kv.delete(key);
                return JSON.nullNode();
            }
            case "list" -> {
                ListOptions options = ListOptions.defaults();
                if (step.has("prefix")) {
                    options = options.withPrefix(step.get("prefix").asText());
                }
                if (step.has("limit")) {
                    options = options.withLimit(step.get("limit").asInt());
                }
                if (step.has("cursorFrom")) {
                    String cursor = cursors.get(step.get("cursorFrom").asInt());
                    if (cursor != null) {
                        options = options.withCursor(cursor);
                    }
                } else if (step.has("cursor")) {
                    options = options.withCursor(step.get("cursor").asText());
                }
                KvListPage page = kv.list(options);
                if (page.cursor() != null && !page.cursor().isEmpty()) {
                    cursors.put(index, page.cursor());
                }
                ObjectNode json = JSON.objectNode();
                ArrayNode keys = json.putArray("keys");
                for (KvListKey listed : page.keys()) {
                    ObjectNode k = keys.addObject().put("name", listed.name());
                    if (listed.expiration() != null) {
                        k.put("expiration", listed.expiration());
                    }
                    if (listed.metadata() != null) {
                        k.set("metadata", listed.metadata());
                    }
                }
                json.put("listComplete", page.listComplete());
                json.put("cursor", page.cursor() != null && !page.cursor().isEmpty());
                return json;
            }
            case "clock" -> {
                advance.accept(Duration.ofMillis(step.get("millis").asLong()));
                return JSON.nullNode();
            }
            default -> throw new IllegalStateException("unknown step " + step);
        }
    }

    private static KvType<?> type(JsonNode step) {
        return switch (step.path("type").asText("text")) {
            case "text" -> KvType.TEXT;
            case "json" -> KvType.JSON;
            case "arrayBuffer" -> KvType.BYTES;
            case "stream" -> KvType.STREAM;
            default -> throw new IllegalStateException("unknown type in " + step);
        };
    }

    private static GetOptions getOptions(JsonNode step) {
        return step.has("cacheTtl")
                ? GetOptions.defaults().withCacheTtl(step.get("cacheTtl").asLong())
                : GetOptions.defaults();
    }

    private JsonNode read(Object value) {
        if (value == null) {
            return JSON.nullNode();
        }
        if (value instanceof String text) {
            return JSON.textNode(text);
        }
        if (value instanceof JsonNode json) {
            return json;
        }
        if (value instanceof byte[] bytes) {
            return JSON.textNode(Base64.getEncoder().encodeToString(bytes));
        }
        if (value instanceof InputStream stream) {
            try (stream) {
                return JSON.textNode(Base64.getEncoder().encodeToString(stream.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return mapper.valueToTree(value);
    }

    private static byte[] decode(JsonNode value) {
        return Base64.getDecoder().decode(value.path("base64").asText().getBytes(StandardCharsets.US_ASCII));
    }
}
