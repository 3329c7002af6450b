package dev.kvkit.assertj.error;

import java.time.Instant;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that a location sees a key's current value from a
 * given instant.
 *
 * @since 0.1.0
 */
public final class ShouldSeeCurrentValueFrom extends BasicErrorMessageFactory {

    private ShouldSeeCurrentValueFrom(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the location
     * @param key the key
     * @param expected the expected instant
     * @param found the instant from which the location sees the current value
     * @return the message factory
     */
    public static ErrorMessageFactory shouldSeeCurrentValueFrom(
            Object actual, String key, Instant expected, Instant found) {
        return new ShouldSeeCurrentValueFrom(
                "%nExpecting actual:%n  %s%nto see the current value of key %s from:%n  %s%nbut sees it from:%n  %s",
                actual, key, expected, found);
    }
}
