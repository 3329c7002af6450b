package dev.kvkit.assertj;

import static org.assertj.core.api.Assertions.fail;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Failures as the tests check them. */
final class Messages {

    private Messages() {}

    /** A message written as a text block with {@code \n}, as AssertJ writes {@code %n}. */
    static String message(String text) {
        return text.replace("\n", System.lineSeparator());
    }

    /**
     * A collected soft failure's message without the {@code at Test.method(Test.java:12)} line
     * AssertJ appends to name where the assertion was written.
     */
    static String withoutLocation(Throwable collected) {
        return collected.getMessage().replaceFirst("\\R+at [^\\r\\n]*$", "");
    }

    /** Runs an assertion that must fail and returns its error. */
    static AssertionError expectAssertionError(ThrowingCallable assertion) {
        try {
            assertion.call();
        } catch (AssertionError error) {
            return error;
        } catch (Throwable other) {
            throw new IllegalStateException("Expected an AssertionError but got " + other, other);
        }
        return fail("Expected the assertion to fail, but it passed");
    }
}
