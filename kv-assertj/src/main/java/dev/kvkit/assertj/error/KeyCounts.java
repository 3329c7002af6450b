package dev.kvkit.assertj.error;

import java.util.ArrayList;
import java.util.List;

/** How failure messages count and list keys: "1 key", "250 keys", and long lists cut short. */
final class KeyCounts {

    /** The most key names a failure message lists; the rest are counted. */
    static final int MAX_LISTED = 50;

    private KeyCounts() {}

    /** {@code 1 key}, {@code 0 keys}, {@code 250 keys}. */
    static String keys(int count) {
        return count + (count == 1 ? " key" : " keys");
    }

    /**
     * A format for a key list and its arguments: the list as AssertJ prints one, and for a list past
     * {@link #MAX_LISTED} names, its first names and a count of the rest on the next line.
     */
    static Listed listed(List<String> keys) {
        if (keys.size() <= MAX_LISTED) {
            return new Listed("%s", List.of(keys));
        }
        return new Listed("%s%n  ... and %s more", List.of(keys.subList(0, MAX_LISTED), keys.size() - MAX_LISTED));
    }

    /** A piece of a message format and the arguments it takes. */
    record Listed(String format, List<Object> arguments) {

        /** {@code before}, then these arguments, then {@code after}, as one argument array. */
        Object[] between(List<?> before, List<?> after) {
            List<Object> all = new ArrayList<>(before);
            all.addAll(arguments);
            all.addAll(after);
            return all.toArray();
        }
    }
}
