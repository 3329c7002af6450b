package dev.kvkit.assertj;

import org.assertj.core.api.AutoCloseableSoftAssertionsProvider;

/**
 * Soft kvkit assertions that report their failures when closed, for a {@code try}-with-resources
 * block.
 *
 * <pre>{@code
 * try (AutoCloseableSoftKvAssertions softly = new AutoCloseableSoftKvAssertions()) {
 *     softly.assertThat(kv).containsKey("user:42");
 *     softly.assertThat(kv.list()).isComplete();
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public class AutoCloseableSoftKvAssertions extends SoftKvAssertions implements AutoCloseableSoftAssertionsProvider {

    /** Creates soft assertions with no failures collected. */
    public AutoCloseableSoftKvAssertions() {}
}
