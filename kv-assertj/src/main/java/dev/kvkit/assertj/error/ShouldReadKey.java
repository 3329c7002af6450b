package dev.kvkit.assertj.error;

import java.time.Instant;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that a location reads a value at a key. When the
 * location serves a cached miss, the message says until when and what the namespace holds.
 *
 * @since 0.1.0
 */
public final class ShouldReadKey extends BasicErrorMessageFactory {

    private ShouldReadKey(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the location
     * @param key the key
     * @param current what the namespace holds at the key, or {@code null}
     * @param cachedUntil until when the location serves its cached miss, or {@code null} when the
     *     namespace holds no value either
     * @return the message factory
     */
    public static ErrorMessageFactory shouldReadKey(Object actual, String key, Object current, Instant cachedUntil) {
        return new ShouldReadKey(
                "%nExpecting actual:%n  %s%nto read a value at key:%n  %s%n" + LocationRead.format(cachedUntil),
                LocationRead.join(new Object[] {actual, key}, LocationRead.arguments(null, current, cachedUntil)));
    }
}
