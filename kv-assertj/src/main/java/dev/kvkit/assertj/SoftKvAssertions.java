package dev.kvkit.assertj;

import java.util.function.Consumer;
import org.assertj.core.api.AbstractSoftAssertions;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Collects the failures of kvkit's assertions and reports them together in {@link #assertAll()}.
 * Works as a field or parameter with AssertJ's {@code SoftAssertionsExtension} and {@code
 * @InjectSoftAssertions}, next to AssertJ's own {@code SoftAssertions}: the extension reports the
 * failures of both at the end of the test.
 *
 * <pre>{@code
 * SoftKvAssertions softly = new SoftKvAssertions();
 * softly.assertThat(kv).containsKey("user:42");
 * softly.assertThat(kv.list()).isComplete();
 * softly.assertAll();
 * }</pre>
 *
 * <p>Not thread-safe: one test thread asserts at a time.
 *
 * @since 0.1.0
 */
public class SoftKvAssertions extends AbstractSoftAssertions implements SoftKvAssertionsProvider {

    /** Creates soft assertions with no failures collected. */
    public SoftKvAssertions() {}

    /**
     * Runs {@code assertions} softly and reports every failure at the end.
     *
     * <pre>{@code
     * SoftKvAssertions.assertSoftly(softly -> {
     *     softly.assertThat(kv).containsKey("user:42");
     *     softly.assertThat(kv.list()).isComplete();
     * });
     * }</pre>
     *
     * @param assertions the assertions
     */
    public static void assertSoftly(Consumer<SoftKvAssertions> assertions) {
        SoftAssertionsProvider.assertSoftly(SoftKvAssertions.class, assertions);
    }
}
