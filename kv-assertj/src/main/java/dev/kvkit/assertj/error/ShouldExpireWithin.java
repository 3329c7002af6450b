package dev.kvkit.assertj.error;

import java.time.Duration;
import java.time.Instant;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that an entry expires within a duration from the
 * namespace's clock.
 *
 * @since 0.1.0
 */
public final class ShouldExpireWithin extends BasicErrorMessageFactory {

    private ShouldExpireWithin(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the entry
     * @param duration the duration
     * @param now the instant the duration is counted from
     * @param found the expiration found, or {@code null} when it never expires
     * @return the message factory
     */
    // Durations in ISO form (PT10M): AssertJ's own form (10M) reads as months or millions.
    public static ErrorMessageFactory shouldExpireWithin(Object actual, Duration duration, Instant now, Instant found) {
        String expecting = "%nExpecting actual:%n  %s%nto expire within %s of %s, by:%n  %s%n";
        return found == null
                ? new ShouldExpireWithin(
                        expecting + "but it never expires",
                        actual,
                        unquotedString(duration.toString()),
                        now,
                        now.plus(duration))
                : new ShouldExpireWithin(
                        expecting + "but it expires at:%n  %s",
                        actual,
                        unquotedString(duration.toString()),
                        now,
                        now.plus(duration),
                        found);
    }
}
