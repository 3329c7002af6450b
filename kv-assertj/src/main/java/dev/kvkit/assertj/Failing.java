package dev.kvkit.assertj;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.internal.Failures;

/**
 * Builds the failures AssertJ's {@code AbstractAssert} has no method for: a message from a factory
 * together with actual and expected values for an IDE diff. Like AssertJ's own failures, they
 * start at the test's line, not inside kvkit, so that soft assertions report where the failed
 * assertion was written.
 */
final class Failing {

    private Failing() {}

    static AssertionError withDiff(
            AbstractAssert<?, ?> self, ErrorMessageFactory message, Object actual, Object expected) {
        return fromTheTest(self, Failures.instance().failure(self.info, message, actual, expected));
    }

    static AssertionError of(AbstractAssert<?, ?> self, ErrorMessageFactory message) {
        return fromTheTest(self, Failures.instance().failure(self.info, message));
    }

    private static AssertionError fromTheTest(AbstractAssert<?, ?> self, AssertionError error) {
        if (!Failures.instance().isRemoveAssertJRelatedElementsFromStackTrace()) {
            return error;
        }
        Set<String> kvkit = new HashSet<>(
                Set.of(Failing.class.getName(), MetadataChecks.class.getName(), KeyLists.class.getName()));
        for (Class<?> type = self.getClass(); type != AbstractAssert.class; type = type.getSuperclass()) {
            kvkit.add(type.getName());
        }
        StackTraceElement[] trace = error.getStackTrace();
        int first = 0;
        while (first < trace.length - 1 && kvkit.contains(trace[first].getClassName())) {
            first++;
        }
        error.setStackTrace(Arrays.copyOfRange(trace, first, trace.length));
        return error;
    }
}
