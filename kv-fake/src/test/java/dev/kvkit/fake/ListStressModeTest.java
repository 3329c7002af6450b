package dev.kvkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kvkit.KvBinding;
import dev.kvkit.KvException;
import dev.kvkit.KvListPage;
import dev.kvkit.ListOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListStressModeTest {

    private final TestClock clock = TestClock.create();
    private final FakeKvNamespace stressed =
            FakeKvNamespace.builder().clock(clock).listStressMode(true).build();

    private static List<String> seed(KvBinding kv, int count) {
        List<String> keys = IntStream.range(0, count)
                .mapToObj(i -> String.format("user:%03d", i))
                .toList();
        keys.forEach(key -> kv.put(key, "x"));
        return keys;
    }

    /** The classic bug: a page smaller than the limit is taken for the last page. */
    private static List<String> naiveListAll(KvBinding kv, int limit) {
        List<String> names = new ArrayList<>();
        String cursor = null;
        while (true) {
            ListOptions options = ListOptions.defaults().withLimit(limit);
            KvListPage page = kv.list(cursor == null ? options : options.withCursor(cursor));
            names.addAll(page.names());
            if (page.keys().size() < limit) {
                return names;
            }
            cursor = page.cursor();
        }
    }

    /** Pages until {@code listComplete}, as the Workers KV documentation says to. */
    private static List<KvListPage> pages(KvBinding kv, String prefix, int limit) {
        List<KvListPage> pages = new ArrayList<>();
        String cursor = null;
        do {
            ListOptions options = ListOptions.defaults().withPrefix(prefix).withLimit(limit);
            KvListPage page = kv.list(cursor == null ? options : options.withCursor(cursor));
            pages.add(page);
            cursor = page.cursor();
            assertThat(pages).as("pages").hasSizeLessThan(10_000);
        } while (!pages.get(pages.size() - 1).listComplete());
        return pages;
    }

    private static List<String> names(List<KvListPage> pages) {
        return pages.stream().flatMap(page -> page.names().stream()).toList();
    }

    @Test
    void aClientThatStopsOnAShortPageMissesKeys() {
        List<String> keys = seed(stressed, 25);
        assertThat(naiveListAll(stressed, 10)).hasSizeLessThan(keys.size());
    }

    @Test
    void theSameNaiveClientPassesWithoutTheStressMode() {
        FakeKvNamespace plain = FakeKvNamespace.builder().clock(clock).build();
        List<String> keys = seed(plain, 25);
        assertThat(naiveListAll(plain, 10)).isEqualTo(keys);
        assertThat(plain.listStressMode()).isFalse();
    }

    @Test
    void aClientThatFollowsListCompleteGetsEveryKeyExactlyOnce() {
        List<String> keys = seed(stressed, 25);
        List<KvListPage> pages = pages(stressed, "", 10);

        assertThat(names(pages)).isEqualTo(keys);
        assertThat(pages.get(pages.size() - 1).listComplete()).isTrue();
        assertThat(pages.get(pages.size() - 1).cursor()).isNull();
        assertThat(pages.subList(0, pages.size() - 1)).allSatisfy(page -> {
            assertThat(page.listComplete()).isFalse();
            assertThat(page.keys()).hasSizeLessThan(10);
        });
        assertThat(stressed.listStressMode()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 10, 24, 25, 26, 1000})
    void everyLimitGivesEveryKeyExactlyOnce(int limit) {
        List<String> keys = seed(stressed, 25);
        stressed.put("other:1", "x");
        assertThat(names(pages(stressed, "user:", limit))).isEqualTo(keys);
    }

    @Test
    void theFirstPageOfANonEmptyListingIsEmptyAndNotComplete() {
        seed(stressed, 3);
        KvListPage first = stressed.list(ListOptions.defaults());

        assertThat(first.keys()).isEmpty();
        assertThat(first.listComplete()).isFalse();
        assertThat(stressed.list(ListOptions.defaults().withCursor(first.cursor()))
                        .names())
                .containsExactly("user:000", "user:001", "user:002");
    }

    @Test
    void anEmptyListingIsOneCompletePage() {
        KvListPage only = stressed.list(ListOptions.defaults());
        assertThat(only.keys()).isEmpty();
        assertThat(only.listComplete()).isTrue();
    }

    @Test
    void pagesAreTheSameForTheSameCalls() {
        seed(stressed, 40);
        FakeKvNamespace twin = FakeKvNamespace.builder().listStressMode(true).build();
        seed(twin, 40);

        List<KvListPage> pages = pages(stressed, "", 7);
        assertThat(pages(stressed, "", 7)).isEqualTo(pages);
        assertThat(pages(twin, "", 7)).isEqualTo(pages);
        assertThat(pages.stream().filter(page -> page.keys().isEmpty()))
                .as("empty pages before the end")
                .isNotEmpty();
    }

    @Test
    void keysAddedAfterTheCursorStillAppear() {
        seed(stressed, 10);
        KvListPage first = stressed.list(ListOptions.defaults().withLimit(4));
        stressed.put("user:999", "late");

        List<String> rest = new ArrayList<>();
        String cursor = first.cursor();
        KvListPage page;
        do {
            page = stressed.list(ListOptions.defaults().withLimit(4).withCursor(cursor));
            rest.addAll(page.names());
            cursor = page.cursor();
        } while (!page.listComplete());
        assertThat(rest).hasSize(11).endsWith("user:999");
    }

    @Test
    void aLocationCachesStressPagesLikeAnyOther() {
        FakeKvLocation sydney = stressed.location("syd");
        List<String> keys = seed(stressed, 12);
        assertThat(names(pages(sydney, "", 5))).isEqualTo(keys);

        stressed.put("user:500", "x");
        assertThat(names(pages(sydney, "", 5))).isEqualTo(keys);
        clock.advance(Duration.ofSeconds(60));
        assertThat(names(pages(sydney, "", 5))).endsWith("user:500").hasSize(13);
    }

    @Test
    void aMalformedHeldCursorIsRefused() {
        assertThatThrownBy(() -> stressed.list(ListOptions.defaults().withCursor("~!!")))
                .isInstanceOf(KvException.class)
                .hasMessage("KV GET failed: 400 Invalid cursor \"~!!\".");
    }
}
