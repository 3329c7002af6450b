package dev.kvkit.junit;

/**
 * An on/off setting of {@link KvNamespace} or {@link KvTest}, which may also be left unset so that
 * the next source decides, as JUnit's {@code @TempDir(cleanup = CleanupMode.DEFAULT)} does.
 *
 * <pre>{@code
 * @KvTest(enforceWriteRate = Toggle.ON)
 * class RateLimitedWriterTest { ... }
 * }</pre>
 *
 * @since 0.1.0
 */
public enum Toggle {

    /**
     * Not set here: the setting comes from the next source ({@link KvTest} or the registered {@link
     * KvExtension}, then the configuration parameter), and is off when none sets it.
     */
    DEFAULT,

    /** Switched on, whatever the sources after this one say. */
    ON,

    /** Switched off, whatever the sources after this one say. */
    OFF;

    /** Returns the switch as a value, or {@code null} when this source leaves it to the next one. */
    Boolean asBoolean() {
        return this == DEFAULT ? null : this == ON;
    }

    /** Returns the constant for a switch value. */
    static Toggle of(boolean on) {
        return on ? ON : OFF;
    }
}
