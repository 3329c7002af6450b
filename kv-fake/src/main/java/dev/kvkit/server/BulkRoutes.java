package dev.kvkit.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvkit.KvException;
import dev.kvkit.KvType;
import dev.kvkit.KvValueWithMetadata;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.internal.WorkerUtf8;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bulk routes: write, delete (both the current and the deprecated route) and get (spec section
 * 1.6). A bulk write or delete checks every item before it changes anything, so a refused request
 * leaves the namespace as it was.
 */
final class BulkRoutes {

    private static final Set<String> ITEM_FIELDS =
            Set.of("key", "value", "base64", "expiration", "expiration_ttl", "metadata");

    private final ApiContext context;

    BulkRoutes(ApiContext context) {
        this.context = context;
    }

    void put(Call call) throws IOException {
        NamespaceRegistry.Entry namespace = context.namespace(call, "bulk put");
        FakeKvNamespace kv = namespace.kv;
        JsonNode items = context.json(call);
        if (!items.isArray()) {
            throw ApiError.badRequest("bulk put: 'request body must be a JSON array of key/value pairs'");
        }
        int max = kv.limits().maxRestBulkPairs();
        // The code and text are the real API's; its HTTP status is [U]: 400, as for every other bad request.
        if (items.size() > max) {
            throw new ApiError(
                    400,
                    ApiError.TOO_MANY_BULK_PAIRS,
                    "bulk put: 'received " + items.size() + " key/value pairs, but max allowed per request is: " + max
                            + "'");
        }
        // The fake's import applies the rules of a write to every item before it stores any. It refuses
        // fields wrangler's file format does not have; the API is not known to, so they are dropped here.
        ArrayNode known = Envelope.JSON.createArrayNode();
        for (int index = 0; index < items.size(); index++) {
            JsonNode item = items.get(index);
            if (!item.isObject()) {
                throw ApiError.badRequest("bulk put: item " + index + " must be an object");
            }
            ObjectNode copy = known.addObject();
            for (Iterator<Map.Entry<String, JsonNode>> fields = item.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (ITEM_FIELDS.contains(field.getKey())) {
                    copy.set(field.getKey(), field.getValue());
                } else {
                    call.warn("bulk put: ignored field \"" + field.getKey() + "\" of item " + index);
                }
            }
        }
        call.parts.add(items.size() + " key/value pairs");
        Persistence.Change change = context.persistence.begin();
        try {
            kv.importBulk(Envelope.JSON.writeValueAsString(known));
            // The import stores every item or none: only a stored one has anything to save. In memory there is
            // nothing to note, and the keys are not even gathered.
            if (change != Persistence.Change.NONE) {
                change.keys(namespace, keys(known));
            }
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof KvException refusal) {
                // "Bulk item 3: KV PUT failed: 400 <reason>" becomes "Bulk item 3: <reason>", with the status.
                int colon = e.getMessage().indexOf(": ");
                String item = colon < 0 ? "Bulk item" : e.getMessage().substring(0, colon);
                throw new ApiError(
                        refusal.status(), ServiceErrors.code(refusal.status()), item + ": " + refusal.reason());
            }
            throw ApiError.badRequest(e.getMessage());
        } finally {
            change.save();
        }
        ObjectNode result = Envelope.JSON.createObjectNode();
        result.put("successful_key_count", items.size());
        result.putArray("unsuccessful_keys");
        call.sendSuccess(result);
    }

    private static List<String> keys(ArrayNode items) {
        List<String> keys = new ArrayList<>(items.size());
        items.forEach(item -> keys.add(item.path("key").asText()));
        return keys;
    }

    void delete(Call call) throws IOException {
        NamespaceRegistry.Entry namespace = context.namespace(call, "bulk delete");
        FakeKvNamespace kv = namespace.kv;
        JsonNode keys = context.json(call);
        if (!keys.isArray()) {
            throw ApiError.badRequest("bulk delete: 'request body must be a JSON array of key names'");
        }
        int max = kv.limits().maxRestBulkPairs();
        if (keys.size() > max) {
            throw new ApiError(
                    400,
                    ApiError.TOO_MANY_BULK_PAIRS,
                    "bulk delete: 'received " + keys.size() + " keys, but max allowed per request is: " + max + "'");
        }
        List<String> names = new ArrayList<>(keys.size());
        for (int index = 0; index < keys.size(); index++) {
            if (!keys.get(index).isTextual()) {
                throw ApiError.badRequest("bulk delete: item " + index + " must be a string");
            }
            names.add(keys.get(index).asText());
        }
        call.parts.add(names.size() + " keys");
        // A key a JSON escape gave a lone surrogate travels in no URL, so none can have been written:
        // it counts as deleted, as the client's bulk delete counts it, rather than as a refusal.
        List<String> deletable = names.stream()
                .filter(name -> !WorkerUtf8.hasLoneSurrogate(name))
                .toList();
        // A dry run on an empty namespace with the same limits applies the fake's key rules to every
        // key before any is deleted, so a refused request deletes nothing.
        FakeKvNamespace dryRun = FakeKvNamespace.builder().limits(kv.limits()).build();
        deletable.forEach(dryRun::delete);
        // Missing keys count as deleted [U]: KV's delete is idempotent, and Local Explorer agrees.
        Persistence.Change change = context.persistence.begin();
        try {
            // Noted first: with the write rate enforced, a delete half-way may be refused after others were made.
            change.keys(namespace, deletable);
            deletable.forEach(kv::delete);
        } finally {
            change.save();
        }
        ObjectNode result = Envelope.JSON.createObjectNode();
        result.put("successful_key_count", names.size());
        result.putArray("unsuccessful_keys");
        call.sendSuccess(result);
    }

    void get(Call call) throws IOException {
        FakeKvNamespace kv = context.namespace(call, "bulk get keys").kv;
        JsonNode body = context.json(call);
        if (!body.isObject() || body.get("keys") == null || !body.get("keys").isArray()) {
            throw ApiError.badRequest("bulk get keys: 'request body must be an object with a \"keys\" array'");
        }
        List<String> keys = new ArrayList<>();
        for (JsonNode key : body.get("keys")) {
            if (!key.isTextual()) {
                throw ApiError.badRequest("bulk get keys: 'every key must be a string'");
            }
            keys.add(key.asText());
        }
        KvType<?> type = type(body.get("type"));
        JsonNode withMetadataNode = body.get("withMetadata");
        if (withMetadataNode != null && !withMetadataNode.isNull() && !withMetadataNode.isBoolean()) {
            throw ApiError.badRequest("bulk get keys: 'withMetadata must be true or false'");
        }
        boolean withMetadata = withMetadataNode != null && withMetadataNode.asBoolean();
        call.parts.add(keys.size() + " keys, type " + (type == KvType.TEXT ? "text" : "json")
                + (withMetadata ? ", with metadata" : ""));
        // Read first, then write the answer straight to the generator, with no tree per value.
        Envelope.ResultWriter values =
                withMetadata ? valuesWithMetadata(kv.getWithMetadata(keys, type), kv) : values(kv.get(keys, type));
        call.send(
                200,
                "application/json",
                Envelope.success(
                        json -> {
                            json.writeStartObject();
                            json.writeFieldName("values");
                            values.write(json);
                            json.writeEndObject();
                        },
                        null));
    }

    /** {@code {"key": value, ...}}, a missing key as null. */
    private static Envelope.ResultWriter values(Map<String, ?> reads) {
        return json -> {
            json.writeStartObject();
            for (Map.Entry<String, ?> entry : reads.entrySet()) {
                json.writeFieldName(entry.getKey());
                writeValue(json, entry.getValue());
            }
            json.writeEndObject();
        };
    }

    /** {@code {"key": {"value", "metadata", "expiration"}, ...}}, a missing key as null. */
    private static Envelope.ResultWriter valuesWithMetadata(
            Map<String, ? extends KvValueWithMetadata<?>> reads, FakeKvNamespace kv) {
        return json -> {
            json.writeStartObject();
            for (Map.Entry<String, ? extends KvValueWithMetadata<?>> entry : reads.entrySet()) {
                json.writeFieldName(entry.getKey());
                KvValueWithMetadata<?> read = entry.getValue();
                if (read == null) {
                    json.writeNull();
                    continue;
                }
                json.writeStartObject();
                json.writeFieldName("value");
                writeValue(json, read.value());
                json.writeFieldName("metadata");
                writeValue(json, read.metadata());
                Optional<Instant> expiration = kv.entry(entry.getKey()).flatMap(e -> e.expiration());
                if (expiration.isPresent()) {
                    json.writeNumberField("expiration", expiration.get().getEpochSecond());
                }
                json.writeEndObject();
            }
            json.writeEndObject();
        };
    }

    /** A value as JSON: text as a string, a JSON value (a tree, or what the codec read) as itself. */
    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof JsonNode tree) {
            Envelope.JSON.writeTree(json, tree);
        } else {
            Envelope.JSON.writeValue(json, value);
        }
    }

    /** The {@code type} field: text (the default) or json. Other names get the binding's text. */
    private static KvType<?> type(JsonNode type) {
        if (type == null || type.isNull()) {
            return KvType.TEXT;
        }
        String name = type.isTextual() ? type.asText() : type.toString();
        return switch (name) {
            case "text" -> KvType.TEXT;
            case "json" -> KvType.JSON;
            default -> throw ApiError.badRequest("\"" + name + "\" is not a valid type. Use \"json\" or \"text\"");
        };
    }
}
