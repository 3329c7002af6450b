package dev.kvkit.assertj.error;

import java.util.ArrayList;
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
        // What differs comes first: with 250 keys, the two full lists are what nobody reads.
        StringBuilder format =
                new StringBuilder("%nExpecting actual:%n  %s%nto contain exactly these keys, in list order");
        List<Object> arguments = new ArrayList<>(List.of(actual));
        if (missing.isEmpty() && unexpected.isEmpty()) {
            format.append(", and it holds them, but in another order");
        }
        if (!missing.isEmpty()) {
            KeyCounts.Listed listed = KeyCounts.listed(missing);
            format.append("%n")
                    .append(KeyCounts.keys(missing.size()))
                    .append(" not found:%n  ")
                    .append(listed.format());
            arguments.addAll(listed.arguments());
        }
        if (!unexpected.isEmpty()) {
            KeyCounts.Listed listed = KeyCounts.listed(unexpected);
            format.append("%n")
                    .append(KeyCounts.keys(unexpected.size()))
                    .append(" not expected:%n  ")
                    .append(listed.format());
            arguments.addAll(listed.arguments());
        }
        KeyCounts.Listed wanted = KeyCounts.listed(expected);
        format.append("%nexpected ")
                .append(KeyCounts.keys(expected.size()))
                .append(":%n  ")
                .append(wanted.format());
        arguments.addAll(wanted.arguments());
        KeyCounts.Listed held = KeyCounts.listed(found);
        format.append("%nbut it holds ")
                .append(KeyCounts.keys(found.size()))
                .append(":%n  ")
                .append(held.format());
        arguments.addAll(held.arguments());
        return new ShouldContainExactlyKeys(format.toString(), arguments.toArray());
    }
}
