package dev.kvkit.assertj.error;

import java.time.Instant;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that an entry or key never expires.
 *
 * @since 0.1.0
 */
public final class ShouldHaveNoExpiration extends BasicErrorMessageFactory {

    private ShouldHaveNoExpiration(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the entry or list key
     * @param found the expiration found
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveNoExpiration(Object actual, Instant found) {
        return new ShouldHaveNoExpiration(
                "%nExpecting actual:%n  %s%nnever to expire but it expires at:%n  %s", actual, found);
    }
}
