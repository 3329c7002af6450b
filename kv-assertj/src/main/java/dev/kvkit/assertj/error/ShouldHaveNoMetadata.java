package dev.kvkit.assertj.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that there is no metadata.
 *
 * @since 0.1.0
 */
public final class ShouldHaveNoMetadata extends BasicErrorMessageFactory {

    private ShouldHaveNoMetadata(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the entry, list key or result
     * @param foundJson the metadata found, as JSON text
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveNoMetadata(Object actual, String foundJson) {
        return new ShouldHaveNoMetadata(
                "%nExpecting actual:%n  %s%nto have no metadata but had:%n  %s", actual, unquotedString(foundJson));
    }
}
