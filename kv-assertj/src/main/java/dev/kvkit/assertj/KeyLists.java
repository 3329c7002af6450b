package dev.kvkit.assertj;

import static dev.kvkit.assertj.error.ShouldContainExactlyKeys.shouldContainExactlyKeys;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/** Comparisons of key-name lists shared by the namespace and list page asserts. */
final class KeyLists {

    private KeyLists() {}

    /**
     * Fails, with both lists for an IDE diff and what is missing and unexpected, unless {@code found}
     * is exactly {@code expected}, in order.
     */
    static void checkExactly(AbstractAssert<?, ?> self, Object actual, List<String> expected, List<String> found) {
        if (!found.equals(expected)) {
            throw Failing.withDiff(
                    self,
                    shouldContainExactlyKeys(actual, expected, found, minus(expected, found), minus(found, expected)),
                    found,
                    expected);
        }
    }

    /** Returns {@code from} without the names in {@code removed}, in order. */
    static List<String> minus(List<String> from, List<String> removed) {
        List<String> rest = new ArrayList<>(from);
        rest.removeAll(removed);
        return rest;
    }
}
