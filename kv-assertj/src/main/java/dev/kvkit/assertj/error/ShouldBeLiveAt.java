package dev.kvkit.assertj.error;

import java.time.Instant;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that an entry is live at an instant.
 *
 * @since 0.1.0
 */
public final class ShouldBeLiveAt extends BasicErrorMessageFactory {

    private ShouldBeLiveAt(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the entry
     * @param instant when the entry should be live
     * @param expiration when it expires
     * @return the message factory
     */
    public static ErrorMessageFactory shouldBeLiveAt(Object actual, Instant instant, Instant expiration) {
        return new ShouldBeLiveAt(
                "%nExpecting actual:%n  %s%nto be live at:%n  %s%nbut it expires at:%n  %s",
                actual, instant, expiration);
    }
}
