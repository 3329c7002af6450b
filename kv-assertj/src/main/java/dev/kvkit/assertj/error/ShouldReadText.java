package dev.kvkit.assertj.error;

import java.time.Instant;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a failed assertion that a location reads the given text at a key. When
 * the location serves a stale value from its cache, the message says until when and what the
 * namespace holds.
 *
 * @since 0.1.0
 */
public final class ShouldReadText extends BasicErrorMessageFactory {

    private ShouldReadText(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param actual the location
     * @param key the key
     * @param expected the expected text
     * @param read the text the location reads
     * @param current the text the namespace holds, or {@code null}
     * @param cachedUntil until when the location serves {@code read} from its cache, or {@code null}
     *     when it is the namespace's current value
     * @return the message factory
     */
    public static ErrorMessageFactory shouldReadText(
            Object actual, String key, String expected, String read, String current, Instant cachedUntil) {
        return new ShouldReadText(
                "%nExpecting actual:%n  %s%nto read at key %s the text:%n  %s%n" + LocationRead.format(cachedUntil),
                LocationRead.join(
                        new Object[] {actual, key, expected}, LocationRead.arguments(read, current, cachedUntil)));
    }
}
