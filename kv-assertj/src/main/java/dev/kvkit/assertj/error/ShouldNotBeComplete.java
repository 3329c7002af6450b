package dev.kvkit.assertj.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that more keys follow a list page.
 *
 * @since 0.1.0
 */
public final class ShouldNotBeComplete extends BasicErrorMessageFactory {

    private ShouldNotBeComplete(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the page
     * @return the message factory
     */
    public static ErrorMessageFactory shouldNotBeComplete(Object actual) {
        return new ShouldNotBeComplete(
                "%nExpecting actual:%n  %s%nnot to be complete (more keys to follow) but it is the last page", actual);
    }
}
