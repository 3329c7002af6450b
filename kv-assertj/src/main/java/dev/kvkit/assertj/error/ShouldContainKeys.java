package dev.kvkit.assertj.error;

import java.util.List;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that a list page contains the given key names.
 *
 * @since 0.1.0
 */
public final class ShouldContainKeys extends BasicErrorMessageFactory {

    private ShouldContainKeys(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the page
     * @param expected the key names it should contain
     * @param missing the ones it does not contain
     * @return the message factory
     */
    public static ErrorMessageFactory shouldContainKeys(Object actual, List<String> expected, List<String> missing) {
        return new ShouldContainKeys(
                "%nExpecting actual:%n  %s%nto contain key names:%n  %s%nbut could not find:%n  %s",
                actual, expected, missing);
    }
}
