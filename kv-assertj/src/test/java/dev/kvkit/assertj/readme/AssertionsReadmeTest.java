package dev.kvkit.assertj.readme;

import static dev.kvkit.assertj.KvAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kvkit.KvListPage;
import dev.kvkit.ListOptions;
import dev.kvkit.PutOptions;
import dev.kvkit.assertj.SoftKvAssertions;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.StandardSoftAssertionsProvider;
import org.assertj.core.error.AssertJMultipleFailuresError;
import org.junit.jupiter.api.Test;

/** The README's assertion examples, compiled and run. */
class AssertionsReadmeTest {

    record User(String name, boolean admin) {}

    // tag::assertj-soft-class[]
    /** kvkit's and AssertJ's soft assertions in one object. */
    static class Softly extends SoftKvAssertions implements StandardSoftAssertionsProvider {}
    // end::assertj-soft-class[]

    private final TestClock clock = TestClock.create();
    private final FakeKvNamespace kv =
            FakeKvNamespace.builder().name("TODO").clock(clock).build();

    @Test
    void namespaceAndEntries() {
        // tag::assertj-namespace[]
        kv.putJson("user:42", new User("Ada", true), PutOptions.defaults().withMetadata(Map.of("owner", "ada")));
        kv.put("session:1", "ada", PutOptions.defaults().withExpirationTtl(Duration.ofMinutes(30)));

        assertThat(kv)
                .containsExactlyKeys("session:1", "user:42")
                .hasKeysWithPrefix("user:", "user:42")
                .hasJson("user:42", "{\"admin\": true, \"name\": \"Ada\"}"); // compared as JSON, not as text

        assertThat(kv)
                .entry("user:42")
                .hasJsonSatisfying(User.class, user -> assertThat(user.admin()).isTrue())
                .hasMetadataValue("/owner", "ada")
                .hasNoExpiration();
        assertThat(kv).entry("session:1").expiresIn(Duration.ofMinutes(30)); // to the second
        assertThat(kv)
                .entry("session:1")
                .expiresNoSoonerThan(Duration.ofMinutes(15))
                .expiresWithin(Duration.ofHours(1));
        // end::assertj-namespace[]
    }

    @Test
    void timeTravel() {
        // tag::assertj-time-travel[]
        kv.put("session:1", "ada", PutOptions.defaults().withExpirationTtl(Duration.ofMinutes(30)));

        assertThat(kv).containsKey("session:1"); // now
        assertThat(kv).after(Duration.ofMinutes(30)).doesNotContainKey("session:1"); // then; the clock has not moved

        clock.advance(Duration.ofMinutes(30));
        assertThat(kv).doesNotContainKey("session:1"); // the new present
        // end::assertj-time-travel[]
    }

    @Test
    void listPages() {
        kv.put("user:1", "Ada");
        kv.put("user:2", "Grace");
        kv.put("user:3", "Barbara");
        // tag::assertj-list-page[]
        KvListPage page = kv.list(ListOptions.defaults().withPrefix("user:").withLimit(2));

        assertThat(page).isNotComplete().hasCursor().containsExactlyNames("user:1", "user:2");
        assertThat(kv.list(ListOptions.defaults().withCursor(page.cursor()).withPrefix("user:")))
                .isComplete()
                .containsExactlyNames("user:3")
                .hasNoMetadata("user:3");
        // end::assertj-list-page[]
    }

    @Test
    void softAssertions() {
        kv.put("user:42", "Ada");
        int usersCounted = 2;
        assertThatThrownBy(() -> {
                    // tag::assertj-soft[]
                    Softly softly = new Softly();
                    softly.assertThat(kv).containsKey("user:41"); // a kvkit assertion
                    softly.assertThat(kv).entry("user:42").hasText("Grace"); // moving on stays soft
                    softly.assertThat(usersCounted).isEqualTo(1); // an AssertJ assertion
                    softly.assertAll(); // reports all three failures
                    // end::assertj-soft[]
                })
                .isInstanceOf(AssertJMultipleFailuresError.class)
                .hasMessageContaining("Multiple Failures (3 failures)");
    }

    @Test
    void aMissingKeyFailure() {
        kv.put("user:41", "Grace");
        kv.put("user:42", "Ada");
        kv.put("order:7", "pending");

        assertThatThrownBy(() -> assertThat(kv).containsKey("user:43"))
                .hasMessage("""

                        Expecting actual:
                          FakeKvNamespace[TODO, 3 keys, TestClock[2026-01-01T00:00:00Z]]
                        to contain key:
                          "user:43"
                        but it holds 3 keys:
                          ["order:7", "user:41", "user:42"]
                        nearest key names:
                          ["user:41", "user:42", "order:7"]""".replace("\n", System.lineSeparator()));
    }
}
