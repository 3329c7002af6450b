package dev.kvkit.assertj.error;

import java.util.List;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that a namespace holds no keys.
 *
 * @since 0.1.0
 */
public final class ShouldBeEmpty extends BasicErrorMessageFactory {

    private ShouldBeEmpty(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the namespace
     * @param keys the keys it holds
     * @return the message factory
     */
    public static ErrorMessageFactory shouldBeEmpty(Object actual, List<String> keys) {
        KeyCounts.Listed held = KeyCounts.listed(keys);
        return new ShouldBeEmpty(
                "%nExpecting actual:%n  %s%nto be empty but it holds " + KeyCounts.keys(keys.size()) + ":%n  "
                        + held.format(),
                held.between(List.of(actual), List.of()));
    }
}
