package dev.kvkit.assertj;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.KvEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Assertions on a fake namespace at one instant, now or later: besides keys and values, the entries
 * themselves (metadata, expiration) and the namespace as it will be later.
 *
 * @param <SELF> the assert's own type
 * @param <ACTUAL> the type of the namespace view
 * @since 0.1.0
 */
public abstract class AbstractFakeKvNamespaceAssert<SELF extends AbstractFakeKvNamespaceAssert<SELF, ACTUAL>, ACTUAL>
        extends AbstractKvNamespaceAssert<SELF, ACTUAL> {

    /** Plain by default; soft assertions replace it so that moving on stays soft. */
    KvNavigation navigation = KvNavigation.DIRECT;

    /**
     * Creates an assert.
     *
     * @param actual the namespace view
     * @param selfType the assert's own class
     */
    protected AbstractFakeKvNamespaceAssert(ACTUAL actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /**
     * Returns the namespace.
     *
     * @return the namespace
     */
    protected abstract FakeKvNamespace namespace();

    /**
     * Returns the instant this assert looks at the namespace.
     *
     * @return the instant
     */
    protected abstract Instant instant();

    /**
     * Returns the entries live at {@link #instant()}, in list order.
     *
     * @return the entries by key
     */
    protected abstract Map<String, KvEntry> entries();

    /**
     * Returns the entry of a key live at {@link #instant()}.
     *
     * @param key the key
     * @return the entry, or empty
     */
    protected abstract Optional<KvEntry> entryOf(String key);

    @Override
    protected List<String> keyNames() {
        return List.copyOf(entries().keySet());
    }

    @Override
    protected Optional<String> textOf(String key) {
        return entryOf(key).map(KvEntry::valueAsText);
    }

    @Override
    protected Object describeHeld(String key) {
        return entryOf(key).orElse(null);
    }

    @Override
    protected ObjectMapper objectMapper() {
        return JsonSupport.treeMapper(namespace());
    }

    /**
     * Verifies that the namespace holds a key and returns an assert over its entry: value, metadata
     * and expiration. The entry assert parses JSON with the namespace's mapper and counts durations
     * from this assert's instant.
     *
     * <pre>{@code
     * kv.put("session:1", "ada", PutOptions.defaults().withExpirationTtl(Duration.ofMinutes(30)));
     * assertThat(kv).entry("session:1").hasText("ada").expiresWithin(Duration.ofHours(1));
     * }</pre>
     *
     * @param key the key name
     * @return an assert over the entry
     * @throws AssertionError naming the keys held and the nearest ones when the key is missing
     */
    public KvEntryAssert entry(String key) {
        Objects.requireNonNull(key, "key");
        isNotNull();
        Optional<KvEntry> entry = entryOf(key);
        AssertionError missing = entry.isPresent() ? null : missingKey(key);
        return navigation
                .toEntry(entry.orElse(null), missing)
                .usingObjectMapper(objectMapper())
                .usingJsonCodec(namespace().jsonCodec())
                .usingClock(Clock.fixed(instant(), ZoneOffset.UTC))
                .describedAs(info.description());
    }

    /**
     * Returns an assert over the namespace as it will be at {@code instant}, if nothing writes in
     * between. The clock does not move: the test goes on in the present.
     *
     * <pre>{@code
     * kv.put("session:1", "ada", PutOptions.defaults().withExpirationTtl(Duration.ofMinutes(30)));
     * assertThat(kv).containsKey("session:1")
     *         .at(clock.instant().plus(Duration.ofMinutes(30))).doesNotContainKey("session:1");
     * }</pre>
     *
     * @param instant when to look: now or later. The namespace keeps no history (a write replaces
     *     the record it overwrites), so the past cannot be answered truly and is refused
     * @return an assert over the namespace at that instant
     * @throws IllegalArgumentException when {@code instant} is before this assert's instant
     */
    public KvNamespaceAtAssert at(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        Instant now = instant();
        if (instant.isBefore(now)) {
            throw new IllegalArgumentException("at(instant) looks ahead from " + now + " and needs an instant no"
                    + " earlier, but was: " + instant + "; the namespace keeps no history of overwritten or"
                    + " deleted records, so it cannot show the past");
        }
        isNotNull();
        return navigation.toNamespaceAt(new KvNamespaceAt(namespace(), instant)).describedAs(info.description());
    }

    /**
     * Returns an assert over the namespace as it will be {@code duration} after this assert's
     * instant, if nothing writes in between. The clock does not move.
     *
     * <pre>{@code
     * kv.put("session:1", "ada", PutOptions.defaults().withExpirationTtl(Duration.ofMinutes(30)));
     * assertThat(kv).after(Duration.ofMinutes(30)).doesNotContainKey("session:1");
     * }</pre>
     *
     * @param duration how far ahead to look; not negative
     * @return an assert over the namespace then
     * @throws IllegalArgumentException when {@code duration} is negative
     */
    public KvNamespaceAtAssert after(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException(
                    "after(duration) looks ahead and needs a duration of zero or more, but was: " + duration);
        }
        isNotNull();
        return at(instant().plus(duration));
    }
}
