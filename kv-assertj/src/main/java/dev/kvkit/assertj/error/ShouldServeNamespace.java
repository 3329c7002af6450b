package dev.kvkit.assertj.error;

import java.util.List;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that a {@code KvApiServer} serves a namespace.
 *
 * @since 0.1.0
 */
public final class ShouldServeNamespace extends BasicErrorMessageFactory {

    private ShouldServeNamespace(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the server
     * @param title the title looked for
     * @param titles the titles it serves
     * @return the message factory
     */
    public static ErrorMessageFactory shouldServeNamespace(Object actual, String title, List<String> titles) {
        return new ShouldServeNamespace(
                "%nExpecting actual:%n  %s%nto serve a namespace titled:%n  %s%nbut it serves:%n  %s",
                actual, title, titles);
    }
}
