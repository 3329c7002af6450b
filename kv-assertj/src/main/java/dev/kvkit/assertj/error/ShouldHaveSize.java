package dev.kvkit.assertj.error;

import java.util.List;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that a namespace or a list page holds a number of keys.
 *
 * @since 0.1.0
 */
public final class ShouldHaveSize extends BasicErrorMessageFactory {

    private ShouldHaveSize(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the namespace or page
     * @param expected the expected number of keys
     * @param keys the keys it holds
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveSize(Object actual, int expected, List<String> keys) {
        KeyCounts.Listed held = KeyCounts.listed(keys);
        return new ShouldHaveSize(
                "%nExpecting actual:%n  %s%nto hold " + KeyCounts.keys(expected) + " but holds " + keys.size() + ":%n  "
                        + held.format(),
                held.between(List.of(actual), List.of()));
    }
}
