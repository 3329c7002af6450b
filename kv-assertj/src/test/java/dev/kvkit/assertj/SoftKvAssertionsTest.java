package dev.kvkit.assertj;

import static dev.kvkit.assertj.Messages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kvkit.PutOptions;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.StandardSoftAssertionsProvider;
import org.assertj.core.error.AssertJMultipleFailuresError;
import org.junit.jupiter.api.Test;

class SoftKvAssertionsTest {

    /** What a user writes to collect kvkit and AssertJ failures in one object. */
    static class KvAndCoreSoftAssertions extends SoftKvAssertions implements StandardSoftAssertionsProvider {}

    private final TestClock clock = TestClock.create();
    private final FakeKvNamespace kv =
            FakeKvNamespace.builder().name("TODO").clock(clock).build();

    @Test
    void collectsKvkitAndCoreFailuresAndReportsThemInOneAssertAll() {
        kv.put("session:1", "ada", PutOptions.defaults().withExpirationTtl(Duration.ofMinutes(30)));
        KvAndCoreSoftAssertions softly = new KvAndCoreSoftAssertions();

        softly.assertThat(kv).containsKey("session:2");
        softly.assertThat(kv).entry("session:1").hasText("grace");
        softly.assertThat("core").isEqualTo("AssertJ");
        softly.assertThat(kv).after(Duration.ofMinutes(30)).containsKey("session:1");
        softly.assertThat(kv.list()).isNotComplete();
        softly.assertThat(List.of(1, 2)).hasSize(3);

        assertThat(softly.errorsCollected())
                .extracting(Messages::withoutLocation)
                .containsExactly(message("""

                                Expecting actual:
                                  FakeKvNamespace[TODO, 1 key, TestClock[2026-01-01T00:00:00Z]]
                                to contain key:
                                  "session:2"
                                but it holds 1 key:
                                  ["session:1"]
                                nearest key names:
                                  ["session:1"]"""), message("""

                                Expecting actual:
                                  KvEntry[key="session:1", value="ada", expiration=2026-01-01T00:30:00Z]
                                to hold at key "session:1" the text:
                                  "grace"
                                but was:
                                  "ada\""""), message("""

                                expected: "AssertJ"
                                 but was: "core\""""), message("""

                                Expecting actual:
                                  FakeKvNamespace[TODO, 0 keys at 2026-01-01T00:30:00Z]
                                to contain key:
                                  "session:1"
                                but it holds no keys"""), message("""

                                Expecting actual:
                                  KvListPage[keys=[KvListKey[name="session:1", expiration=1767227400]], listComplete=true, cursor=null]
                                not to be complete (more keys to follow) but it is the last page"""), message("""

                                Expected size: 3 but was: 2 in:
                                [1, 2]"""));
        assertThat(softly.errorsCollected().get(1))
                .as("a failure after entry(key) names the test's line")
                .hasMessageMatching(
                        "(?s).*\\Rat SoftKvAssertionsTest\\.collectsKvkitAndCoreFailuresAndReportsThemInOneAssertAll"
                                + "\\(SoftKvAssertionsTest\\.java:\\d+\\)");
        assertThatThrownBy(softly::assertAll)
                .isInstanceOf(AssertJMultipleFailuresError.class)
                .hasMessageStartingWith(message("\nMultiple Failures (6 failures)\n-- failure 1 --"));
    }

    @Test
    void passingSoftAssertionsCollectNothing() {
        kv.put("user:42", "Ada");
        SoftKvAssertions softly = new SoftKvAssertions();

        softly.assertThat(kv).containsKey("user:42").entry("user:42").hasText("Ada");
        softly.assertThat(kv).after(Duration.ofDays(1)).containsKey("user:42");

        assertThat(softly.errorsCollected()).isEmpty();
        softly.assertAll();
    }

    @Test
    void movingOnFromASoftAssertStaysSoft() {
        kv.put("user:42", "Ada");
        SoftKvAssertions softly = new SoftKvAssertions();

        KvEntryAssert entry = softly.assertThat(kv).entry("user:42");
        KvNamespaceAtAssert later = softly.assertThat(kv).after(Duration.ofDays(1));
        KvEntryAssert laterEntry = later.entry("user:42");

        assertThat(entry.getClass()).isNotEqualTo(KvEntryAssert.class);
        assertThat(later.getClass()).isNotEqualTo(KvNamespaceAtAssert.class);
        assertThat(laterEntry.getClass()).isNotEqualTo(KvEntryAssert.class);
        entry.hasText("Grace");
        later.isEmpty();
        laterEntry.hasNoExpiration().hasText("Grace");
        assertThat(softly.errorsCollected()).hasSize(3);
    }

    @Test
    void aMissingEntryIsCollectedAndTheChainGoesOn() {
        SoftKvAssertions softly = new SoftKvAssertions();

        softly.assertThat(kv).entry("user:42").hasText("Ada");
        softly.assertThat(kv).isEmpty();

        assertThat(softly.errorsCollected())
                .extracting(Messages::withoutLocation)
                .containsExactly(message("""

                                Expecting actual:
                                  FakeKvNamespace[TODO, 0 keys, TestClock[2026-01-01T00:00:00Z]]
                                to contain key:
                                  "user:42"
                                but it holds no keys"""), message("\nExpecting actual not to be null"));
    }

    @Test
    void assertSoftlyReportsEveryFailureAtTheEnd() {
        assertThatThrownBy(() -> SoftKvAssertions.assertSoftly(softly -> {
                    softly.assertThat(kv).containsKey("a");
                    softly.assertThat(kv).containsKey("b");
                }))
                .isInstanceOf(AssertJMultipleFailuresError.class)
                .hasMessageContaining("\"a\"")
                .hasMessageContaining("\"b\"");
    }

    @Test
    void autoCloseableSoftAssertionsReportWhenClosed() {
        Throwable thrown = null;
        try (AutoCloseableSoftKvAssertions softly = new AutoCloseableSoftKvAssertions()) {
            softly.assertThat(kv).containsKey("a");
            softly.assertThat(kv).hasSize(1);
            assertThat(softly.errorsCollected()).hasSize(2);
        } catch (AssertionError error) {
            thrown = error;
        }

        assertThat(thrown)
                .isInstanceOf(AssertJMultipleFailuresError.class)
                .hasMessageStartingWith(message("\nMultiple Failures (2 failures)"));
    }
}
