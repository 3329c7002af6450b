package dev.kvkit.assertj.error;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The end every location message shares: what the location reads at the key and, when that is a
 * stale answer from its cache, until when it serves it and what the namespace holds meanwhile. The
 * second half is the whole point of a location failure: it says whether the test met a stale read.
 */
final class LocationRead {

    /** How an absent value shows, unquoted, so that it cannot be taken for the text {@code "null"}. */
    private static final String NO_VALUE = "no value";

    private LocationRead() {}

    /** The format of the end, to append to the message's own beginning; starts with {@code but}. */
    static String format(Instant cachedUntil) {
        return cachedUntil == null
                ? "but it reads:%n  %s"
                : "but it reads from its cache, until %s:%n  %s%nwhile the namespace holds:%n  %s";
    }

    /** The arguments of {@link #format(Instant)}: {@code null} values show as {@code no value}. */
    static List<Object> arguments(Object read, Object current, Instant cachedUntil) {
        List<Object> arguments = new ArrayList<>();
        if (cachedUntil != null) {
            arguments.add(cachedUntil);
        }
        arguments.add(orNoValue(read));
        if (cachedUntil != null) {
            arguments.add(orNoValue(current));
        }
        return arguments;
    }

    static Object[] join(Object[] first, List<Object> rest) {
        List<Object> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all.toArray();
    }

    private static Object orNoValue(Object value) {
        return value == null ? new Unquoted(NO_VALUE) : value;
    }

    /** Shown as its text, without quotes: AssertJ's representation falls back to toString. */
    private record Unquoted(String text) {
        @Override
        public String toString() {
            return text;
        }
    }
}
