package dev.kvkit.assertj.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that a list page has a cursor.
 *
 * @since 0.1.0
 */
public final class ShouldHaveCursor extends BasicErrorMessageFactory {

    private ShouldHaveCursor(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the page
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveCursor(Object actual) {
        return new ShouldHaveCursor("%nExpecting actual:%n  %s%nto have a cursor but it has none", actual);
    }
}
