package dev.kvkit.assertj;

import static dev.kvkit.assertj.KvAssertions.assertThat;
import static dev.kvkit.assertj.Messages.expectAssertionError;
import static dev.kvkit.assertj.Messages.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.KvListPage;
import dev.kvkit.ListOptions;
import dev.kvkit.PutOptions;
import dev.kvkit.fake.FakeKvNamespace;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class KvListPageAssertTest {

    private static final Instant ONE_O_CLOCK = Instant.parse("2026-01-01T01:00:00Z");

    private final FakeKvNamespace kv = FakeKvNamespace.create();
    private KvListPage firstPage;
    private KvListPage lastPage;

    @BeforeEach
    void threeKeysOnPagesOfTwo() {
        kv.put("a", "1", PutOptions.defaults().withExpiration(ONE_O_CLOCK));
        kv.put("b", "2", PutOptions.defaults().withMetadata(Map.of("owner", "ada")));
        kv.put("c", "3");
        firstPage = kv.list(ListOptions.defaults().withLimit(2));
        lastPage = kv.list(ListOptions.defaults().withLimit(2).withCursor(firstPage.cursor()));
    }

    @Test
    void completenessAndCursorPass() {
        assertThat(firstPage).isNotComplete().hasCursor();
        assertThat(lastPage).isComplete().hasNoCursor();
    }

    @Test
    void completeFailureShowsTheCursor() {
        AssertionError error = expectAssertionError(() -> assertThat(firstPage).isComplete());

        assertThat(error).hasMessage(message("""

                        Expecting actual:
                          %s
                        to be complete (the last page) but more keys follow from cursor "%s\"""".formatted(firstPage, firstPage.cursor())));
    }

    @Test
    void notCompleteFailure() {
        AssertionError error = expectAssertionError(() -> assertThat(lastPage).isNotComplete());

        assertThat(error).hasMessage(message("""

                        Expecting actual:
                          KvListPage[keys=[KvListKey[name="c"]], listComplete=true, cursor=null]
                        not to be complete (more keys to follow) but it is the last page"""));
    }

    @Test
    void cursorFailures() {
        AssertionError noCursor =
                expectAssertionError(() -> assertThat(lastPage).hasCursor());
        AssertionError aCursor =
                expectAssertionError(() -> assertThat(firstPage).hasNoCursor());

        assertThat(noCursor).hasMessage(message("""

                        Expecting actual:
                          KvListPage[keys=[KvListKey[name="c"]], listComplete=true, cursor=null]
                        to have a cursor but it has none"""));
        assertThat(aCursor).hasMessage(message("""

                        Expecting actual:
                          %s
                        to have no cursor but it has:
                          "%s\"""".formatted(firstPage, firstPage.cursor())));
    }

    @Test
    void namesPassInExactOrderAndAsASubset() {
        assertThat(firstPage).containsExactlyNames("a", "b").containsNames("b").hasSize(2);
    }

    @Test
    void exactNamesFailureShowsBothListsForADiff() {
        AssertionError error = expectAssertionError(() -> assertThat(lastPage).containsExactlyNames("c", "d"));

        assertThat(error).hasMessage(message("""

                        Expecting actual:
                          KvListPage[keys=[KvListKey[name="c"]], listComplete=true, cursor=null]
                        to contain exactly these keys, in list order
                        1 key not found:
                          ["d"]
                        expected 2 keys:
                          ["c", "d"]
                        but it holds 1 key:
                          ["c"]"""));
        assertThat(((AssertionFailedError) error).getActual().getValue()).isEqualTo(java.util.List.of("c"));
    }

    @Test
    void containsNamesFailureNamesTheMissingOnes() {
        AssertionError error = expectAssertionError(() -> assertThat(lastPage).containsNames("c", "a"));

        assertThat(error).hasMessage(message("""

                        Expecting actual:
                          KvListPage[keys=[KvListKey[name="c"]], listComplete=true, cursor=null]
                        to contain key names:
                          ["c", "a"]
                        but could not find:
                          ["a"]"""));
    }

    @Test
    void sizeFailure() {
        AssertionError error = expectAssertionError(() -> assertThat(lastPage).hasSize(2));

        assertThat(error).hasMessage(message("""

                        Expecting actual:
                          KvListPage[keys=[KvListKey[name="c"]], listComplete=true, cursor=null]
                        to hold 2 keys but holds 1:
                          ["c"]"""));
    }

    @Test
    void expirationAndMetadataOfEachKeyPass() {
        assertThat(firstPage)
                .hasExpiration("a", ONE_O_CLOCK)
                .hasNoExpiration("b")
                .hasMetadata("b", "{\"owner\": \"ada\"}")
                .hasNoMetadata("a");
    }

    @Test
    void expirationFailureShowsTheListKey() {
        AssertionError error = expectAssertionError(() -> assertThat(firstPage).hasExpiration("b", ONE_O_CLOCK));

        assertThat(error).hasMessage(message("""

                        Expecting actual:
                          KvListKey[name="b", metadata={"owner":"ada"}]
                        to expire at:
                          2026-01-01T01:00:00Z
                        but it never expires"""));
    }

    @Test
    void noExpirationFailureShowsTheExpiration() {
        AssertionError error = expectAssertionError(() -> assertThat(firstPage).hasNoExpiration("a"));

        assertThat(error).hasMessage(message("""

                        Expecting actual:
                          KvListKey[name="a", expiration=1767229200]
                        never to expire but it expires at:
                          2026-01-01T01:00:00Z"""));
    }

    @Test
    void metadataFailures() {
        AssertionError wrong = expectAssertionError(() -> assertThat(firstPage).hasMetadata("b", "{\"owner\": 1}"));
        AssertionError some = expectAssertionError(() -> assertThat(firstPage).hasNoMetadata("b"));

        assertThat(wrong).hasMessage(message("""

                        Expecting actual:
                          KvListKey[name="b", metadata={"owner":"ada"}]
                        to have metadata equal to:
                          {"owner":1}
                        but had:
                          {"owner":"ada"}"""));
        assertThat(some).hasMessage(message("""

                        Expecting actual:
                          KvListKey[name="b", metadata={"owner":"ada"}]
                        to have no metadata but had:
                          {"owner":"ada"}"""));
    }

    @Test
    void aKeyNotOnThePageFailsNamingTheNearestOnes() {
        AssertionError error = expectAssertionError(() -> assertThat(firstPage).hasNoMetadata("c"));

        assertThat(error).hasMessage(message("""

                        Expecting actual:
                          %s
                        to contain key:
                          "c"
                        but it holds 2 keys:
                          ["a", "b"]
                        nearest key names:
                          ["a", "b"]""".formatted(firstPage)));
    }
}
