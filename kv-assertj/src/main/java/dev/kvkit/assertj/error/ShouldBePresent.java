package dev.kvkit.assertj.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that a read found a value.
 *
 * @since 0.1.0
 */
public final class ShouldBePresent extends BasicErrorMessageFactory {

    private ShouldBePresent(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the result
     * @return the message factory
     */
    public static ErrorMessageFactory shouldBePresent(Object actual) {
        return new ShouldBePresent(
                "%nExpecting actual:%n  %s%nto hold a value but the key was missing or expired", actual);
    }
}
