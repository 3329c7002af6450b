package dev.kvkit.assertj.error;

import java.time.Instant;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that a location sees a key's current value now: it
 * serves a stale answer from its cache instead.
 *
 * @since 0.1.0
 */
public final class ShouldSeeCurrentValue extends BasicErrorMessageFactory {

    private ShouldSeeCurrentValue(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the location
     * @param key the key
     * @param read what the location serves from its cache, or {@code null} for a cached miss
     * @param current what the namespace holds, or {@code null}
     * @param cachedUntil until when the location serves {@code read}
     * @return the message factory
     */
    public static ErrorMessageFactory shouldSeeCurrentValue(
            Object actual, String key, Object read, Object current, Instant cachedUntil) {
        return new ShouldSeeCurrentValue(
                "%nExpecting actual:%n  %s%nto see the current value of key:%n  %s%n"
                        + LocationRead.format(cachedUntil),
                LocationRead.join(new Object[] {actual, key}, LocationRead.arguments(read, current, cachedUntil)));
    }
}
