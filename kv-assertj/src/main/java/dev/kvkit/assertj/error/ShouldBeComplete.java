package dev.kvkit.assertj.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that a list page is the last one.
 *
 * @since 0.1.0
 */
public final class ShouldBeComplete extends BasicErrorMessageFactory {

    private ShouldBeComplete(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the page
     * @param cursor the page's cursor
     * @return the message factory
     */
    public static ErrorMessageFactory shouldBeComplete(Object actual, String cursor) {
        return new ShouldBeComplete(
                "%nExpecting actual:%n  %s%nto be complete (the last page) but more keys follow from cursor %s",
                actual, cursor);
    }
}
