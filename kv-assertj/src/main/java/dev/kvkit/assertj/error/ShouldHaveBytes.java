package dev.kvkit.assertj.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that a value is the given bytes.
 *
 * @since 0.1.0
 */
public final class ShouldHaveBytes extends BasicErrorMessageFactory {

    private ShouldHaveBytes(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the entry
     * @param key the key of the value
     * @param expected the expected bytes
     * @param found the bytes found
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveBytes(Object actual, String key, byte[] expected, byte[] found) {
        return new ShouldHaveBytes(
                "%nExpecting actual:%n  %s%nto hold at key %s the bytes:%n  %s%nbut was:%n  %s",
                actual, key, expected, found);
    }
}
