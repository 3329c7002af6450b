package dev.kvkit.assertj.error;

import java.time.Duration;
import java.time.Instant;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that a location sees a key's current value within a
 * duration from the namespace's clock.
 *
 * @since 0.1.0
 */
public final class ShouldSeeCurrentValueWithin extends BasicErrorMessageFactory {

    private ShouldSeeCurrentValueWithin(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the location
     * @param key the key
     * @param duration the duration
     * @param now the instant the duration is counted from
     * @param found the instant from which the location sees the current value
     * @return the message factory
     */
    // Durations in ISO form (PT30S), as in ShouldExpireWithin.
    public static ErrorMessageFactory shouldSeeCurrentValueWithin(
            Object actual, String key, Duration duration, Instant now, Instant found) {
        return new ShouldSeeCurrentValueWithin(
                "%nExpecting actual:%n  %s%nto see the current value of key %s within %s of %s, by:%n  %s%n"
                        + "but sees it from:%n  %s",
                actual, key, unquotedString(duration.toString()), now, now.plus(duration), found);
    }
}
