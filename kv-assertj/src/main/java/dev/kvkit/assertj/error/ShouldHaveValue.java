package dev.kvkit.assertj.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that a read returned the given value.
 *
 * @since 0.1.0
 */
public final class ShouldHaveValue extends BasicErrorMessageFactory {

    private ShouldHaveValue(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the result
     * @param expected the expected value
     * @param found the value found
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveValue(Object actual, Object expected, Object found) {
        return new ShouldHaveValue(
                "%nExpecting actual:%n  %s%nto hold the value:%n  %s%nbut was:%n  %s", actual, expected, found);
    }
}
