package dev.kvkit.assertj.error;

import java.time.Instant;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that an entry has expired at an instant.
 *
 * @since 0.1.0
 */
public final class ShouldBeExpiredAt extends BasicErrorMessageFactory {

    private ShouldBeExpiredAt(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the entry
     * @param instant when the entry should have expired
     * @param expiration when it expires, or {@code null} when it never does
     * @return the message factory
     */
    public static ErrorMessageFactory shouldBeExpiredAt(Object actual, Instant instant, Instant expiration) {
        String expecting = "%nExpecting actual:%n  %s%nto have expired at:%n  %s%n";
        return expiration == null
                ? new ShouldBeExpiredAt(expecting + "but it never expires", actual, instant)
                : new ShouldBeExpiredAt(expecting + "but it expires later, at:%n  %s", actual, instant, expiration);
    }
}
