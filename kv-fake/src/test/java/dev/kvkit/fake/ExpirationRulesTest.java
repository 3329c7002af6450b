package dev.kvkit.fake;

import static dev.kvkit.fake.Refusals.assertArgumentRefusal;
import static dev.kvkit.fake.Refusals.assertRefusedWithoutChange;
import static dev.kvkit.fake.Refusals.assertServiceRefusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.KvOperation;
import dev.kvkit.PutOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec section "Expiration": the TTL and absolute expiration rules, their messages and their order. */
class ExpirationRulesTest {

    private final TestClock clock = TestClock.create();
    private final FakeKvNamespace kv = Namespaces.seeded(clock);
    private final long now = clock.instant().getEpochSecond();

    private Instant storedExpiration(String key) {
        return kv.entry(key).orElseThrow().expiration().orElseThrow();
    }

    @Nested
    class Ttl {

        @ParameterizedTest
        @ValueSource(longs = {0, -1, -60, Integer.MIN_VALUE, Integer.MIN_VALUE - 1L, Long.MIN_VALUE})
        void aTtlOfZeroOrLessIsRefused(long ttl) {
            assertServiceRefusal(
                    kv,
                    () -> kv.put(Namespaces.EXISTING, "v", PutOptions.defaults().withExpirationTtl(ttl)),
                    KvOperation.PUT,
                    400,
                    "KV PUT failed: 400 Invalid expiration_ttl of " + ttl + ". Please specify integer greater than 0.");
        }

        @ParameterizedTest
        @ValueSource(longs = {1, 59})
        void aTtlUnder60IsRefused(long ttl) {
            assertServiceRefusal(
                    kv,
                    () -> kv.put(Namespaces.EXISTING, "v", PutOptions.defaults().withExpirationTtl(ttl)),
                    KvOperation.PUT,
                    400,
                    "KV PUT failed: 400 Invalid expiration_ttl of " + ttl + ". Expiration TTL must be at least 60.");
        }

        @Test
        void aTtlOf60ExpiresSixtySecondsAfterNow() {
            kv.put("k", "v", PutOptions.defaults().withExpirationTtl(60));

            assertThat(storedExpiration("k")).isEqualTo(Instant.ofEpochSecond(now + 60));
        }

        @Test
        void aTtlCountsFromTheWholeSecondOfNow() {
            clock.advance(Duration.ofMillis(999));

            kv.put("k", "v", PutOptions.defaults().withExpirationTtl(60));

            assertThat(storedExpiration("k")).isEqualTo(Instant.ofEpochSecond(now + 60));
        }

        @Test
        void aTtlAbove32BitsIsRefusedByTheBinding() {
            assertArgumentRefusal(
                    kv,
                    () -> kv.put(Namespaces.EXISTING, "v", PutOptions.defaults().withExpirationTtl(2_147_483_648L)),
                    "Invalid expiration_ttl of 2147483648. The binding carries 32-bit integers: the largest allowed is"
                            + " 2147483647.");
        }
    }

    @Nested
    class AbsoluteExpiration {

        @ParameterizedTest
        @ValueSource(longs = {Long.MIN_VALUE, Integer.MIN_VALUE - 1L, -1})
        void aNegativeExpirationOfAnySizeGetsTheServicesMessage(long expiration) {
            assertServiceRefusal(
                    kv,
                    () -> kv.put(Namespaces.EXISTING, "v", PutOptions.defaults().withExpiration(expiration)),
                    KvOperation.PUT,
                    400,
                    "KV PUT failed: 400 Invalid expiration of " + expiration
                            + ". Please specify integer greater than the current number of seconds since the UNIX"
                            + " epoch.");
        }

