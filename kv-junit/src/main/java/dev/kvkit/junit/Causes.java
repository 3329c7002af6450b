package dev.kvkit.junit;

/** The cause to chain when a message has taken in its cause's message already. */
final class Causes {

    private Causes() {}

    /**
     * Returns what lies beyond {@code absorbed}: its own cause, which may say something new (a
     * parser's position, an I/O error), or {@code null}. Chaining {@code absorbed} itself would
     * print its message a second time under the one that quotes it, and JUnit's wrapper a third.
     */
    static Throwable beyond(Throwable absorbed) {
        Throwable cause = absorbed.getCause();
        return cause == absorbed ? null : cause;
    }
}
