package dev.kvkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.KvListPage;
import dev.kvkit.ListOptions;
import dev.kvkit.PutOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocationListCacheTest {

    private final TestClock clock = TestClock.create();
    private final FakeKvNamespace kv = FakeKvNamespace.builder().clock(clock).build();
    private final FakeKvLocation sydney = kv.location("syd");

    @Test
    void aListInALocationIsUpToSixtySecondsStale() {
        kv.put("user:1", "a");
        assertThat(sydney.list(ListOptions.defaults().withPrefix("user:")).names())
                .containsExactly("user:1");

        kv.put("user:2", "b");
        clock.advance(Duration.ofSeconds(59));
        assertThat(sydney.list(ListOptions.defaults().withPrefix("user:")).names())
                .containsExactly("user:1");
        assertThat(kv.list(ListOptions.defaults().withPrefix("user:")).names()).containsExactly("user:1", "user:2");

        clock.advance(Duration.ofSeconds(1));
        assertThat(sydney.list(ListOptions.defaults().withPrefix("user:")).names())
                .containsExactly("user:1", "user:2");
    }

    @Test
    void theLocationsOwnWritesDoNotRefreshItsListCache() {
        sydney.list(ListOptions.defaults());
        sydney.put("k", "v");

        assertThat(sydney.list(ListOptions.defaults()).names()).isEmpty();
        assertThat(sydney.get("k")).isEqualTo("v");
        clock.advance(Duration.ofSeconds(60));
        assertThat(sydney.list(ListOptions.defaults()).names()).containsExactly("k");
    }

    @Test
    void pagesAreCachedPerPrefixCursorAndLimit() {
        kv.put("a", "1");
        kv.put("b", "2");
        KvListPage first = sydney.list(ListOptions.defaults().withLimit(1));
        assertThat(first.names()).containsExactly("a");

        kv.put("c", "3");
        // Another limit is another query: fetched now, so it sees c.
        assertThat(sydney.list(ListOptions.defaults().withLimit(3)).names()).containsExactly("a", "b", "c");
        // The same query is served from the cache.
        assertThat(sydney.list(ListOptions.defaults().withLimit(1))).isEqualTo(first);
        // The next page was never fetched, so it is current.
        assertThat(sydney.list(ListOptions.defaults().withLimit(2).withCursor(first.cursor()))
                        .names())
                .containsExactly("b", "c");
    }

    @Test
    void aKeyThatExpiresIsDroppedFromACachedPage() {
        kv.put("a", "1", PutOptions.defaults().withExpirationTtl(60));
        kv.put("b", "2");
        clock.advance(Duration.ofSeconds(30));
        assertThat(sydney.list(ListOptions.defaults()).names()).containsExactly("a", "b");

        kv.put("c", "3");
        clock.advance(Duration.ofSeconds(30));
        // a expired at 60 s: gone although the page, cached at 30 s, still serves (c is not seen yet).
        assertThat(sydney.list(ListOptions.defaults()).names()).containsExactly("b");

        clock.advance(Duration.ofSeconds(30));
        assertThat(sydney.list(ListOptions.defaults()).names()).containsExactly("b", "c");
    }

    @Test
    void theDefaultLocationListsTheStoreAsItIsNow() {
        kv.list(ListOptions.defaults());
        kv.put("k", "v");
        assertThat(kv.list(ListOptions.defaults()).names()).containsExactly("k");
        assertThat(kv.defaultLocation().list(ListOptions.defaults()).names()).containsExactly("k");
    }
}
