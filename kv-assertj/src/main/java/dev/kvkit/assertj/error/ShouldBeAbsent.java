package dev.kvkit.assertj.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that a read found no value.
 *
 * @since 0.1.0
 */
public final class ShouldBeAbsent extends BasicErrorMessageFactory {

    private ShouldBeAbsent(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the result
     * @return the message factory
     */
    public static ErrorMessageFactory shouldBeAbsent(Object actual) {
        return new ShouldBeAbsent(
                "%nExpecting actual:%n  %s%nto hold no value (a missing or expired key) but it holds one", actual);
    }
}
