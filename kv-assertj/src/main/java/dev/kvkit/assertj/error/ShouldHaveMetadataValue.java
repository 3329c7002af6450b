package dev.kvkit.assertj.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that metadata holds the given value at a JSON pointer.
 *
 * @since 0.1.0
 */
public final class ShouldHaveMetadataValue extends BasicErrorMessageFactory {

    private ShouldHaveMetadataValue(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the entry, list key or result
     * @param pointer the JSON pointer, such as {@code "/owner/id"}
     * @param expectedJson the expected value, as JSON text
     * @param foundJson the value found, as JSON text, or a description of why there is none
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveMetadataValue(
            Object actual, String pointer, String expectedJson, String foundJson) {
        return new ShouldHaveMetadataValue(
                "%nExpecting actual:%n  %s%nto have in its metadata at %s:%n  %s%nbut had:%n  %s",
                actual, pointer, unquotedString(expectedJson), unquotedString(foundJson));
    }
}
