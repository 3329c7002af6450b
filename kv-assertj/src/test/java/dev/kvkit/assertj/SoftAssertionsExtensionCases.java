package dev.kvkit.assertj;

import dev.kvkit.fake.FakeKvNamespace;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

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

    /** What the README recommends for parallel runs: soft assertions as a parameter, one per test. */
    @ExtendWith(SoftAssertionsExtension.class)
    @Execution(ExecutionMode.CONCURRENT)
    static class ParameterInParallel {

        static final int REPETITIONS = 64;

        @RepeatedTest(REPETITIONS)
        void failsTwice(SoftKvAssertions softly) throws InterruptedException {
            FakeKvNamespace kv = FakeKvNamespace.create();
            softly.assertThat(kv).containsKey("first");
            Thread.sleep(1); // widen the window in which tests overlap
            softly.assertThat(kv).containsKey("second");
        }
    }

    /** The other recommended form: a try block that reports when it closes. */
    @Execution(ExecutionMode.CONCURRENT)
    static class TryBlockInParallel {

        @RepeatedTest(ParameterInParallel.REPETITIONS)
        void failsTwice() throws InterruptedException {
            try (AutoCloseableSoftKvAssertions softly = new AutoCloseableSoftKvAssertions()) {
                FakeKvNamespace kv = FakeKvNamespace.create();
                softly.assertThat(kv).containsKey("first");
                Thread.sleep(1);
                softly.assertThat(kv).containsKey("second");
            }
        }
    }
}