        @ParameterizedTest
        @ValueSource(longs = {0, 1, 3600})
        void anExpirationAtOrBeforeNowIsRefused(long secondsBeforeNow) {
            long expiration = now - secondsBeforeNow;
            assertServiceRefusal(
                    kv,
                    () -> kv.put(Namespaces.EXISTING, "v", PutOptions.defaults().withExpiration(expiration)),
                    KvOperation.PUT,
                    400,
                    "KV PUT failed: 400 Invalid expiration of " + expiration
                            + ". Please specify integer greater than the current number of seconds since the UNIX"
                            + " epoch.");
        }

        @ParameterizedTest
        @ValueSource(longs = {0, -5})
        void anExpirationOfZeroOrANegativeNumberIsInThePast(long expiration) {
            assertServiceRefusal(
                    kv,
                    () -> kv.put(Namespaces.EXISTING, "v", PutOptions.defaults().withExpiration(expiration)),
                    KvOperation.PUT,
                    400,
                    "KV PUT failed: 400 Invalid expiration of " + expiration
                            + ". Please specify integer greater than the current number of seconds since the UNIX"
                            + " epoch.");
        }

        @ParameterizedTest
        @ValueSource(longs = {1, 30, 59})
        void anExpirationLessThan60SecondsAheadIsRefused(long secondsAhead) {
            long expiration = now + secondsAhead;
            assertServiceRefusal(
                    kv,
                    () -> kv.put(Namespaces.EXISTING, "v", PutOptions.defaults().withExpiration(expiration)),
                    KvOperation.PUT,
                    400,
                    "KV PUT failed: 400 Invalid expiration of " + expiration
                            + ". Expiration times must be at least 60 seconds in the future.");
        }

        @Test
        void anExpirationExactly60SecondsAheadIsAccepted() {
            kv.put("k", "v", PutOptions.defaults().withExpiration(now + 60));

            assertThat(storedExpiration("k")).isEqualTo(Instant.ofEpochSecond(now + 60));
        }

        @Test
        void nowSecondsIsTheFloorOfTheClock() {
            clock.advance(Duration.ofMillis(999)); // 59.001 s before now + 60, yet accepted

            kv.put("k", "v", PutOptions.defaults().withExpiration(now + 60));

            assertThat(storedExpiration("k")).isEqualTo(Instant.ofEpochSecond(now + 60));
        }

        @Test
        void anInstantIsTruncatedToWholeSeconds() {
            kv.put(
                    "k",
                    "v",
                    PutOptions.defaults().withExpiration(clock.instant().plusMillis(90_500)));

            assertThat(storedExpiration("k")).isEqualTo(Instant.ofEpochSecond(now + 90));
        }

        @Test
        void theLargest32BitExpirationIsAccepted() {
            kv.put("k", "v", PutOptions.defaults().withExpiration(Integer.MAX_VALUE));

            assertThat(storedExpiration("k")).isEqualTo(Instant.ofEpochSecond(Integer.MAX_VALUE));
        }

        @Test
        void anExpirationAbove32BitsIsRefusedByTheBinding() {
            assertArgumentRefusal(
                    kv,
                    () -> kv.put(Namespaces.EXISTING, "v", PutOptions.defaults().withExpiration(2_147_483_648L)),
                    "Invalid expiration of 2147483648. The binding carries 32-bit integers: the largest allowed is"
                            + " 2147483647.");
        }
    }

    @Nested
    class TtlAndExpirationTogether {

        @Test
        void theTtlWinsOverAValidExpiration() {
            kv.put("k", "v", PutOptions.defaults().withExpiration(now + 7200).withExpirationTtl(120));

            assertThat(storedExpiration("k")).isEqualTo(Instant.ofEpochSecond(now + 120));
        }

        @Test
        void theTtlWinsOverAnExpirationInThePast() {
            kv.put("k", "v", PutOptions.defaults().withExpiration(now - 5).withExpirationTtl(120));

            assertThat(storedExpiration("k")).isEqualTo(Instant.ofEpochSecond(now + 120));
        }

