package dev.kvkit.assertj.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that a {@code KvApiServer} answered a number of requests
 * of an operation.
 *
 * @since 0.1.0
 */
public final class ShouldHaveReceived extends BasicErrorMessageFactory {

    private ShouldHaveReceived(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the server
     * @param operation the operation
     * @param expected the expected number of requests
     * @param received the number received
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveReceived(Object actual, Object operation, int expected, long received) {
        return new ShouldHaveReceived(
                "%nExpecting actual:%n  %s%nto have received %s %s requests but it received %s",
                actual, expected, operation, unquotedString(String.valueOf(received)));
    }
}
