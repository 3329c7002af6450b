package dev.kvkit.assertj.error;

import java.util.List;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the messages of failed assertions about the warnings of a {@code KvApiServer}.
 *
 * @since 0.1.0
 */
public final class ShouldHaveServerWarnings extends BasicErrorMessageFactory {

    private ShouldHaveServerWarnings(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message for a server that warned although none was expected.
     *
     * @param actual the server
     * @param warnings its warnings, each with its request
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveNoWarnings(Object actual, List<String> warnings) {
        return new ShouldHaveServerWarnings(
                "%nExpecting actual:%n  %s%nto have warned about no request but it warned:%n  %s", actual, warnings);
    }

    /**
     * Creates the message for a server that never gave the expected warning.
     *
     * @param actual the server
     * @param text the text expected in a warning
     * @param warnings its warnings, each with its request
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveWarningContaining(Object actual, String text, List<String> warnings) {
        return new ShouldHaveServerWarnings(
                "%nExpecting actual:%n  %s%nto have given a warning containing:%n  %s%nbut its warnings were:%n  %s",
                actual, text, warnings);
    }
}
