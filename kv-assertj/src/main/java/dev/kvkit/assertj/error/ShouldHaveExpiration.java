package dev.kvkit.assertj.error;

import java.time.Instant;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that an entry or a list key expires at an instant.
 *
 * @since 0.1.0
 */
public final class ShouldHaveExpiration extends BasicErrorMessageFactory {

    private ShouldHaveExpiration(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the entry or list key
     * @param expected the expected expiration
     * @param found the expiration found, or {@code null} when it never expires
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveExpiration(Object actual, Instant expected, Instant found) {
        String expecting = "%nExpecting actual:%n  %s%nto expire at:%n  %s%n";
        return found == null
                ? new ShouldHaveExpiration(expecting + "but it never expires", actual, expected)
                : new ShouldHaveExpiration(expecting + "but it expires at:%n  %s", actual, expected, found);
    }
}
