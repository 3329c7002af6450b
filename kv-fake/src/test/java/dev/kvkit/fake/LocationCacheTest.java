package dev.kvkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kvkit.GetOptions;
import dev.kvkit.KvException;
import dev.kvkit.KvValueWithMetadata;
import dev.kvkit.PutOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LocationCacheTest {

    private final TestClock clock = TestClock.create();
    private final FakeKvNamespace kv = FakeKvNamespace.builder().clock(clock).build();
    private final FakeKvLocation sydney = kv.location("syd");

    @Nested
    class StaleReads {

        @Test
        void aCachedValueIsServedUntilTheDefaultCacheTtlRunsOut() {
            kv.put("config", "v1");
            assertThat(sydney.get("config")).isEqualTo("v1");

            kv.put("config", "v2");
            clock.advance(Duration.ofSeconds(59));
            assertThat(sydney.get("config")).isEqualTo("v1");

            clock.advance(Duration.ofSeconds(1));
            assertThat(sydney.get("config")).isEqualTo("v2");
        }

        @Test
        void aCachedMissIsServedUntilItRunsOut() {
            assertThat(sydney.get("session")).isNull();

            kv.put("session", "abc");
            clock.advance(Duration.ofSeconds(59));
            assertThat(sydney.get("session")).isNull();
            assertThat(kv.get("session")).isEqualTo("abc");

            clock.advance(Duration.ofSeconds(1));
            assertThat(sydney.get("session")).isEqualTo("abc");
        }

        @Test
        void aDeleteElsewhereIsSeenOnlyWhenTheCacheRunsOut() {
            kv.put("flag", "on");
            sydney.get("flag");

            kv.delete("flag");
            clock.advance(Duration.ofSeconds(30));
            assertThat(sydney.get("flag")).isEqualTo("on");

            clock.advance(Duration.ofSeconds(30));
            assertThat(sydney.get("flag")).isNull();
        }

        @Test
        void aReadCachesForItsOwnCacheTtl() {
            kv.put("config", "v1");
            sydney.get("config", GetOptions.defaults().withCacheTtl(300));
            kv.put("config", "v2");

            clock.advance(Duration.ofSeconds(299));
            assertThat(sydney.get("config", GetOptions.defaults().withCacheTtl(300)))
                    .isEqualTo("v1");
            clock.advance(Duration.ofSeconds(1));
            assertThat(sydney.get("config", GetOptions.defaults().withCacheTtl(300)))
                    .isEqualTo("v2");
        }

        @Test
        void aReadWithALowerCacheTtlRefetchesAnOlderAnswer() {
            kv.put("config", "v1");
            sydney.get("config", GetOptions.defaults().withCacheTtl(3600));
            kv.put("config", "v2");
            clock.advance(Duration.ofSeconds(45));

            assertThat(sydney.get("config", GetOptions.defaults().withCacheTtl(3600)))
                    .isEqualTo("v1");
            assertThat(sydney.get("config", GetOptions.defaults().withCacheTtl(30)))
                    .isEqualTo("v2");
        }

        @Test
        void aReadWithALowerCacheTtlShortensTheLifeOfTheCachedAnswer() {
            kv.put("config", "v1");
            sydney.get("config", GetOptions.defaults().withCacheTtl(3600));
            clock.advance(Duration.ofSeconds(10));
            // Still young enough for a 30 s read: served, and from now on the answer lives 30 s.
            assertThat(sydney.get("config", GetOptions.defaults().withCacheTtl(30)))
                    .isEqualTo("v1");
            kv.put("config", "v2");

            clock.advance(Duration.ofSeconds(20));
            assertThat(sydney.get("config", GetOptions.defaults().withCacheTtl(3600)))
                    .isEqualTo("v2");
        }

        @Test
        void theDefaultCacheTtlComesFromTheLimits() {
            FakeKvNamespace slow = FakeKvNamespace.builder()
                    .clock(clock)
                    .limits(KvLimits.cloudflare().toBuilder()
                            .defaultCacheTtlSeconds(120)
                            .build())
                    .build();
            FakeKvLocation far = slow.location("far");
            slow.put("k", "v1");
            far.get("k");
            slow.put("k", "v2");

            clock.advance(Duration.ofSeconds(90));
            assertThat(far.get("k")).isEqualTo("v1");
            clock.advance(Duration.ofSeconds(30));
            assertThat(far.get("k")).isEqualTo("v2");
        }
    }

    @Nested
    class Expiration {

        @Test
        void anExpiredKeyIsNotServedFromTheCache() {
            kv.put("token", "t1", PutOptions.defaults().withExpirationTtl(60));
            assertThat(sydney.get("token", GetOptions.defaults().withCacheTtl(3600)))
                    .isEqualTo("t1");

            clock.advance(Duration.ofSeconds(59));
            assertThat(sydney.get("token", GetOptions.defaults().withCacheTtl(3600)))
                    .isEqualTo("t1");
            clock.advance(Duration.ofSeconds(1));
            assertThat(sydney.get("token", GetOptions.defaults().withCacheTtl(3600)))
                    .isNull();
            assertThat(sydney.getWithMetadata("token").value()).isNull();
        }

        @Test
        void anExpiredCachedValueGivesWayToTheCurrentRecord() {
            kv.put("token", "t1", PutOptions.defaults().withExpirationTtl(60));
            sydney.get("token", GetOptions.defaults().withCacheTtl(3600));
            kv.put("token", "t2");

            clock.advance(Duration.ofSeconds(60));
            assertThat(sydney.get("token", GetOptions.defaults().withCacheTtl(3600)))
                    .isEqualTo("t2");
        }
    }

    @Nested
    class OwnWrites {

        @Test
        void aWriteFromTheLocationIsSeenThereAtOnce() {
            kv.put("config", "v1");
            sydney.get("config");

            sydney.put("config", "v2");
            assertThat(sydney.get("config")).isEqualTo("v2");
            assertThat(kv.get("config")).isEqualTo("v2");
        }

        @Test
        void aDeleteFromTheLocationIsSeenThereAtOnce() {
            kv.put("config", "v1");
            sydney.get("config");

            sydney.delete("config");
            assertThat(sydney.get("config")).isNull();
        }

        @Test
        void aWriteFromTheLocationIsCachedThereForTheDefaultCacheTtl() {
            sydney.put("config", "mine");
            kv.put("config", "theirs");

            clock.advance(Duration.ofSeconds(59));
            assertThat(sydney.get("config")).isEqualTo("mine");
            clock.advance(Duration.ofSeconds(1));
            assertThat(sydney.get("config")).isEqualTo("theirs");
        }

        @Test
        void aWriteFromTheLocationDoesNotReachAnotherLocationsCache() {
            FakeKvLocation london = kv.location("lhr");
            kv.put("config", "v1");
            london.get("config");

            sydney.put("config", "v2");
            assertThat(london.get("config")).isEqualTo("v1");
            clock.advance(Duration.ofSeconds(60));
            assertThat(london.get("config")).isEqualTo("v2");
        }
    }

    @Nested
    class CacheStatus {

        @Test
        void aFetchIsAMissAndACachedAnswerAHit() {
            kv.put("config", "v1", PutOptions.defaults().withMetadata(Map.of("rev", 1)));

            KvValueWithMetadata<String> first = sydney.getWithMetadata("config");
            assertThat(first.value()).isEqualTo("v1");
            assertThat(first.cacheStatus()).isEqualTo("MISS");

            kv.put("config", "v2", PutOptions.defaults().withMetadata(Map.of("rev", 2)));
            KvValueWithMetadata<String> second = sydney.getWithMetadata("config");
            assertThat(second.value()).isEqualTo("v1");
            assertThat(second.metadata().get("rev").asInt()).isEqualTo(1);
            assertThat(second.cacheStatus()).isEqualTo("HIT");

            clock.advance(Duration.ofSeconds(60));
            KvValueWithMetadata<String> third = sydney.getWithMetadata("config");
            assertThat(third.metadata().get("rev").asInt()).isEqualTo(2);
            assertThat(third.cacheStatus()).isEqualTo("MISS");
        }

        @Test
        void aCachedMissReportsAHit() {
            assertThat(sydney.getWithMetadata("nothing").cacheStatus()).isEqualTo("MISS");
            KvValueWithMetadata<String> again = sydney.getWithMetadata("nothing");
            assertThat(again.value()).isNull();
            assertThat(again.cacheStatus()).isEqualTo("HIT");
        }

        @Test
        void theDefaultLocationReportsNoCacheStatus() {
            kv.put("config", "v1");
            assertThat(kv.getWithMetadata("config").cacheStatus()).isNull();
            assertThat(kv.defaultLocation().getWithMetadata("config").cacheStatus())
                    .isNull();
        }
    }

    @Nested
    class BulkReads {

        @Test
        void bulkReadsGoThroughTheSameCache() {
            kv.put("a", "a1");
            assertThat(sydney.get(List.of("a", "b"))).containsEntry("a", "a1").containsEntry("b", null);

            kv.put("a", "a2");
            kv.put("b", "b2");
            assertThat(sydney.get("a")).isEqualTo("a1");
            assertThat(sydney.get("b")).isNull();
            assertThat(sydney.getWithMetadata(List.of("a", "b")).get("a").value())
                    .isEqualTo("a1");

            clock.advance(Duration.ofSeconds(60));
            assertThat(sydney.get(List.of("a", "b"))).containsEntry("a", "a2").containsEntry("b", "b2");
        }

        @Test
        void aSingleReadFillsTheCacheForBulkReads() {
            kv.put("a", "a1");
            sydney.get("a");
            kv.put("a", "a2");

            assertThat(sydney.get(List.of("a"))).containsEntry("a", "a1");
        }
    }

    @Nested
    class DefaultLocation {

        @Test
        void theDefaultLocationSeesEveryWriteAtOnce() {
            FakeKvLocation home = kv.defaultLocation();
            kv.put("config", "v1");
            assertThat(home.get("config")).isEqualTo("v1");

            sydney.put("config", "v2");
            assertThat(home.get("config")).isEqualTo("v2");
            assertThat(kv.get("config")).isEqualTo("v2");
            assertThat(home.isDefault()).isTrue();
            assertThat(home.seesCurrentValueFrom("config")).isEqualTo(clock.instant());
        }

        @Test
        void theDefaultNameGivesTheDefaultLocation() {
            assertThat(kv.location("default")).isSameAs(kv.defaultLocation());
            assertThat(kv.defaultLocation().name()).isEqualTo(FakeKvLocation.DEFAULT_NAME);
            assertThat(sydney.isDefault()).isFalse();
        }
    }

    @Nested
    class Names {

        @Test
        void theSameNameGivesTheSameLocation() {
            assertThat(kv.location("syd")).isSameAs(sydney);
            assertThat(kv.location("lhr")).isNotSameAs(sydney);
            assertThat(sydney.name()).isEqualTo("syd");
            assertThat(sydney.namespace()).isSameAs(kv);
            assertThat(sydney).hasToString("FakeKvLocation[KV@syd]");
        }

        @Test
        void namesAreComparedExactly() {
            assertThat(kv.location("SYD")).isNotSameAs(sydney);
        }

        @Test
        void aBadNameIsRefusedSayingWhatIsAllowed() {
            for (String bad : List.of("", " ", "syd ", "sy/d", "東京", "x".repeat(65))) {
                assertThatThrownBy(() -> kv.location(bad))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("A location name must be 1 to 64 characters from A-Z, a-z, 0-9, '.', '_' and"
                                + " '-', such as \"syd\" or \"eu-west\", but was: \"" + bad + "\"");
            }
            assertThatThrownBy(() -> kv.location(null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("name");
        }

        @Test
        void theLongestAllowedNameIsAccepted() {
            assertThat(kv.location("x".repeat(64)).name()).hasSize(64);
            assertThat(kv.location("eu-west_1.b").name()).isEqualTo("eu-west_1.b");
        }
    }

    @Nested
    class TestSideQueries {

        @Test
        void seesCurrentValueFromTellsWhenTheCacheRunsOutWithoutMovingTheClock() {
            Instant start = clock.instant();
            kv.put("config", "v1");
            sydney.get("config");
            assertThat(sydney.seesCurrentValueFrom("config")).isEqualTo(start);

            clock.advance(Duration.ofSeconds(15));
            kv.put("config", "v2");
            assertThat(sydney.seesCurrentValueFrom("config")).isEqualTo(start.plusSeconds(60));
            assertThat(sydney.seesCurrentValueFrom(
                            "config", GetOptions.defaults().withCacheTtl(30)))
                    .isEqualTo(start.plusSeconds(30));
            assertThat(clock.instant()).isEqualTo(start.plusSeconds(15));
            assertThat(sydney.get("config")).isEqualTo("v1");
        }

        @Test
        void seesCurrentValueFromIsNowForAnUncachedKey() {
            kv.put("config", "v1");
            assertThat(sydney.seesCurrentValueFrom("config")).isEqualTo(clock.instant());
        }

        @Test
        void seesCurrentValueFromAccountsForTheCachedValuesExpiration() {
            kv.put("token", "t1", PutOptions.defaults().withExpirationTtl(100));
            sydney.get("token", GetOptions.defaults().withCacheTtl(3600));
            kv.put("token", "t2");

            assertThat(sydney.seesCurrentValueFrom(
                            "token", GetOptions.defaults().withCacheTtl(3600)))
                    .isEqualTo(clock.instant().plusSeconds(100));
        }

        @Test
        void aRewriteOfTheSameContentCountsAsSeen() {
            kv.put("config", "v1");
            sydney.get("config");
            kv.put("config", "v1");
            assertThat(sydney.seesCurrentValueFrom("config")).isEqualTo(clock.instant());
        }

        @Test
        void seesCurrentValueFromChecksTheCacheTtlAsAReadWould() {
            assertThatThrownBy(() -> sydney.seesCurrentValueFrom(
                            "config", GetOptions.defaults().withCacheTtl(10)))
                    .isInstanceOf(KvException.class)
                    .hasMessage("KV GET failed: 400 Invalid cache_ttl of 10. Cache TTL must be at least 30.");
        }

        @Test
        void entryShowsWhatTheLocationWouldServeWithoutCachingIt() {
            kv.put("config", "v1");
            assertThat(sydney.entry("config"))
                    .hasValueSatisfying(e -> assertThat(e.valueAsText()).isEqualTo("v1"));
            kv.put("config", "v2");
            // entry() did not cache v1, so the first real read fetches v2.
            assertThat(sydney.getWithMetadata("config").cacheStatus()).isEqualTo("MISS");
            kv.put("config", "v3");
            assertThat(sydney.entry("config"))
                    .hasValueSatisfying(e -> assertThat(e.valueAsText()).isEqualTo("v2"));
            assertThat(kv.entry("config"))
                    .hasValueSatisfying(e -> assertThat(e.valueAsText()).isEqualTo("v3"));
        }

        @Test
        void resetForgetsWhatLocationsCached() {
            kv.put("config", "v1");
            sydney.get("config");
            kv.reset();
            kv.put("config", "v2");
            assertThat(sydney.get("config")).isEqualTo("v2");
        }
    }
}
