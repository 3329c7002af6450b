package dev.kvkit.assertj.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that metadata is the given JSON, compared as JSON.
 *
 * @since 0.1.0
 */
public final class ShouldHaveMetadata extends BasicErrorMessageFactory {

    private ShouldHaveMetadata(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the entry, list key or result
     * @param expectedJson the expected metadata, as JSON text
     * @param foundJson the metadata found, as JSON text, or {@code "no metadata"}
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveMetadata(Object actual, String expectedJson, String foundJson) {
        return new ShouldHaveMetadata(
                "%nExpecting actual:%n  %s%nto have metadata equal to:%n  %s%nbut had:%n  %s",
                actual, unquotedString(expectedJson), unquotedString(foundJson));
    }
}
