package dev.kvkit.assertj.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that a value is the given text.
 *
 * @since 0.1.0
 */
public final class ShouldHaveText extends BasicErrorMessageFactory {

    private ShouldHaveText(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the namespace, entry or result
     * @param key the key of the value
     * @param expected the expected text
     * @param found the text found
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveText(Object actual, String key, String expected, String found) {
        return new ShouldHaveText(
                "%nExpecting actual:%n  %s%nto hold at key %s the text:%n  %s%nbut was:%n  %s",
                actual, key, expected, found);
    }
}
