package dev.kvkit.assertj.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that a value is JSON that decodes to the expected form.
 *
 * @since 0.1.0
 */
public final class ShouldBeJson extends BasicErrorMessageFactory {

    private ShouldBeJson(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the namespace or entry
     * @param key the key of the value
     * @param expectedForm what the value should decode to, such as {@code "JSON"} or a class name
     * @param found the value as text
     * @param problem why it could not be decoded
     * @return the message factory
     */
    public static ErrorMessageFactory shouldBeJson(
            Object actual, String key, String expectedForm, String found, String problem) {
        return new ShouldBeJson(
                "%nExpecting actual:%n  %s%nto hold at key %s a value decodable as %s, but it was:%n  %s%nwhich fails with:%n  %s",
                actual, key, unquotedString(expectedForm), found, unquotedString(problem));
    }
}
