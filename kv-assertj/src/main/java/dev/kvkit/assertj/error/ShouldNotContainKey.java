package dev.kvkit.assertj.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that a namespace does not contain a key.
 *
 * @since 0.1.0
 */
public final class ShouldNotContainKey extends BasicErrorMessageFactory {

    private ShouldNotContainKey(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the namespace
     * @param key the key that should be missing
     * @param held what the namespace holds at that key
     * @return the message factory
     */
    public static ErrorMessageFactory shouldNotContainKey(Object actual, String key, Object held) {
        return new ShouldNotContainKey(
                "%nExpecting actual:%n  %s%nnot to contain key:%n  %s%nbut it holds:%n  %s", actual, key, held);
    }
}
