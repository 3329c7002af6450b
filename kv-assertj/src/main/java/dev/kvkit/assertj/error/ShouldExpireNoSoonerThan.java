package dev.kvkit.assertj.error;

import java.time.Duration;
import java.time.Instant;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that an entry lives on for at least a duration after
 * the namespace's clock's instant.
 *
 * @since 0.1.0
 */
public final class ShouldExpireNoSoonerThan extends BasicErrorMessageFactory {

    private ShouldExpireNoSoonerThan(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the entry
     * @param duration the shortest expected remaining time
     * @param now the instant it is counted from
     * @param found the expiration found
     * @return the message factory
     */
    public static ErrorMessageFactory shouldExpireNoSoonerThan(
            Object actual, Duration duration, Instant now, Instant found) {
        return new ShouldExpireNoSoonerThan(
                "%nExpecting actual:%n  %s%nto live on for at least %s after %s, until:%n  %s%nbut it expires at:%n  %s",
                actual, unquotedString(duration.toString()), now, now.plus(duration), found);
    }
}
