package dev.kvkit.fake;

import static dev.kvkit.fake.Refusals.assertArgumentRefusal;
import static dev.kvkit.fake.Refusals.assertServiceRefusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.KvListKey;
import dev.kvkit.KvListPage;
import dev.kvkit.KvOperation;
import dev.kvkit.ListOptions;
import dev.kvkit.PutOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec section "list": options and their checks, UTF-8 byte order, pages and cursors. */
class ListRulesTest {

    private final TestClock clock = TestClock.create();
    private final FakeKvNamespace kv = FakeKvNamespace.builder().clock(clock).build();

    private void putAll(String... keys) {
        for (String key : keys) {
            kv.put(key, "value of " + key);
        }
    }

    /** Follows cursors to the end with pages of {@code limit}, checking each page's shape. */
    private List<String> listAll(ListOptions options) {
        List<String> names = new ArrayList<>();
        KvListPage page;
        ListOptions next = options;
        do {
            page = kv.list(next);
            names.addAll(page.names());
            next = next.withCursor(page.cursor());
        } while (!page.listComplete());
        return names;
    }

    @Nested
    class Limit {

        @Test
        void aLimitOver1000IsRefused() {
            assertServiceRefusal(
                    kv,
                    () -> kv.list(ListOptions.defaults().withLimit(1001)),
                    KvOperation.GET,
                    400,
                    "KV GET failed: 400 Invalid key_count_limit of 1001. Please specify an integer less than 1000.");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1})
        void noLimitZeroOrLessMeans1000(int limit) {
            for (int i = 0; i < 1001; i++) {
                kv.put(String.format("k%04d", i), "v");
            }

            KvListPage page = kv.list(
                    limit == 0 ? ListOptions.defaults() : ListOptions.defaults().withLimit(limit));

            assertThat(page.keys()).hasSize(1000);
            assertThat(page.listComplete()).isFalse();
            assertThat(kv.list(ListOptions.defaults().withLimit(0)).keys()).hasSize(1000);
        }

        @Test
        void aLimitOf1000IsAccepted() {
            putAll("a", "b");

            assertThat(kv.list(ListOptions.defaults().withLimit(1000)).names()).containsExactly("a", "b");
        }

