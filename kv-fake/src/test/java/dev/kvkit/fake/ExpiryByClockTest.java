package dev.kvkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.KvValueWithMetadata;
import dev.kvkit.PutOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Expiry moved by a {@link TestClock} only: every read path sees a key until exactly its expiration. */
class ExpiryByClockTest {

    private final TestClock clock = TestClock.create();
    private final Instant start = clock.instant();
    private final FakeKvNamespace kv = FakeKvNamespace.builder().clock(clock).build();

    /** Asserts what each read path sees of {@code key}: present with {@code value}, or absent. */
    private void assertEveryReadSees(String key, String value) {
        boolean live = value != null;
        assertThat(kv.get(key)).as("get").isEqualTo(value);
        KvValueWithMetadata<String> withMetadata = kv.getWithMetadata(key);
        assertThat(withMetadata.value()).as("getWithMetadata value").isEqualTo(value);
        assertThat(withMetadata.metadata() != null)
                .as("getWithMetadata metadata")
                .isEqualTo(live);
        assertThat(kv.get(List.of(key, "other"))).as("bulk get").containsEntry(key, value);
        KvValueWithMetadata<String> bulk = kv.getWithMetadata(List.of(key)).get(key);
        assertThat(bulk == null ? null : bulk.value())
                .as("bulk getWithMetadata")
                .isEqualTo(value);
        assertThat(kv.list().names().contains(key)).as("list").isEqualTo(live);
        assertThat(kv.keys().contains(key)).as("keys()").isEqualTo(live);
    }

