package dev.kvkit.assertj.error;

import java.util.List;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that a namespace or a list page holds exactly the given
 * keys, in list order (UTF-8 byte order).
 *
 * @since 0.1.0
 */
public final class ShouldContainExactlyKeys extends BasicErrorMessageFactory {

    private ShouldContainExactlyKeys(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the namespace or page
     * @param expected the expected keys, in order
     * @param found the keys found, in order
     * @param missing the expected keys not found
     * @param unexpected the keys found but not expected
     * @return the message factory
     */
    public static ErrorMessageFactory shouldContainExactlyKeys(
            Object actual, List<String> expected, List<String> found, List<String> missing, List<String> unexpected) {
        String format =
                "%nExpecting actual:%n  %s%nto contain exactly these keys, in list order:%n  %s%nbut it holds:%n  %s";
        if (missing.isEmpty() && unexpected.isEmpty()) {
            return new ShouldContainExactlyKeys(
                    format + "%nwhich are the same keys in another order", actual, expected, found);
        }
        if (unexpected.isEmpty()) {
            return new ShouldContainExactlyKeys(format + "%nkeys not found:%n  %s", actual, expected, found, missing);
        }
        if (missing.isEmpty()) {
            return new ShouldContainExactlyKeys(
                    format + "%nkeys not expected:%n  %s", actual, expected, found, unexpected);
        }
        return new ShouldContainExactlyKeys(
                format + "%nkeys not found:%n  %s%nkeys not expected:%n  %s",
                actual,
                expected,
                found,
                missing,
                unexpected);
    }
}
