package dev.kvkit.samples;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads instants the application stored as ISO-8601 text in values and metadata. KV holds whatever
 * any tool wrote, so a missing or malformed field is reported with the key it came from.
 */
final class StoredInstants {

    private StoredInstants() {}

    /** Returns the instant in {@code object.field}, failing with the key when it is absent or malformed. */
    static Instant required(JsonNode object, String field, String key) {
        Instant instant = optional(object, field, key);
        if (instant == null) {
            throw new IllegalStateException(
                    key + " has no \"" + field + "\" such as \"2026-01-01T00:00:00Z\" in: " + object);
        }
        return instant;
    }

    /** Returns the instant in {@code object.field}, or null when there is none. */
    static Instant optional(JsonNode object, String field, String key) {
        if (object == null || !object.hasNonNull(field)) {
            return null;
        }
        JsonNode value = object.get(field);
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(
                    key + " has a \"" + field + "\" that is not an ISO-8601 instant such as"
                            + " \"2026-01-01T00:00:00Z\": " + value,
                    e);
        }
    }
}
