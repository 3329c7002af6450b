package dev.kvkit.assertj.error;

import java.util.List;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that a namespace or a list page contains a key. The
 * message names what is held instead and the key names nearest to the missing one, since a missing
 * key is most often a typo or a wrong prefix.
 *
 * @since 0.1.0
 */
public final class ShouldContainKey extends BasicErrorMessageFactory {

    /** How many held keys a message lists; a namespace may hold thousands. */
    static final int MAX_LISTED_KEYS = 20;

    private ShouldContainKey(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the namespace or page
     * @param key the missing key
     * @param held the keys held, in list order
     * @param nearest the held key names nearest to {@code key}, nearest first
     * @return the message factory
     */
    public static ErrorMessageFactory shouldContainKey(
            Object actual, String key, List<String> held, List<String> nearest) {
        String expecting = "%nExpecting actual:%n  %s%nto contain key:%n  %s%n";
        if (held.isEmpty()) {
            return new ShouldContainKey(expecting + "but it holds no keys", actual, key);
        }
        if (held.size() > MAX_LISTED_KEYS) {
            return new ShouldContainKey(
                    expecting + "but it holds " + KeyCounts.keys(held.size())
                            + ", the first %s being:%n  %s%nnearest key names:%n  %s",
                    actual,
                    key,
                    MAX_LISTED_KEYS,
                    held.subList(0, MAX_LISTED_KEYS),
                    nearest);
        }
        return new ShouldContainKey(
                expecting + "but it holds " + KeyCounts.keys(held.size()) + ":%n  %s%nnearest key names:%n  %s",
                actual,
                key,
                held,
                nearest);
    }
}