        @Test
        void anInvalidTtlIsReportedEvenWhenTheExpirationIsValid() {
            assertServiceRefusal(
                    kv,
                    () -> kv.put(
                            Namespaces.EXISTING,
                            "v",
                            PutOptions.defaults().withExpiration(now + 7200).withExpirationTtl(30)),
                    KvOperation.PUT,
                    400,
                    "KV PUT failed: 400 Invalid expiration_ttl of 30. Expiration TTL must be at least 60.");
        }
    }

    /**
     * The binding converts its options before anything else: a value it cannot carry in 32 bits is
     * an argument error even when the other option would win, and before any key rule.
     */
    @Nested
    class OptionConversionFirst {

        private static final long TOO_LARGE = 2_147_483_648L;
        private static final String EXPIRATION_OUT_OF_RANGE = "Invalid expiration of 2147483648. The binding carries"
                + " 32-bit integers: the largest allowed is 2147483647.";
        private static final String TTL_OUT_OF_RANGE = "Invalid expiration_ttl of 2147483648. The binding carries"
                + " 32-bit integers: the largest allowed is 2147483647.";

        @Test
        void anExpirationAbove32BitsIsRefusedEvenWhenAValidTtlWouldWin() {
            assertArgumentRefusal(
                    kv,
                    () -> kv.put(
                            Namespaces.EXISTING,
                            "v",
                            PutOptions.defaults().withExpiration(TOO_LARGE).withExpirationTtl(120)),
                    EXPIRATION_OUT_OF_RANGE);
        }

        @Test
        void aTtlAbove32BitsIsRefusedEvenWithAValidExpiration() {
            assertArgumentRefusal(
                    kv,
                    () -> kv.put(
                            Namespaces.EXISTING,
                            "v",
                            PutOptions.defaults().withExpiration(now + 7200).withExpirationTtl(TOO_LARGE)),
                    TTL_OUT_OF_RANGE);
        }

        @Test
        void withBothAbove32BitsTheExpirationIsReportedAsTheBindingConvertsItFirst() {
            assertArgumentRefusal(
                    kv,
                    () -> kv.put(
                            Namespaces.EXISTING,
                            "v",
                            PutOptions.defaults().withExpirationTtl(TOO_LARGE).withExpiration(TOO_LARGE)),
                    EXPIRATION_OUT_OF_RANGE);
        }

        @Test
        void theConversionComesBeforeEveryKeyRuleAndTheValueType() {
            PutOptions ttl = PutOptions.defaults().withExpirationTtl(TOO_LARGE);
            PutOptions expiration = PutOptions.defaults().withExpiration(TOO_LARGE);

            assertArgumentRefusal(kv, () -> kv.put("", "v", ttl), TTL_OUT_OF_RANGE);
            assertArgumentRefusal(kv, () -> kv.put("..", "v", expiration), EXPIRATION_OUT_OF_RANGE);
            assertArgumentRefusal(kv, () -> kv.put("a".repeat(513), "v", ttl), TTL_OUT_OF_RANGE);
            assertArgumentRefusal(kv, () -> kv.putJson("\uD800", "v", expiration), EXPIRATION_OUT_OF_RANGE);
            assertArgumentRefusal(kv, () -> kv.put(Namespaces.EXISTING, (String) null, ttl), TTL_OUT_OF_RANGE);
        }

        @Test
        void aNegativeExpirationWithATtlIsStillIgnored() {
            kv.put(
                    "k",
                    "v",
                    PutOptions.defaults().withExpiration(Long.MIN_VALUE).withExpirationTtl(120));

            assertThat(storedExpiration("k")).isEqualTo(Instant.ofEpochSecond(now + 120));
        }
    }

    /**
     * The order of a put's checks: key rules, value type, metadata serialisation, expiration_ttl /
     * expiration, metadata size, value size. Each test breaks two adjacent rules at once and shows
     * which one is reported.
     */
    @Nested
    class OrderOfPutChecks {

        private final PutOptions unserialisableMetadata = PutOptions.defaults().withMetadata(new Object());
        private final PutOptions tooLargeMetadata = PutOptions.defaults().withMetadata("x".repeat(2000));

