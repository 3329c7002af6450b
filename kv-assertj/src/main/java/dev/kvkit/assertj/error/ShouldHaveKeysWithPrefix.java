package dev.kvkit.assertj.error;

import java.util.List;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that the keys of a namespace starting with a prefix are exactly the given ones.
 *
 * @since 0.1.0
 */
public final class ShouldHaveKeysWithPrefix extends BasicErrorMessageFactory {

    private ShouldHaveKeysWithPrefix(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the namespace
     * @param prefix the prefix
     * @param expected the expected keys with that prefix, in list order
     * @param found the keys with that prefix it holds
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveKeysWithPrefix(
            Object actual, String prefix, List<String> expected, List<String> found) {
        return new ShouldHaveKeysWithPrefix(
                "%nExpecting actual:%n  %s%nto hold exactly these keys with prefix %s, in list order:%n  %s%nbut the keys with that prefix are:%n  %s",
                actual, prefix, expected, found);
    }
}
