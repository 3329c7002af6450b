package dev.kvkit.assertj;

import static dev.kvkit.assertj.error.ShouldNotReadKey.shouldNotReadKey;
import static dev.kvkit.assertj.error.ShouldReadKey.shouldReadKey;
import static dev.kvkit.assertj.error.ShouldReadText.shouldReadText;
import static dev.kvkit.assertj.error.ShouldSeeCurrentValue.shouldSeeCurrentValue;
import static dev.kvkit.assertj.error.ShouldSeeCurrentValueFrom.shouldSeeCurrentValueFrom;
import static dev.kvkit.assertj.error.ShouldSeeCurrentValueWithin.shouldSeeCurrentValueWithin;

import dev.kvkit.fake.FakeKvLocation;
import dev.kvkit.fake.KvEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a namespace as one location sees it: what a read there returns now, and when the
 * location will see a key's current value. Nothing here reads through the location, moves the clock
 * or fills the location's cache, so asserting does not change what the code under test reads next.
 *
 * <pre>{@code
 * FakeKvLocation sydney = kv.location("syd");
 * kv.put("config", "v1");
 * sydney.get("config");                      // cached in syd for 60 s
 * kv.put("config", "v2");
 *
 * assertThat(sydney).hasText("config", "v1")
 *         .seesCurrentValueFrom("config", clock.instant().plusSeconds(60));
 * }</pre>
 *
 * <p>A failure on a stale read says so: until when the location serves its cached answer, and what
 * the namespace holds meanwhile.
 *
 * @since 0.1.0
 */
public class FakeKvLocationAssert extends AbstractAssert<FakeKvLocationAssert, FakeKvLocation> {

    /** Plain by default; soft assertions replace it so that moving on stays soft. */
    KvNavigation navigation = KvNavigation.DIRECT;

    /**
     * Creates an assert; prefer {@link KvAssertions#assertThat(FakeKvLocation)}.
     *
     * @param actual the location
     */
    public FakeKvLocationAssert(FakeKvLocation actual) {
        super(actual, FakeKvLocationAssert.class);
    }

    /**
     * Verifies that a read of the key from this location would return a value now.
     *
     * <pre>{@code
     * kv.put("session", "abc");
     * assertThat(sydney).containsKey("session");
     * }</pre>
     *
     * @param key the key name
     * @return this assert
     * @throws AssertionError saying, for a cached miss, until when it is served
     */
    public FakeKvLocationAssert containsKey(String key) {
        Objects.requireNonNull(key, "key");
        isNotNull();
        if (read(key).isEmpty()) {
            throw Failing.of(this, shouldReadKey(actual, key, current(key).orElse(null), cachedUntil(key)));
        }
        return myself;
    }

    /**
     * Verifies that a read of the key from this location would return null now: the key is missing,
     * expired, or this location serves a cached miss.
     *
     * <pre>{@code
     * sydney.get("session");                     // a miss, cached in syd
     * kv.put("session", "abc");
     * assertThat(sydney).doesNotContainKey("session");
     * }</pre>
     *
     * @param key the key name
     * @return this assert
     * @throws AssertionError saying, for a stale value, until when it is served
     */
    public FakeKvLocationAssert doesNotContainKey(String key) {
        Objects.requireNonNull(key, "key");
        isNotNull();
        Optional<KvEntry> read = read(key);
        if (read.isPresent()) {
            throw Failing.of(
                    this, shouldNotReadKey(actual, key, read.get(), current(key).orElse(null), cachedUntil(key)));
        }
        return myself;
    }

    /**
     * Verifies that a read of the key from this location would return a value now, and returns an
     * assert over that value as the location reads it: text, JSON, metadata and expiration, stale
     * or not. The entry assert parses JSON with the namespace's mapper and counts durations from
     * the clock's instant.
     *
     * <pre>{@code
     * assertThat(sydney).entry("user:42").hasMetadataValue("/role", "viewer");   // syd's cached copy
     * }</pre>
     *
     * @param key the key name
     * @return an assert over the entry the location reads
     * @throws AssertionError as {@link #containsKey(String)} when the location reads no value
     */
    public KvEntryAssert entry(String key) {
        Objects.requireNonNull(key, "key");
        isNotNull();
        Optional<KvEntry> read = read(key);
        AssertionError missing = read.isPresent()
                ? null
                : Failing.of(this, shouldReadKey(actual, key, current(key).orElse(null), cachedUntil(key)));
        return navigation
                .toEntry(read.orElse(null), missing)
                .usingObjectMapper(JsonSupport.treeMapper(actual.namespace()))
                .usingJsonCodec(actual.namespace().jsonCodec())
                .usingClock(Clock.fixed(now(), ZoneOffset.UTC))
                .describedAs(info.description());
    }

