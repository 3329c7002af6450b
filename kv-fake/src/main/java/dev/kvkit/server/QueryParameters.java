package dev.kvkit.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The query string of a request, decoded with form rules ({@code +} is a space, as browsers and
 * curl send it; the SDK sends {@code %20}). A repeated name keeps its first value. A malformed
 * escape is a 400, never a 5xx.
 */
final class QueryParameters {

    private static final QueryParameters NONE = new QueryParameters(Map.of());

    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    static QueryParameters parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return NONE;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String rawValue = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                values.putIfAbsent(PercentDecoding.query(rawName), PercentDecoding.query(rawValue));
            } catch (PercentDecoding.MalformedEncoding e) {
                throw ApiError.badRequest("Malformed query parameter \"" + rawName + "\": " + e.getMessage());
            }
        }
        return new QueryParameters(values);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** Returns the value, or empty when the parameter is absent or empty (clients send {@code prefix=}). */
    Optional<String> nonEmpty(String name) {
        return get(name).filter(value -> !value.isEmpty());
    }

    /**
     * Reads a whole number in {@code min..max}, or {@code fallback} when absent or empty; anything
     * else is refused with the given code and message prefix.
     */
    int integer(String name, int fallback, int min, int max, int code) {
        Optional<String> text = nonEmpty(name);
        if (text.isEmpty()) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text.get());
        } catch (NumberFormatException e) {
            throw new ApiError(
                    400,
                    code,
                    "Invalid " + name + " \"" + text.get() + "\": must be an integer from " + min + " to " + max);
        }
        if (value < min || value > max) {
            throw new ApiError(
                    400,
                    code,
                    "Invalid " + name + " \"" + text.get() + "\": must be an integer from " + min + " to " + max);
        }
        return (int) value;
    }
}
