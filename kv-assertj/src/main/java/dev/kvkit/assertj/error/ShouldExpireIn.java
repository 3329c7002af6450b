package dev.kvkit.assertj.error;

import java.time.Duration;
import java.time.Instant;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that an entry expires exactly a duration after the
 * namespace's clock's instant.
 *
 * @since 0.1.0
 */
public final class ShouldExpireIn extends BasicErrorMessageFactory {

    private ShouldExpireIn(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the entry
     * @param remaining the expected remaining time
     * @param now the instant it is counted from
     * @param expected the expiration expected
     * @param found the expiration found, or {@code null} when it never expires
     * @return the message factory
     */
    public static ErrorMessageFactory shouldExpireIn(
            Object actual, Duration remaining, Instant now, Instant expected, Instant found) {
        String expecting = "%nExpecting actual:%n  %s%nto expire %s after %s, at:%n  %s%n";
        if (found == null) {
            return new ShouldExpireIn(
                    expecting + "but it never expires", actual, unquotedString(remaining.toString()), now, expected);
        }
        return new ShouldExpireIn(
                expecting + "but it expires at:%n  %s%nwhich is %s after it",
                actual,
                unquotedString(remaining.toString()),
                now,
                expected,
                found,
                unquotedString(Duration.between(now, found).toString()));
    }
}
