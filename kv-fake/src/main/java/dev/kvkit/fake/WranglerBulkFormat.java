package dev.kvkit.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvkit.KvException;
import dev.kvkit.PutOptions;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The file {@code wrangler kv bulk put} takes: a JSON array of {@code {"key", "value", "base64",
 * "expiration", "expiration_ttl", "metadata"}}.
 *
 * <p>Import checks every item with the rules of a write before storing any, so a bad file changes
 * nothing. Export writes live entries in key order, values as text where they are valid UTF-8 and as
 * Base64 otherwise, expirations as absolute epoch seconds.
 */
final class WranglerBulkFormat {

    private static final Set<String> FIELDS =
            Set.of("key", "value", "base64", "expiration", "expiration_ttl", "metadata");
    private static final String ALLOWED = "key, value, base64, expiration, expiration_ttl, metadata";

    private WranglerBulkFormat() {}

    /** Parses and checks every item; returns the records to store, in file order (later items win). */
    static Map<String, StoredValue> read(
            String json, ObjectMapper mapper, KvLimits limits, JsonCodec codec, Timeline.Moment moment) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Bulk file is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("Bulk file must hold a JSON array of items, but holds: "
                    + (root == null ? "nothing" : root.getNodeType().toString().toLowerCase()));
        }
        Map<String, StoredValue> records = new LinkedHashMap<>();
        for (int index = 0; index < root.size(); index++) {
            JsonNode item = root.get(index);
            try {
                String key = readItemKey(item);
                records.put(
                        key, WriteRules.prepare(key, () -> value(item), options(item, mapper), moment, limits, codec));
            } catch (IllegalArgumentException | KvException e) {
                throw new IllegalArgumentException("Bulk item " + index + ": " + e.getMessage(), e);
            }
        }
        return records;
    }

    private static String readItemKey(JsonNode item) {
        if (!item.isObject()) {
            throw new IllegalArgumentException("must be an object, but is: "
                    + item.getNodeType().toString().toLowerCase());
        }
        for (Iterator<String> names = item.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field \"" + name + "\"; allowed: " + ALLOWED);
            }
        }
        JsonNode key = item.get("key");
        if (key == null || !key.isTextual()) {
            throw new IllegalArgumentException("\"key\" must be a string");
        }
        return key.asText();
    }

    private static byte[] value(JsonNode item) {
        JsonNode value = item.get("value");
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("\"value\" must be a string");
        }
        JsonNode base64 = item.get("base64");
        if (base64 != null && !base64.isBoolean()) {
            throw new IllegalArgumentException("\"base64\" must be true or false");
        }
        if (base64 != null && base64.booleanValue()) {
            try {
                return Base64.getDecoder().decode(value.asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("\"value\" is not valid Base64: " + e.getMessage(), e);
            }
        }
        return Utf8.encode(value.asText());
    }

    private static PutOptions options(JsonNode item, ObjectMapper mapper) {
        PutOptions options = PutOptions.defaults();
        JsonNode expiration = item.get("expiration");
        if (expiration != null && !expiration.isNull()) {
            options = options.withExpiration(integer("expiration", expiration));
        }
        JsonNode ttl = item.get("expiration_ttl");
        if (ttl != null && !ttl.isNull()) {
            options = options.withExpirationTtl(integer("expiration_ttl", ttl));
        }
        JsonNode metadata = item.get("metadata");
        if (metadata != null && !metadata.isNull()) {
            options = options.withMetadata(metadata);
        }
        return options;
    }

    private static long integer(String field, JsonNode node) {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new IllegalArgumentException(
                    "\"" + field + "\" must be an integer number of seconds, but was: " + node);
        }
        return node.longValue();
    }

    /** Writes the live entries as a bulk file, pretty-printed. */
    static String write(List<Map.Entry<String, StoredValue>> entries, ObjectMapper mapper, JsonCodec codec) {
        ArrayNode items = mapper.createArrayNode();
        for (Map.Entry<String, StoredValue> entry : entries) {
            StoredValue stored = entry.getValue();
            ObjectNode item = items.addObject();
            item.put("key", entry.getKey());
            if (Utf8.isWellFormed(stored.value)) {
                item.put("value", new String(stored.value, StandardCharsets.UTF_8));
            } else {
                item.put("value", Base64.getEncoder().encodeToString(stored.value));
                item.put("base64", true);
            }
            if (stored.expires()) {
                item.put("expiration", stored.expirationSeconds());
            }
            if (stored.metadataJson != null) {
                item.set("metadata", codec.tree(stored.metadataJson));
            }
        }
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(items) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the bulk file", e);
        }
    }
}
