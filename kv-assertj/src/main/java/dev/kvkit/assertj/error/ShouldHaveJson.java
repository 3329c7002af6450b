package dev.kvkit.assertj.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that a value is the given JSON, compared as JSON.
 *
 * @since 0.1.0
 */
public final class ShouldHaveJson extends BasicErrorMessageFactory {

    private ShouldHaveJson(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the namespace or entry
     * @param key the key of the value
     * @param expectedJson the expected JSON, as text
     * @param foundJson the JSON found, as text
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveJson(Object actual, String key, String expectedJson, String foundJson) {
        return new ShouldHaveJson(
                "%nExpecting actual:%n  %s%nto hold at key %s JSON equal to:%n  %s%nbut was:%n  %s",
                actual, key, unquotedString(expectedJson), unquotedString(foundJson));
    }
}
