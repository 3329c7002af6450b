package dev.kvkit.assertj;

import static dev.kvkit.assertj.error.ShouldBeExpiredAt.shouldBeExpiredAt;
import static dev.kvkit.assertj.error.ShouldBeJson.shouldBeJson;
import static dev.kvkit.assertj.error.ShouldBeLiveAt.shouldBeLiveAt;
import static dev.kvkit.assertj.error.ShouldExpireIn.shouldExpireIn;
import static dev.kvkit.assertj.error.ShouldExpireNoSoonerThan.shouldExpireNoSoonerThan;
import static dev.kvkit.assertj.error.ShouldExpireWithin.shouldExpireWithin;
import static dev.kvkit.assertj.error.ShouldHaveBytes.shouldHaveBytes;
import static dev.kvkit.assertj.error.ShouldHaveExpiration.shouldHaveExpiration;
import static dev.kvkit.assertj.error.ShouldHaveJson.shouldHaveJson;
import static dev.kvkit.assertj.error.ShouldHaveNoExpiration.shouldHaveNoExpiration;
import static dev.kvkit.assertj.error.ShouldHaveText.shouldHaveText;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kvkit.KvJsonCodec;
import dev.kvkit.fake.KvEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one entry of a fake namespace: its value as text, bytes or JSON, its metadata and
 * its expiration.
 *
 * <pre>{@code
 * assertThat(kv).entry("user:42")
 *         .hasJson("{\"name\": \"Ada\"}")
 *         .hasMetadataValue("/owner", "ada")
 *         .expiresWithin(Duration.ofHours(1));
 * }</pre>
 *
 * <p>An entry reached through {@link AbstractFakeKvNamespaceAssert#entry(String)} parses JSON with
 * the namespace's mapper and counts durations from the namespace's clock; an entry asserted on its
 * own uses a plain mapper and needs {@link #usingClock(Clock)} before {@link
 * #expiresWithin(Duration)}.
 *
 * @since 0.1.0
 */
public class KvEntryAssert extends AbstractAssert<KvEntryAssert, KvEntry> {

    private ObjectMapper objectMapper = JsonSupport.DEFAULT_MAPPER;
    /** When set, writes expected values and reads typed values in place of {@link #objectMapper}. */
    private KvJsonCodec jsonCodec;

    private Clock clock;

    /**
     * Creates an assert; prefer {@link KvAssertions#assertThat(KvEntry)}.
     *
     * @param actual the entry
     */
    public KvEntryAssert(KvEntry actual) {
        super(actual, KvEntryAssert.class);
    }

    /**
     * Parses JSON values with this mapper, such as the application's own with its modules.
     *
     * <pre>{@code
     * assertThat(entry).usingObjectMapper(mapper).hasJsonSatisfying(User.class, user -> ...);
     * }</pre>
     *
     * @param objectMapper the mapper
     * @return this assert
     */
    public KvEntryAssert usingObjectMapper(ObjectMapper objectMapper) {
        this.objectMapper = Objects.requireNonNull(objectMapper, "objectMapper");
        this.jsonCodec = null;
        return myself;
    }

    /**
     * Writes expected values and decodes typed values with this codec, such as one over the
     * application's Jackson 3 {@code JsonMapper}; an entry asserted from a namespace assert uses the
     * namespace's codec already.
     *
     * <pre>{@code
     * assertThat(entry).usingJsonCodec(KvJsonCodec.jackson3(jsonMapper)).hasJsonValue(new User("Ada", true));
     * }</pre>
     *
     * @param jsonCodec the codec
     * @return this assert
     * @throws IllegalArgumentException when {@code jsonCodec} is null
     * @since 0.1.0
     */
    public KvEntryAssert usingJsonCodec(KvJsonCodec jsonCodec) {
        if (jsonCodec == null) {
            throw new IllegalArgumentException("jsonCodec must not be null");
        }
        this.jsonCodec = jsonCodec;
        return myself;
    }

    /** The JSON tree of a Java value, as the codec (or else the mapper) writes it. */
    private JsonNode treeOf(Object value) {
        if (jsonCodec == null) {
            return objectMapper.valueToTree(value);
        }
        return jsonCodec.readTree(new String(jsonCodec.write(value), StandardCharsets.UTF_8));
    }

    /**
     * Counts {@link #expiresWithin(Duration)} from this clock's instant.
     *
     * <pre>{@code
     * assertThat(entry).usingClock(clock).expiresWithin(Duration.ofMinutes(30));
     * }</pre>
     *
     * @param clock the clock, usually the namespace's
     * @return this assert
     */
    public KvEntryAssert usingClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return myself;
    }

    /**
     * Verifies that the value is exactly this text (the value's bytes read as UTF-8).
     *
     * <pre>{@code
     * kv.put("greeting", "hello");
     * assertThat(kv).entry("greeting").hasText("hello");
     * }</pre>
     *
     * @param expected the expected text
     * @return this assert
     */
    public KvEntryAssert hasText(String expected) {
        Objects.requireNonNull(expected, "expected");
        isNotNull();
        String found = actual.valueAsText();
        if (!found.equals(expected)) {
            throw Failing.withDiff(this, shouldHaveText(actual, actual.key(), expected, found), found, expected);
        }
        return myself;
    }

    /**
     * Verifies that the value is exactly these bytes.
     *
     * <pre>{@code
     * kv.put("blob", new byte[] {1, 2, 3});
     * assertThat(kv).entry("blob").hasBytes(new byte[] {1, 2, 3});
     * }</pre>
     *
     * @param expected the expected bytes
     * @return this assert
     */
    public KvEntryAssert hasBytes(byte[] expected) {
        Objects.requireNonNull(expected, "expected");
        isNotNull();
        byte[] found = actual.value();
        if (!Arrays.equals(found, expected)) {
            throw Failing.withDiff(this, shouldHaveBytes(actual, actual.key(), expected, found), found, expected);
        }
        return myself;
    }

    /**
     * Verifies that the value is JSON equal to {@code expectedJson}, compared as parsed JSON: object
     * members in any order, numbers by value.
     *
     * <pre>{@code
     * kv.putJson("user:42", Map.of("name", "Ada", "admin", true));
     * assertThat(kv).entry("user:42").hasJson("{\"admin\": true, \"name\": \"Ada\"}");
     * }</pre>
     *
     * @param expectedJson the expected JSON text
     * @return this assert
     * @throws IllegalArgumentException when {@code expectedJson} is not JSON
     */
    public KvEntryAssert hasJson(String expectedJson) {
        Objects.requireNonNull(expectedJson, "expectedJson");
        return hasJsonTree(JsonSupport.parseExpected(objectMapper, expectedJson, "value"));
    }

    /**
     * Verifies that the value is the JSON form of {@code expected}, as the mapper writes it, compared
     * as parsed JSON.
     *
     * <pre>{@code
     * kv.putJson("user:42", new User("Ada", true));
     * assertThat(kv).entry("user:42").hasJsonValue(new User("Ada", true));
     * }</pre>
     *
     * @param expected the expected value, a record, bean, map, list or scalar
     * @return this assert
     */
    public KvEntryAssert hasJsonValue(Object expected) {
        return hasJsonTree(treeOf(expected));
    }

    /**
     * Verifies that the value decodes as JSON to {@code type} and that the decoded value meets the
     * requirements, which are usually assertions.
     *
     * <pre>{@code
     * assertThat(kv).entry("user:42").hasJsonSatisfying(User.class, user -> {
     *     assertThat(user.name()).isEqualTo("Ada");
     *     assertThat(user.admin()).isTrue();
     * });
     * }</pre>
     *
     * @param type the class to decode to
     * @param requirements what the decoded value must meet; its assertion errors are reported as
     *     they are
     * @param <T> the decoded type
     * @return this assert
     */
    public <T> KvEntryAssert hasJsonSatisfying(Class<T> type, Consumer<? super T> requirements) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(requirements, "requirements");
        isNotNull();
        T decoded;
        try {
            decoded = jsonCodec != null
                    ? jsonCodec.read(actual.valueAsText(), type)
                    : objectMapper.readValue(actual.value(), type);
        } catch (IOException e) {
            throw assertionError(
                    shouldBeJson(actual, actual.key(), type.getName(), actual.valueAsText(), JsonSupport.problem(e)));
        } catch (UncheckedIOException e) {
            throw assertionError(shouldBeJson(
                    actual, actual.key(), type.getName(), actual.valueAsText(), JsonSupport.problem(e.getCause())));
        }
        requirements.accept(decoded);
        return myself;
    }

    /**
     * Verifies that the metadata is JSON equal to {@code expectedJson}, compared as parsed JSON.
     *
     * <pre>{@code
     * kv.put("user:42", "Ada", PutOptions.defaults().withMetadata(Map.of("owner", "ada")));
     * assertThat(kv).entry("user:42").hasMetadata("{\"owner\": \"ada\"}");
     * }</pre>
     *
     * @param expectedJson the expected metadata as JSON text
     * @return this assert
     */
    public KvEntryAssert hasMetadata(String expectedJson) {
        isNotNull();
        MetadataChecks.hasMetadata(this, actual, metadata(), expectedJson, objectMapper);
        return myself;
    }

    /**
     * Verifies that the metadata holds {@code expected} at a JSON pointer.
     *
     * <pre>{@code
     * kv.put("user:42", "Ada", PutOptions.defaults().withMetadata(Map.of("owner", Map.of("id", 7))));
     * assertThat(kv).entry("user:42").hasMetadataValue("/owner/id", 7);
     * }</pre>
     *
     * @param pointer a JSON pointer, such as {@code "/owner/id"}
     * @param expected the expected value, compared as the JSON the mapper makes of it
     * @return this assert
     * @throws IllegalArgumentException when {@code pointer} is not a JSON pointer
     */
    public KvEntryAssert hasMetadataValue(String pointer, Object expected) {
        isNotNull();
        MetadataChecks.hasMetadataValue(
                this, actual, metadata(), pointer, jsonCodec == null ? expected : treeOf(expected), objectMapper);
        return myself;
    }

    /**
     * Verifies that the entry has no metadata.
     *
     * <pre>{@code
     * kv.put("greeting", "hello");
     * assertThat(kv).entry("greeting").hasNoMetadata();
     * }</pre>
     *
     * @return this assert
     */
    public KvEntryAssert hasNoMetadata() {
        isNotNull();
        MetadataChecks.hasNoMetadata(this, actual, metadata());
        return myself;
    }

    /**
     * Verifies that the entry expires at this instant. Workers KV keeps expirations in whole
     * seconds, so {@code expected} must be too.
     *
     * <pre>{@code
     * kv.put("session:1", "ada", PutOptions.defaults().withExpiration(Instant.parse("2026-01-01T01:00:00Z")));
     * assertThat(kv).entry("session:1").hasExpiration(Instant.parse("2026-01-01T01:00:00Z"));
     * }</pre>
     *
     * @param expected the expected expiration
     * @return this assert
     */
    public KvEntryAssert hasExpiration(Instant expected) {
        Objects.requireNonNull(expected, "expected");
        isNotNull();
        Instant found = actual.expiration().orElse(null);
        if (!expected.equals(found)) {
            throwAssertionError(shouldHaveExpiration(actual, expected, found));
        }
        return myself;
    }

    /**
     * Verifies that the entry expires at most {@code duration} after the namespace's clock's
     * instant.
     *
     * <pre>{@code
     * kv.put("session:1", "ada", PutOptions.defaults().withExpirationTtl(Duration.ofMinutes(30)));
     * assertThat(kv).entry("session:1").expiresWithin(Duration.ofHours(1));
     * }</pre>
     *
     * @param duration the longest time the entry may live on
     * @return this assert
     * @throws IllegalStateException when the entry was asserted on its own, without {@link
     *     #usingClock(Clock)}
     */
    public KvEntryAssert expiresWithin(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (clock == null) {
            throw new IllegalStateException("expiresWithin(duration) counts from the namespace's clock: reach the"
                    + " entry through assertThat(namespace).entry(key), or call usingClock(clock) first");
        }
        isNotNull();
        Instant now = clock.instant();
        Instant found = actual.expiration().orElse(null);
        if (found == null || found.isAfter(now.plus(duration))) {
            throwAssertionError(shouldExpireWithin(actual, duration, now, found));
        }
        return myself;
    }

    /**
     * Verifies that the entry expires exactly {@code remaining} after the namespace's clock's
     * instant, to the second (Workers KV keeps expirations in whole seconds, and a TTL counts from
     * the whole second of the write). This is the assertion for a sliding expiry: {@link
     * #expiresWithin(Duration)} passes as well for a TTL that was never refreshed.
     *
     * <pre>{@code
     * clock.advance(Duration.ofMinutes(20));
     * sessions.resume("s-1"); // writes the session again with a fresh 30-minute TTL
     * assertThat(kv).entry("session:s-1").expiresIn(Duration.ofMinutes(30));
     * }</pre>
     *
     * @param remaining the time the entry lives on, in whole seconds
     * @return this assert
     * @throws IllegalArgumentException when {@code remaining} is negative or not whole seconds
     * @throws IllegalStateException when the entry was asserted on its own, without {@link
     *     #usingClock(Clock)}
     * @since 0.1.0
     */
    public KvEntryAssert expiresIn(Duration remaining) {
        Instant now = countingFrom("expiresIn(remaining)", remaining);
        if (remaining.getNano() != 0) {
            throw new IllegalArgumentException(
                    "expiresIn(remaining) takes whole seconds, as expirations are kept," + " but was: " + remaining);
        }
        isNotNull();
        Instant expected = now.truncatedTo(ChronoUnit.SECONDS).plus(remaining);
        Instant found = actual.expiration().orElse(null);
        if (!expected.equals(found)) {
            throwAssertionError(shouldExpireIn(actual, remaining, now, expected, found));
        }
        return myself;
    }

    /**
     * Verifies that the entry lives on for at least {@code duration} after the namespace's clock's
     * instant: it never expires, or expires no sooner than that. With {@link
     * #expiresWithin(Duration)} it bounds the expiry from both sides.
     *
     * <pre>{@code
     * assertThat(kv).entry("cache:home").expiresNoSoonerThan(Duration.ofMinutes(5)).expiresWithin(Duration.ofHours(1));
     * }</pre>
     *
     * @param duration the shortest time the entry may live on
     * @return this assert
     * @throws IllegalArgumentException when {@code duration} is negative
     * @throws IllegalStateException when the entry was asserted on its own, without {@link
     *     #usingClock(Clock)}
     * @since 0.1.0
     */
    public KvEntryAssert expiresNoSoonerThan(Duration duration) {
        Instant now = countingFrom("expiresNoSoonerThan(duration)", duration);
        isNotNull();
        Instant found = actual.expiration().orElse(null);
        if (found != null && found.isBefore(now.plus(duration))) {
            throwAssertionError(shouldExpireNoSoonerThan(actual, duration, now, found));
        }
        return myself;
    }

    private Instant countingFrom(String method, Duration duration) {
        if (duration == null) {
            throw new IllegalArgumentException(
                    method.substring(method.indexOf('(') + 1, method.length() - 1) + " must not be null");
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException(
                    method + " counts forward from now; a negative duration is" + " never met, but was: " + duration);
        }
        if (clock == null) {
            throw new IllegalStateException(method + " counts from the namespace's clock: reach the"
                    + " entry through assertThat(namespace).entry(key), or call usingClock(clock) first");
        }
        return clock.instant();
    }

    /**
     * Verifies that the entry never expires.
     *
     * <pre>{@code
     * kv.put("greeting", "hello");
     * assertThat(kv).entry("greeting").hasNoExpiration();
     * }</pre>
     *
     * @return this assert
     */
    public KvEntryAssert hasNoExpiration() {
        isNotNull();
        actual.expiration().ifPresent(found -> throwAssertionError(shouldHaveNoExpiration(actual, found)));
        return myself;
    }

    /**
     * Verifies that a read at {@code instant} would still see the entry.
     *
     * <pre>{@code
     * kv.put("session:1", "ada", PutOptions.defaults().withExpirationTtl(Duration.ofMinutes(30)));
     * assertThat(kv).entry("session:1").isLiveAt(clock.instant().plus(Duration.ofMinutes(29)));
     * }</pre>
     *
     * @param instant the instant of the read
     * @return this assert
     */
    public KvEntryAssert isLiveAt(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        isNotNull();
        if (!actual.isLiveAt(instant)) {
            throwAssertionError(
                    shouldBeLiveAt(actual, instant, actual.expiration().orElseThrow()));
        }
        return myself;
    }

    /**
     * Verifies that the entry has expired by {@code instant}: a read then would not see it.
     *
     * <pre>{@code
     * kv.put("session:1", "ada", PutOptions.defaults().withExpirationTtl(Duration.ofMinutes(30)));
     * assertThat(kv).entry("session:1").isExpiredAt(clock.instant().plus(Duration.ofMinutes(30)));
     * }</pre>
     *
     * @param instant the instant of the read
     * @return this assert
     */
    public KvEntryAssert isExpiredAt(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        isNotNull();
        if (actual.isLiveAt(instant)) {
            throwAssertionError(
                    shouldBeExpiredAt(actual, instant, actual.expiration().orElse(null)));
        }
        return myself;
    }

    private KvEntryAssert hasJsonTree(JsonNode expected) {
        isNotNull();
        JsonNode parsed;
        try {
            parsed = JsonSupport.parse(objectMapper, actual.valueAsText());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw assertionError(
                    shouldBeJson(actual, actual.key(), "JSON", actual.valueAsText(), JsonSupport.problem(e)));
        }
        if (!JsonSupport.equal(parsed, expected)) {
            throw Failing.withDiff(
                    this,
                    shouldHaveJson(actual, actual.key(), JsonSupport.compact(expected), JsonSupport.compact(parsed)),
                    JsonSupport.pretty(parsed),
                    JsonSupport.pretty(expected));
        }
        return myself;
    }

    private JsonNode metadata() {
        return actual.metadata().orElse(null);
    }
}
