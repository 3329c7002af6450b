package dev.kvkit.assertj.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that a list page has no cursor.
 *
 * @since 0.1.0
 */
public final class ShouldHaveNoCursor extends BasicErrorMessageFactory {

    private ShouldHaveNoCursor(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the page
     * @param cursor the cursor found
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveNoCursor(Object actual, String cursor) {
        return new ShouldHaveNoCursor("%nExpecting actual:%n  %s%nto have no cursor but it has:%n  %s", actual, cursor);
    }
}
