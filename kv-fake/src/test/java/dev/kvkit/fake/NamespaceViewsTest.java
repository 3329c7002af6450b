package dev.kvkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kvkit.PutOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The test-side views of a namespace: entries, single entries, keys, size, reset and toString. */
class NamespaceViewsTest {

    private final TestClock clock = TestClock.create();
    private final Instant start = clock.instant();
    private final FakeKvNamespace kv =
            FakeKvNamespace.builder().name("TODO").clock(clock).build();

    @Nested
    class Entries {

        @Test
        void entriesAreTheLiveRecordsInListOrderWithEverything() {
            kv.put("😀", "emoji");
            kv.put("b", "bee", PutOptions.defaults().withExpirationTtl(60).withMetadata(Map.of("n", 1)));
            kv.put("\uE000", "private use");

            Map<String, KvEntry> entries = kv.entries();

            assertThat(entries.keySet()).containsExactly("b", "\uE000", "😀");
            KvEntry bee = entries.get("b");
            assertThat(bee.key()).isEqualTo("b");
            assertThat(bee.valueAsText()).isEqualTo("bee");
            assertThat(bee.value()).containsExactly('b', 'e', 'e');
            assertThat(bee.valueSize()).isEqualTo(3);
            assertThat(bee.metadata())
                    .hasValueSatisfying(m -> assertThat(m.get("n").asInt()).isEqualTo(1));
            assertThat(bee.metadataJson()).contains("{\"n\":1}");
            assertThat(bee.expiration()).contains(start.plusSeconds(60));
            assertThat(bee.writtenAt()).isEqualTo(start);
            assertThat(bee.isLiveAt(start.plusMillis(59_999))).isTrue();
            assertThat(bee.isLiveAt(start.plusSeconds(60))).isFalse();
        }

        @Test
        void entriesIsAReadOnlySnapshot() {
            kv.put("a", "1");
            Map<String, KvEntry> entries = kv.entries();
            kv.put("a", "2");
            kv.put("b", "3");

            assertThat(entries).containsOnlyKeys("a");
            assertThat(entries.get("a").valueAsText()).isEqualTo("1");
            assertThatThrownBy(() -> entries.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void anEntrysValueIsACopy() {
            kv.put("a", new byte[] {1});
            kv.entry("a").orElseThrow().value()[0] = 9;

            assertThat(kv.getBytes("a")).containsExactly(1);
        }

        @Test
        void entriesSkipExpiredKeys() {
            kv.put("short", "v", PutOptions.defaults().withExpirationTtl(60));
            kv.put("long", "v", PutOptions.defaults().withExpirationTtl(120));
            clock.advance(Duration.ofSeconds(60));

            assertThat(kv.entries()).containsOnlyKeys("long");
        }
    }

    @Nested
    class AtAnotherInstant {

        @Test
        void entriesAtShowWhatWillBeLiveWithoutMovingTheClock() {
            kv.put("short", "v", PutOptions.defaults().withExpirationTtl(60));
            kv.put("forever", "v");

            assertThat(kv.entriesAt(start.plusMillis(59_999))).containsOnlyKeys("forever", "short");
            assertThat(kv.entriesAt(start.plusSeconds(60))).containsOnlyKeys("forever");
            assertThat(clock.instant()).isEqualTo(start);
            assertThat(kv.get("short")).isEqualTo("v");
        }

        @Test
        void entryAtShowsOneKeyAtAnInstant() {
            kv.put("short", "v", PutOptions.defaults().withExpirationTtl(60));

            assertThat(kv.entryAt("short", start.plusSeconds(59))).isPresent();
            assertThat(kv.entryAt("short", start.plusSeconds(60))).isEmpty();
            assertThat(kv.entryAt("missing", start)).isEmpty();
        }

        @Test
        void nullArgumentsAreNamed() {
            assertThatThrownBy(() -> kv.entriesAt(null)).hasMessage("instant");
            assertThatThrownBy(() -> kv.entryAt(null, start)).hasMessage("key");
            assertThatThrownBy(() -> kv.entryAt("k", null)).hasMessage("instant");
            assertThatThrownBy(() -> kv.entry(null)).hasMessage("key");
        }
    }

    @Nested
    class KeysSizeAndReset {

        @Test
        void keysAndSizeCountLiveKeysOnly() {
            kv.put("b", "v");
            kv.put("a", "v");
            kv.put("gone", "v", PutOptions.defaults().withExpirationTtl(60));
            clock.advance(Duration.ofMinutes(1));

            assertThat(kv.keys()).containsExactly("a", "b");
            assertThat(kv.size()).isEqualTo(2);
            assertThat(kv.isEmpty()).isFalse();
        }

        @Test
        void resetRemovesEveryEntryAndLeavesTheClock() {
            kv.put("a", "v");
            clock.advance(Duration.ofSeconds(5));

            kv.reset();

            assertThat(kv.isEmpty()).isTrue();
            assertThat(kv.size()).isZero();
            assertThat(kv.list().keys()).isEmpty();
            assertThat(clock.instant()).isEqualTo(start.plusSeconds(5));
        }
    }

    @Nested
    class Descriptions {

        @Test
        void theNamespaceSaysItsNameSizeAndClock() {
            kv.put("a", "v");

            assertThat(kv).hasToString("FakeKvNamespace[TODO, 1 key, TestClock[2026-01-01T00:00:00Z]]");
            kv.put("b", "v");
            assertThat(kv).hasToString("FakeKvNamespace[TODO, 2 keys, TestClock[2026-01-01T00:00:00Z]]");
            assertThat(kv.name()).isEqualTo("TODO");
            assertThat(kv.clock()).isSameAs(clock);
            assertThat(kv.limits()).isEqualTo(KvLimits.cloudflare());
        }

        @Test
        void anEntryShowsItsValueMetadataAndExpiration() {
            kv.put("k", "v", PutOptions.defaults().withExpirationTtl(60).withMetadata(Map.of("a", 1)));

            assertThat(kv.entry("k").orElseThrow())
                    .hasToString(
                            "KvEntry[key=\"k\", value=\"v\", metadata={\"a\":1}, expiration=2026-01-01T00:01:00Z]");
        }

        @Test
        void anEntryAbbreviatesLongTextAndShowsBinaryBySize() {
            kv.put("long", "x".repeat(100));
            kv.put("binary", new byte[] {(byte) 0xFF, 0, 1});

            assertThat(kv.entry("long").orElseThrow())
                    .hasToString("KvEntry[key=\"long\", value=\"" + "x".repeat(60) + "\"... (100 bytes)]");
            assertThat(kv.entry("binary").orElseThrow()).hasToString("KvEntry[key=\"binary\", value=<3 bytes>]");
        }

        @Test
        void aDefaultNamespaceIsNamedKvOnAFreshTestClock() {
            FakeKvNamespace plain = FakeKvNamespace.create();

            assertThat(plain.name()).isEqualTo("KV");
            assertThat(plain.clock()).isInstanceOf(TestClock.class);
            assertThat(plain.clock().instant()).isEqualTo(TestClock.DEFAULT_START);
        }
    }
}