    /** A clock that is not a {@link TestClock}: the namespace knows only the instants it reads. */
    private static Clock plainClock(AtomicReference<Instant> now) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
    }

    private void putWithTtl60(String key) {
        kv.put(key, "v", PutOptions.defaults().withExpirationTtl(60).withMetadata(Map.of("m", 1)));
    }

    @Nested
    class Ttl {

        @Test
        void aKeyWithTtl60IsLiveAt59999Milliseconds() {
            putWithTtl60("k");
            clock.advance(Duration.ofMillis(59_999));

            assertEveryReadSees("k", "v");
        }

        @Test
        void aKeyWithTtl60IsGoneAt60Seconds() {
            putWithTtl60("k");
            clock.advance(Duration.ofSeconds(60));

            assertEveryReadSees("k", null);
        }

        @Test
        void aTtlWrittenMidSecondExpiresOnTheWholeSecond() {
            clock.advance(Duration.ofMillis(500));
            putWithTtl60("k");

            clock.setInstant(start.plusMillis(59_999));
            assertEveryReadSees("k", "v");
            clock.setInstant(start.plusSeconds(60));
            assertEveryReadSees("k", null);
        }
    }

    @Nested
    class AbsoluteExpiration {

        @Test
        void aKeyIsLiveUntilTheMillisecondBeforeItsExpiration() {
            kv.put(
                    "k",
                    "v",
                    PutOptions.defaults().withExpiration(start.plusSeconds(90)).withMetadata("m"));

            clock.setInstant(start.plusMillis(89_999));
            assertEveryReadSees("k", "v");
            clock.setInstant(start.plusSeconds(90));
            assertEveryReadSees("k", null);
        }
    }

    @Nested
    class ClockMovedBack {

        @Test
        void aKeyAReadSawExpireStaysExpired() {
            putWithTtl60("k");
            clock.advance(Duration.ofSeconds(60));
            assertThat(kv.get("k")).isNull();

            clock.setInstant(start);

            assertEveryReadSees("k", null);
        }

        @Test
        void aKeyStaysExpiredWhenTheClockWentForwardAndBackWithoutARead() {
            putWithTtl60("k");
            clock.advance(Duration.ofHours(1));
            clock.setInstant(start.plusSeconds(1));

            assertEveryReadSees("k", null);
        }

        @Test
        void aKeyWrittenAfterTheClockWentBackLivesItsFullTtl() {
            clock.advance(Duration.ofHours(1));
            clock.setInstant(start);
            putWithTtl60("k");

            clock.setInstant(start.plusMillis(59_999));
            assertEveryReadSees("k", "v");
            clock.setInstant(start.plusSeconds(60));
            assertEveryReadSees("k", null);
        }

        @Test
        void aKeyWrittenAfterTheClockWentBackStaysExpiredWhenTheClockGoesBackAgain() {
            clock.advance(Duration.ofHours(1));
            clock.setInstant(start);
            putWithTtl60("k");
            clock.setInstant(start.plusSeconds(61));
            clock.setInstant(start.plusSeconds(1));

            assertEveryReadSees("k", null);
        }

        /** Every way of asking "is it live at this instant" gives one answer. */
        private void assertLivenessAgreesAt(KvEntry entry, Instant instant, boolean live) {
            String key = entry.key();
            assertThat(entry.isLiveAt(instant)).as("isLiveAt(%s)", instant).isEqualTo(live);
            assertThat(kv.entryAt(key, instant).isPresent())
                    .as("entryAt(%s)", instant)
                    .isEqualTo(live);
            assertThat(kv.entriesAt(instant).containsKey(key))
                    .as("entriesAt(%s)", instant)
                    .isEqualTo(live);
            kv.entryAt(key, instant)
                    .ifPresent(found -> assertThat(found.isLiveAt(instant)).isTrue());
        }

        @Test
        void anEntryTakenBeforeTheExpiryIsNotLiveAfterTheClockWentPastItAndBack() {
            putWithTtl60("k");
            KvEntry entry = kv.entry("k").orElseThrow();
            KvEntry fromSydney = kv.location("syd").entry("k").orElseThrow();
            clock.advance(Duration.ofSeconds(60));
            clock.setInstant(start.plusSeconds(30));

            for (KvEntry asked : List.of(entry, fromSydney)) {
                assertLivenessAgreesAt(asked, clock.instant(), false);
                assertLivenessAgreesAt(asked, start, false);
                assertLivenessAgreesAt(asked, start.plusSeconds(60), false);
            }
            assertThat(kv.entry("k")).isEmpty();
            assertEveryReadSees("k", null);
        }

        @Test
        void beforeTheClockReachedTheExpiryEveryAnswerAgreesOnEveryInstant() {
            putWithTtl60("k");
            KvEntry entry = kv.entry("k").orElseThrow();
            clock.advance(Duration.ofSeconds(30));
            clock.setInstant(start.plusSeconds(10));

            assertLivenessAgreesAt(entry, start, true);
            assertLivenessAgreesAt(entry, start.plusMillis(59_999), true);
            assertLivenessAgreesAt(entry, start.plusSeconds(60), false);
        }

        @Test
        void onAClockThatIsNotATestClockTheAnswersAgreeToo() {
            AtomicReference<Instant> now = new AtomicReference<>(start);
            FakeKvNamespace onPlainClock =
                    FakeKvNamespace.builder().clock(plainClock(now)).build();
            onPlainClock.put("k", "v", PutOptions.defaults().withExpirationTtl(60));
            KvEntry entry = onPlainClock.entry("k").orElseThrow();
            now.set(start.plusSeconds(60));
            assertThat(onPlainClock.get("other")).isNull(); // a read observes the expiry instant
            now.set(start);

            assertThat(entry.isLiveAt(start)).isFalse();
            assertThat(onPlainClock.entryAt("k", start)).isEmpty();
            assertThat(onPlainClock.entriesAt(start)).isEmpty();
        }

        @Test
        void entriesAtAnEarlierInstantDoNotReviveAnExpiredKey() {
            putWithTtl60("k");
            clock.advance(Duration.ofSeconds(61));

            assertThat(kv.entriesAt(start)).doesNotContainKey("k");
            assertThat(kv.entryAt("k", start)).isEmpty();
        }
    }

    /** No expiration value means "never": a record that expires at second 0 of the epoch expires. */
    @Nested
    class ExpiringAtTheEpoch {

        private final TestClock beforeTheEpoch = TestClock.at(Instant.EPOCH.minusSeconds(60));
        private final FakeKvNamespace old =
                FakeKvNamespace.builder().clock(beforeTheEpoch).build();

        private void assertExpiresAtTheEpoch(String key) {
            assertThat(old.entry(key).orElseThrow().expiration()).hasValue(Instant.EPOCH);
            assertThat(old.list().keys().get(0).expiration()).isZero();
            assertThat(old.exportBulk()).contains("\"expiration\" : 0");
            FakeKvLocation sydney = old.location("syd");
            assertThat(sydney.get(key)).isEqualTo("v");

            beforeTheEpoch.setInstant(Instant.EPOCH.minusMillis(1));
            assertThat(old.get(key)).isEqualTo("v");
            assertThat(old.entry(key).orElseThrow().isLiveAt(Instant.EPOCH)).isFalse();

            beforeTheEpoch.setInstant(Instant.EPOCH);
            assertThat(old.get(key)).isNull();
            assertThat(old.get(List.of(key))).containsEntry(key, null);
            assertThat(old.list().keys()).isEmpty();
            assertThat(old.entries()).isEmpty();
            assertThat(sydney.get(key)).isNull();
        }

        @Test
        void aTtlWriteWhoseExpirationLandsOnZeroExpires() {
            old.put("k", "v", PutOptions.defaults().withExpirationTtl(60));

            assertExpiresAtTheEpoch("k");
        }

        @Test
        void anAbsoluteExpirationOfZeroExpires() {
            beforeTheEpoch.setInstant(Instant.EPOCH.minusSeconds(120));

            old.put("k", "v", PutOptions.defaults().withExpiration(0));

            assertExpiresAtTheEpoch("k");
        }

        @Test
        void anImportedExpirationOfZeroExpires() {
            old.importBulk("[{\"key\": \"k\", \"value\": \"v\", \"expiration\": 0}]");

            assertExpiresAtTheEpoch("k");
        }
    }

    @Nested
    class OtherClocks {

        @Test
        void aKeyAReadSawExpireStaysExpiredOnAClockThatIsNotATestClock() {
            AtomicReference<Instant> now = new AtomicReference<>(start);
            FakeKvNamespace onPlainClock =
                    FakeKvNamespace.builder().clock(plainClock(now)).build();
            onPlainClock.put("k", "v", PutOptions.defaults().withExpirationTtl(60));
            now.set(start.plusSeconds(60));
            assertThat(onPlainClock.get("other")).isNull(); // a read observes the expiry instant

            now.set(start);

            assertThat(onPlainClock.get("k")).isNull();
            assertThat(onPlainClock.keys()).isEmpty();
        }
    }

    @Nested
    class WritesToExpiredKeys {

        @Test
        void deletingAnExpiredKeyIsSilent() {
            putWithTtl60("k");
            clock.advance(Duration.ofSeconds(60));

            kv.delete("k");

            assertEveryReadSees("k", null);
        }

        @Test
        void aPutOnAnExpiredKeyStartsAFreshRecord() {
            putWithTtl60("k");
            clock.advance(Duration.ofSeconds(60));

            kv.put("k", "fresh");

            assertThat(kv.getWithMetadata("k")).isEqualTo(new KvValueWithMetadata<>("fresh", null, null));
            assertThat(kv.entry("k").orElseThrow().expiration()).isEmpty();
            clock.advance(Duration.ofDays(365));
            assertThat(kv.get("k")).isEqualTo("fresh");
        }
    }
}