    /**
     * Verifies that a read of the key from this location would return exactly this text now. A
     * failure shows both texts for an IDE diff.
     *
     * <pre>{@code
     * assertThat(sydney).hasText("config", "v1");   // stale, but what syd reads
     * }</pre>
     *
     * @param key the key name
     * @param expected the expected text
     * @return this assert
     */
    public FakeKvLocationAssert hasText(String key, String expected) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(expected, "expected");
        containsKey(key);
        String found = read(key).orElseThrow().valueAsText();
        if (!found.equals(expected)) {
            String current = current(key).map(KvEntry::valueAsText).orElse(null);
            throw Failing.withDiff(
                    this, shouldReadText(actual, key, expected, found, current, cachedUntil(key)), found, expected);
        }
        return myself;
    }

    /**
     * Verifies that a read of the key from this location would return the key's current value now
     * (or its current absence), not a stale answer from the location's cache.
     *
     * <pre>{@code
     * kv.put("config", "v2");
     * clock.advance(Duration.ofSeconds(60));
     * assertThat(sydney).seesCurrentValueOf("config");
     * }</pre>
     *
     * @param key the key name
     * @return this assert
     * @throws AssertionError showing the cached answer, until when it is served, and the current one
     */
    public FakeKvLocationAssert seesCurrentValueOf(String key) {
        Objects.requireNonNull(key, "key");
        isNotNull();
        Instant cachedUntil = cachedUntil(key);
        if (cachedUntil != null) {
            throw Failing.of(
                    this,
                    shouldSeeCurrentValue(
                            actual, key, read(key).orElse(null), current(key).orElse(null), cachedUntil));
        }
        return myself;
    }

    /**
     * Verifies the instant from which reads of the key from this location return its current value,
     * if nothing writes to it in between; see {@link FakeKvLocation#seesCurrentValueFrom(String)}.
     * The clock does not move. A failure shows both instants for an IDE diff.
     *
     * <pre>{@code
     * sydney.get("config");                      // cached at 00:00:00 for 60 s
     * kv.put("config", "v2");
     * assertThat(sydney).seesCurrentValueFrom("config", Instant.parse("2026-01-01T00:01:00Z"));
     * }</pre>
     *
     * @param key the key name
     * @param expected the instant; the clock's instant when the location already sees the current
     *     value
     * @return this assert
     */
    public FakeKvLocationAssert seesCurrentValueFrom(String key, Instant expected) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(expected, "expected");
        isNotNull();
        Instant found = actual.seesCurrentValueFrom(key);
        if (!found.equals(expected)) {
            throw Failing.withDiff(this, shouldSeeCurrentValueFrom(actual, key, expected, found), found, expected);
        }
        return myself;
    }

    /**
     * Verifies that reads of the key from this location return its current value within {@code
     * duration} of the clock's instant, if nothing writes to it in between. The clock does not move:
     * the test states when a write will reach this location and goes on in the present.
     *
     * <pre>{@code
     * kv.put("config", "v2");
     * assertThat(sydney).willSeeCurrentValueWithin("config", Duration.ofMinutes(1));
     * }</pre>
     *
     * @param key the key name
     * @param duration how long the location may go on serving a stale answer; not negative
     * @return this assert
     * @throws IllegalArgumentException when {@code duration} is negative
     */
    public FakeKvLocationAssert willSeeCurrentValueWithin(String key, Duration duration) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException(
                    "willSeeCurrentValueWithin needs a duration of zero or more, but was: " + duration);
        }
        isNotNull();
        Instant now = now();
        Instant found = actual.seesCurrentValueFrom(key);
        if (found.isAfter(now.plus(duration))) {
            throw Failing.of(this, shouldSeeCurrentValueWithin(actual, key, duration, now, found));
        }
        return myself;
    }

    /** What a plain read from the location would return now, read without filling its cache. */
    private Optional<KvEntry> read(String key) {
        return actual.entry(key);
    }

    private Optional<KvEntry> current(String key) {
        return actual.namespace().entry(key);
    }

    /** Until when the location serves a stale answer for the key; {@code null} when it is current. */
    private Instant cachedUntil(String key) {
        Instant from = actual.seesCurrentValueFrom(key);
        return from.isAfter(now()) ? from : null;
    }

    private Instant now() {
        return actual.namespace().clock().instant();
    }
}