        @Test
        void keyRulesComeBeforeTheValueType() {
            assertArgumentRefusal(kv, () -> kv.put("", (String) null), "Key name cannot be empty.");
            assertServiceRefusal(
                    kv,
                    () -> kv.put("a".repeat(513), (byte[]) null),
                    KvOperation.PUT,
                    414,
                    "KV PUT failed: 414 UTF-8 encoded length of 513 exceeds key length limit of 512.");
            assertServiceRefusal(
                    kv,
                    () -> kv.putJson("\uD800", null),
                    KvOperation.PUT,
                    400,
                    "KV PUT failed: 400 Could not URL-decode key name");
        }

        @Test
        void theValueTypeComesBeforeMetadataSerialisation() {
            assertArgumentRefusal(
                    kv,
                    () -> kv.put(Namespaces.EXISTING, (String) null, unserialisableMetadata),
                    "KV put() accepts only text, bytes, a stream or a JSON-serialisable object as a value, but was:"
                            + " null");
        }

        @Test
        void metadataSerialisationComesBeforeTheTtl() {
            IllegalArgumentException refusal = assertRefusedWithoutChange(
                    kv,
                    () -> kv.put(Namespaces.EXISTING, "v", unserialisableMetadata.withExpirationTtl(0)),
                    IllegalArgumentException.class);

            assertThat(refusal).hasMessageStartingWith("KV put() could not serialise the metadata as JSON: ");
        }

        @Test
        void metadataSerialisationComesBeforeTheExpiration() {
            IllegalArgumentException refusal = assertRefusedWithoutChange(
                    kv,
                    () -> kv.put(Namespaces.EXISTING, "v", unserialisableMetadata.withExpiration(now)),
                    IllegalArgumentException.class);

            assertThat(refusal).hasMessageStartingWith("KV put() could not serialise the metadata as JSON: ");
        }

        @Test
        void theTtlComesBeforeTheMetadataSize() {
            assertServiceRefusal(
                    kv,
                    () -> kv.put(Namespaces.EXISTING, "v", tooLargeMetadata.withExpirationTtl(59)),
                    KvOperation.PUT,
                    400,
                    "KV PUT failed: 400 Invalid expiration_ttl of 59. Expiration TTL must be at least 60.");
        }

        @Test
        void theExpirationComesBeforeTheMetadataSize() {
            assertServiceRefusal(
                    kv,
                    () -> kv.put(Namespaces.EXISTING, "v", tooLargeMetadata.withExpiration(now + 1)),
                    KvOperation.PUT,
                    400,
                    "KV PUT failed: 400 Invalid expiration of " + (now + 1)
                            + ". Expiration times must be at least 60 seconds in the future.");
        }

        @Test
        void theMetadataSizeComesBeforeTheValueSize() {
            FakeKvNamespace small = Namespaces.seeded(
                    clock, KvLimits.cloudflare().toBuilder().maxValueBytes(16).build());

            assertServiceRefusal(
                    small,
                    () -> small.put(Namespaces.EXISTING, "x".repeat(17), tooLargeMetadata),
                    KvOperation.PUT,
                    413,
                    "KV PUT failed: 413 Metadata length of 2002 exceeds limit of 1024.");
        }

        @Test
        void theValueSizeIsCheckedLast() {
            FakeKvNamespace small = Namespaces.seeded(
                    clock, KvLimits.cloudflare().toBuilder().maxValueBytes(16).build());

            assertServiceRefusal(
                    small,
                    () -> small.put(
                            Namespaces.EXISTING,
                            "x".repeat(17),
                            PutOptions.defaults()
                                    .withMetadata(Map.of("ok", true))
                                    .withExpirationTtl(60)),
                    KvOperation.PUT,
                    413,
                    "KV PUT failed: 413 Value length of 17 exceeds limit of 16.");
        }
    }
}
