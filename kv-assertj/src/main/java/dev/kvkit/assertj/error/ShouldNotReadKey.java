package dev.kvkit.assertj.error;

import java.time.Instant;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that a location reads no value at a key. When the
 * location serves a stale value from its cache, the message says until when and what the
 * namespace holds.
 *
 * @since 0.1.0
 */
public final class ShouldNotReadKey extends BasicErrorMessageFactory {

    private ShouldNotReadKey(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the location
     * @param key the key
     * @param read what the location reads at the key
     * @param current what the namespace holds at the key, or {@code null}
     * @param cachedUntil until when the location serves {@code read} from its cache, or {@code null}
     *     when it is the namespace's current value
     * @return the message factory
     */
    public static ErrorMessageFactory shouldNotReadKey(
            Object actual, String key, Object read, Object current, Instant cachedUntil) {
        return new ShouldNotReadKey(
                "%nExpecting actual:%n  %s%nnot to read a value at key:%n  %s%n" + LocationRead.format(cachedUntil),
                LocationRead.join(new Object[] {actual, key}, LocationRead.arguments(read, current, cachedUntil)));
    }
}
