package dev.kvkit.assertj.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that a read reports the given cache status.
 *
 * @since 0.1.0
 */
public final class ShouldHaveCacheStatus extends BasicErrorMessageFactory {

    private ShouldHaveCacheStatus(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the result
     * @param expected the expected status, such as {@code "HIT"}
     * @param found the status found
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveCacheStatus(Object actual, String expected, String found) {
        return new ShouldHaveCacheStatus(
                "%nExpecting actual:%n  %s%nto have cache status:%n  %s%nbut had:%n  %s", actual, expected, found);
    }
}
