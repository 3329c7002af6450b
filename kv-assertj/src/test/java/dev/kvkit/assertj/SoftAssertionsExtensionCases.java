package dev.kvkit.assertj;

import dev.kvkit.fake.FakeKvNamespace;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Test classes that fail on purpose, run only by {@link SoftKvAssertionsExtensionTest} through the
 * JUnit Platform test kit.
 */
final class SoftAssertionsExtensionCases {

    private SoftAssertionsExtensionCases() {}

    @ExtendWith(SoftAssertionsExtension.class)
    static class KvkitAndAssertJFields {

        @InjectSoftAssertions
        SoftKvAssertions kvSoftly;

        @InjectSoftAssertions
        SoftAssertions softly;

        @Test
        void failsTwice() {
            kvSoftly.assertThat(FakeKvNamespace.create()).containsKey("user:42");
            softly.assertThat(1).isEqualTo(2);
        }
    }

    @ExtendWith(SoftAssertionsExtension.class)
    static class KvkitParameter {

        @Test
        void failsOnce(SoftKvAssertions softly) {
            softly.assertThat(FakeKvNamespace.create()).hasSize(1);
        }
    }
}