        @Test
        void theLimitIsCheckedBeforeThePrefix() {
            assertServiceRefusal(
                    kv,
                    () -> kv.list(ListOptions.defaults().withLimit(5000).withPrefix("p".repeat(600))),
                    KvOperation.GET,
                    400,
                    "KV GET failed: 400 Invalid key_count_limit of 5000. Please specify an integer less than 1000.");
        }
    }

    @Nested
    class Prefix {

        @Test
        void aPrefixOver512BytesIsRefusedAsAGetFailure() {
            assertServiceRefusal(
                    kv,
                    () -> kv.list(ListOptions.defaults().withPrefix("€".repeat(171))),
                    KvOperation.GET,
                    414,
                    "KV GET failed: 414 UTF-8 encoded length of 513 exceeds key length limit of 512.");
        }

        @Test
        void aPrefixOf512BytesIsAccepted() {
            String key = "a".repeat(512);
            kv.put(key, "v");

            assertThat(kv.list(ListOptions.defaults().withPrefix(key)).names()).containsExactly(key);
        }

        @Test
        void thePrefixIsAPlainStartsWithWithoutWildcards() {
            putAll("a*", "a*b", "ab", "a%", "a.", "a_");

            assertThat(kv.list(ListOptions.defaults().withPrefix("a*")).names()).containsExactly("a*", "a*b");
            assertThat(kv.list(ListOptions.defaults().withPrefix("a%")).names()).containsExactly("a%");
            assertThat(kv.list(ListOptions.defaults().withPrefix("a_")).names()).containsExactly("a_");
        }

        @Test
        void aPrefixMatchesOnUtf8BytesSoAHalfOfASurrogatePairMatchesNoSupplementaryCharacter() {
            // A Worker encodes the prefix as UTF-8, a lone surrogate as U+FFFD (EF BF BD): that is
            // not the start of F0 9F 98 80, the UTF-8 of U+1F600.
            putAll("a😀", "a😀b", "a\uFFFD", "a\uFFFDb", "b");
            String halfAnEmoji = "a\uD83D";

            assertThat(kv.list(ListOptions.defaults().withPrefix(halfAnEmoji)).names())
                    .containsExactly("a\uFFFD", "a\uFFFDb");
            assertThat(listAll(ListOptions.defaults().withPrefix(halfAnEmoji).withLimit(1)))
                    .containsExactly("a\uFFFD", "a\uFFFDb");
            assertThat(kv.location("syd")
                            .list(ListOptions.defaults().withPrefix(halfAnEmoji))
                            .names())
                    .containsExactly("a\uFFFD", "a\uFFFDb");
            assertThat(kv.list(ListOptions.defaults().withPrefix("a😀")).names())
                    .containsExactly("a😀", "a😀b");
        }

        @Test
        void aLoneLowSurrogateInAPrefixMatchesAsTheReplacementCharacter() {
            putAll("😀", "\uFFFD\uFFFD");

            assertThat(kv.list(ListOptions.defaults().withPrefix("\uDE00\uD83D"))
                            .names())
                    .containsExactly("\uFFFD\uFFFD");
        }

        @Test
        void anEmptyPrefixListsEverything() {
            putAll("a", "b");

            assertThat(kv.list(ListOptions.defaults().withPrefix("")).names()).containsExactly("a", "b");
        }
    }

    @Nested
    class Utf8ByteOrder {

        private final List<String> inByteOrder = List.of("B", "a", "b", "é", "\uE000", "\uFFFF", "😀");

        @Test
        void keysAreListedInUtf8ByteOrderNotStringOrder() {
            List<String> shuffled = new ArrayList<>(inByteOrder);
            Collections.reverse(shuffled);
            shuffled.forEach(key -> kv.put(key, "v"));

            assertThat(kv.list().names()).containsExactlyElementsOf(inByteOrder);
            // String.compareTo would put the emoji (a surrogate pair) before U+E000
            assertThat(inByteOrder.stream().sorted().toList()).isNotEqualTo(inByteOrder);
        }

        @Test
        void keysThatDifferOnlyAfterASupplementaryCharacterAreOrderedByCodePoint() {
            List<String> expected = List.of("😀", "😀a", "😀é", "😀\uE000", "😀\uFFFF", "😀😀", "😀😀a", "😁");
            for (int i = expected.size() - 1; i >= 0; i--) {
                kv.put(expected.get(i), "v");
            }

            assertThat(kv.list().names()).containsExactlyElementsOf(expected);
            assertThat(kv.list(ListOptions.defaults().withPrefix("😀")).names())
                    .containsExactlyElementsOf(expected.subList(0, 7));
        }

        @Test
        void pagesOfOneKeyWalkTheSameOrder() {
            List<String> expected = new ArrayList<>(inByteOrder);
            expected.addAll(List.of("😀\uE000", "😀😀"));
            expected.sort(Comparator.comparing(ListRulesTest::codePoints, Arrays::compare));
            expected.forEach(key -> kv.put(key, "v"));

            List<String> walked = new ArrayList<>();
            KvListPage page = kv.list(ListOptions.defaults().withLimit(1));
            walked.addAll(page.names());
            while (!page.listComplete()) {
                assertThat(page.keys()).hasSize(1);
                page = kv.list(ListOptions.defaults().withLimit(1).withCursor(page.cursor()));
                walked.addAll(page.names());
            }

            assertThat(walked).containsExactly("B", "a", "b", "é", "\uE000", "\uFFFF", "😀", "😀\uE000", "😀😀");
        }
    }

    static int[] codePoints(String key) {
        return key.codePoints().toArray();
    }

    @Nested
    class Pages {

        @Test
        void aPageHoldingExactlyTheRemainingKeysIsComplete() {
            putAll("a", "b", "c");

            KvListPage page = kv.list(ListOptions.defaults().withLimit(3));

            assertThat(page.names()).containsExactly("a", "b", "c");
            assertThat(page.listComplete()).isTrue();
            assertThat(page.cursor()).isNull();
        }

        @Test
        void aPageWithKeysAfterItHasACursor() {
            putAll("a", "b", "c");

            KvListPage first = kv.list(ListOptions.defaults().withLimit(2));
            KvListPage second = kv.list(ListOptions.defaults().withLimit(2).withCursor(first.cursor()));

            assertThat(first.names()).containsExactly("a", "b");
            assertThat(first.listComplete()).isFalse();
            assertThat(first.cursor()).isNotEmpty();
            assertThat(second.names()).containsExactly("c");
            assertThat(second.listComplete()).isTrue();
            assertThat(second.cursor()).isNull();
        }

        @Test
        void anEmptyNamespaceGivesAnEmptyCompletePage() {
            KvListPage page = kv.list();

            assertThat(page.keys()).isEmpty();
            assertThat(page.listComplete()).isTrue();
        }

        @Test
        void anEmptyCursorStartsFromTheFirstKey() {
            putAll("a", "b");

            assertThat(kv.list(ListOptions.defaults().withCursor("")).names()).containsExactly("a", "b");
            assertThat(kv.list(ListOptions.defaults().withCursor(null)).names()).containsExactly("a", "b");
        }

        @Test
        void aCursorPastTheEndGivesAnEmptyCompletePage() {
            putAll("a", "b", "c");
            KvListPage first = kv.list(ListOptions.defaults().withLimit(2));
            kv.delete("c");

            KvListPage next = kv.list(ListOptions.defaults().withCursor(first.cursor()));

            assertThat(next.keys()).isEmpty();
            assertThat(next.listComplete()).isTrue();
            assertThat(next.cursor()).isNull();
        }

        @Test
        void theCursorOfAnotherPrefixStillMeansStrictlyAfterItsKey() {
            putAll("a1", "a2", "b1", "b2");
            String afterA1 = kv.list(ListOptions.defaults().withLimit(1)).cursor();
            String afterB1 =
                    kv.list(ListOptions.defaults().withPrefix("b").withLimit(1)).cursor();

            assertThat(kv.list(ListOptions.defaults().withPrefix("b").withCursor(afterA1))
                            .names())
                    .containsExactly("b1", "b2");
            assertThat(kv.list(ListOptions.defaults().withPrefix("a").withCursor(afterB1))
                            .names())
                    .isEmpty();
        }

        @Test
        void anUndecodableCursorIsRefused() {
            putAll("a");

            assertServiceRefusal(
                    kv,
                    () -> kv.list(ListOptions.defaults().withCursor("!!not a cursor!!")),
                    KvOperation.GET,
                    400,
                    "KV GET failed: 400 Invalid cursor \"!!not a cursor!!\".");
        }

        @Test
        void nullOptionsAreRefused() {
            assertArgumentRefusal(kv, () -> kv.list(null), "options must not be null");
        }
    }

    @Nested
    class CursorStability {

        @Test
        void keysAddedAfterTheCursorAppearAndKeysBeforeItDoNot() {
            putAll("b", "d", "f");
            KvListPage first = kv.list(ListOptions.defaults().withLimit(2));
            assertThat(first.names()).containsExactly("b", "d");

            putAll("a", "c", "e", "g");
            KvListPage rest = kv.list(ListOptions.defaults().withCursor(first.cursor()));

            assertThat(rest.names()).containsExactly("e", "f", "g");
        }

        @Test
        void keysRemovedBetweenPagesDoNotBreakTheCursor() {
            putAll("a", "b", "c", "d");
            KvListPage first = kv.list(ListOptions.defaults().withLimit(2));

            kv.delete("b"); // the cursor's own key
            kv.delete("c");
            KvListPage rest = kv.list(ListOptions.defaults().withCursor(first.cursor()));

            assertThat(rest.names()).containsExactly("d");
            assertThat(rest.listComplete()).isTrue();
        }

        @Test
        void followingCursorsWithAPrefixVisitEveryKeyOnce() {
            for (int i = 0; i < 25; i++) {
                kv.put("p/" + i, "v");
                kv.put("q/" + i, "v");
            }

            List<String> all = listAll(ListOptions.defaults().withPrefix("p/").withLimit(7));

            assertThat(all).hasSize(25).doesNotHaveDuplicates().allMatch(key -> key.startsWith("p/"));
        }
    }

    @Nested
    class Contents {

        @Test
        void expirationAndMetadataAppearOnlyWhenSet() {
            kv.put("plain", "v");
            kv.put("expiring", "v", PutOptions.defaults().withExpirationTtl(120));
            kv.put("described", "v", PutOptions.defaults().withMetadata(Map.of("a", 1)));

            List<KvListKey> keys = kv.list().keys();

            assertThat(keys)
                    .containsExactly(
                            new KvListKey("described", null, kv.objectMapper().valueToTree(Map.of("a", 1))),
                            new KvListKey("expiring", clock.instant().getEpochSecond() + 120, null),
                            KvListKey.of("plain"));
        }

        @Test
        void expiredKeysAreSkipped() {
            putAll("a", "c");
            kv.put("b", "v", PutOptions.defaults().withExpirationTtl(60));
            kv.put("d", "v", PutOptions.defaults().withExpirationTtl(60));
            clock.advance(Duration.ofSeconds(60));

            KvListPage page = kv.list(ListOptions.defaults().withLimit(2));

            assertThat(page.names()).containsExactly("a", "c");
            assertThat(page.listComplete()).as("only expired keys follow").isTrue();
        }
    }
}
