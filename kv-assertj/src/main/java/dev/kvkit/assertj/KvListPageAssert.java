package dev.kvkit.assertj;

import static dev.kvkit.assertj.error.ShouldBeComplete.shouldBeComplete;
import static dev.kvkit.assertj.error.ShouldContainKey.shouldContainKey;
import static dev.kvkit.assertj.error.ShouldContainKeys.shouldContainKeys;
import static dev.kvkit.assertj.error.ShouldHaveCursor.shouldHaveCursor;
import static dev.kvkit.assertj.error.ShouldHaveExpiration.shouldHaveExpiration;
import static dev.kvkit.assertj.error.ShouldHaveNoCursor.shouldHaveNoCursor;
import static dev.kvkit.assertj.error.ShouldHaveNoExpiration.shouldHaveNoExpiration;
import static dev.kvkit.assertj.error.ShouldHaveSize.shouldHaveSize;
import static dev.kvkit.assertj.error.ShouldNotBeComplete.shouldNotBeComplete;

import dev.kvkit.KvListKey;
import dev.kvkit.KvListPage;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one page of a {@code list}: whether more pages follow, its cursor, its key names
 * and what it shows of each key (expiration, metadata).
 *
 * <pre>{@code
 * KvListPage page = kv.list(ListOptions.defaults().withPrefix("user:").withLimit(2));
 * assertThat(page).isNotComplete().hasCursor().containsExactlyNames("user:1", "user:2");
 * }</pre>
 *
 * @since 0.1.0
 */
public class KvListPageAssert extends AbstractAssert<KvListPageAssert, KvListPage> {

    /**
     * Creates an assert; prefer {@link KvAssertions#assertThat(KvListPage)}.
     *
     * @param actual the page
     */
    public KvListPageAssert(KvListPage actual) {
        super(actual, KvListPageAssert.class);
    }

    /**
     * Verifies that the page is the last one: no keys follow.
     *
     * <pre>{@code
     * assertThat(kv.list()).isComplete();
     * }</pre>
     *
     * @return this assert
     */
    public KvListPageAssert isComplete() {
        isNotNull();
        if (!actual.listComplete()) {
            throwAssertionError(shouldBeComplete(actual, actual.cursor()));
        }
        return myself;
    }

    /**
     * Verifies that more keys follow this page.
     *
     * <pre>{@code
     * assertThat(kv.list(ListOptions.defaults().withLimit(1))).isNotComplete();
     * }</pre>
     *
     * @return this assert
     */
    public KvListPageAssert isNotComplete() {
        isNotNull();
        if (actual.listComplete()) {
            throwAssertionError(shouldNotBeComplete(actual));
        }
        return myself;
    }

    /**
     * Verifies that the page has a cursor for the next page.
     *
     * <pre>{@code
     * assertThat(kv.list(ListOptions.defaults().withLimit(1))).hasCursor();
     * }</pre>
     *
     * @return this assert
     */
    public KvListPageAssert hasCursor() {
        isNotNull();
        if (actual.cursor() == null) {
            throwAssertionError(shouldHaveCursor(actual));
        }
        return myself;
    }

    /**
     * Verifies that the page has no cursor.
     *
     * <pre>{@code
     * assertThat(kv.list()).hasNoCursor();
     * }</pre>
     *
     * @return this assert
     */
    public KvListPageAssert hasNoCursor() {
        isNotNull();
        if (actual.cursor() != null) {
            throwAssertionError(shouldHaveNoCursor(actual, actual.cursor()));
        }
        return myself;
    }

    /**
     * Verifies the page's key names, exactly and in order.
     *
     * <pre>{@code
     * assertThat(kv.list()).containsExactlyNames("a", "b");
     * }</pre>
     *
     * @param names the expected names, in list order
     * @return this assert
     */
    public KvListPageAssert containsExactlyNames(String... names) {
        List<String> expected = List.of(Objects.requireNonNull(names, "names"));
        isNotNull();
        List<String> found = actual.names();
        KeyLists.checkExactly(this, actual, expected, found);
        return myself;
    }

    /**
     * Verifies that the page holds these key names, in any order, among others.
     *
     * <pre>{@code
     * assertThat(kv.list()).containsNames("b");
     * }</pre>
     *
     * @param names the names
     * @return this assert
     */
    public KvListPageAssert containsNames(String... names) {
        List<String> expected = List.of(Objects.requireNonNull(names, "names"));
        isNotNull();
        List<String> missing = KeyLists.minus(expected, actual.names());
        if (!missing.isEmpty()) {
            throwAssertionError(shouldContainKeys(actual, expected, missing));
        }
        return myself;
    }

    /**
     * Verifies how many keys the page holds. A short page says nothing about the end of the list:
     * check {@link #isComplete()} for that.
     *
     * <pre>{@code
     * assertThat(kv.list(ListOptions.defaults().withLimit(2))).hasSize(2);
     * }</pre>
     *
     * @param expected the number of keys
     * @return this assert
     */
    public KvListPageAssert hasSize(int expected) {
        isNotNull();
        if (actual.keys().size() != expected) {
            throwAssertionError(shouldHaveSize(actual, expected, actual.names()));
        }
        return myself;
    }

    /**
     * Verifies that the page shows this expiration for a key.
     *
     * <pre>{@code
     * kv.put("session:1", "ada", PutOptions.defaults().withExpiration(Instant.parse("2026-01-01T01:00:00Z")));
     * assertThat(kv.list()).hasExpiration("session:1", Instant.parse("2026-01-01T01:00:00Z"));
     * }</pre>
     *
     * @param name the key name
     * @param expected the expected expiration
     * @return this assert
     */
    public KvListPageAssert hasExpiration(String name, Instant expected) {
        Objects.requireNonNull(expected, "expected");
        KvListKey key = key(name);
        Instant found = key.expirationInstant();
        if (!expected.equals(found)) {
            throwAssertionError(shouldHaveExpiration(key, expected, found));
        }
        return myself;
    }

    /**
     * Verifies that the page shows no expiration for a key.
     *
     * <pre>{@code
     * kv.put("greeting", "hello");
     * assertThat(kv.list()).hasNoExpiration("greeting");
     * }</pre>
     *
     * @param name the key name
     * @return this assert
     */
    public KvListPageAssert hasNoExpiration(String name) {
        KvListKey key = key(name);
        if (key.expiration() != null) {
            throwAssertionError(shouldHaveNoExpiration(key, key.expirationInstant()));
        }
        return myself;
    }

    /**
     * Verifies that the page shows this metadata for a key, compared as parsed JSON.
     *
     * <pre>{@code
     * kv.put("user:42", "Ada", PutOptions.defaults().withMetadata(Map.of("owner", "ada")));
     * assertThat(kv.list()).hasMetadata("user:42", "{\"owner\": \"ada\"}");
     * }</pre>
     *
     * @param name the key name
     * @param expectedJson the expected metadata as JSON text
     * @return this assert
     */
    public KvListPageAssert hasMetadata(String name, String expectedJson) {
        KvListKey key = key(name);
        MetadataChecks.hasMetadata(this, key, key.metadata(), expectedJson, JsonSupport.DEFAULT_MAPPER);
        return myself;
    }

    /**
     * Verifies that the page shows no metadata for a key.
     *
     * <pre>{@code
     * kv.put("greeting", "hello");
     * assertThat(kv.list()).hasNoMetadata("greeting");
     * }</pre>
     *
     * @param name the key name
     * @return this assert
     */
    public KvListPageAssert hasNoMetadata(String name) {
        KvListKey key = key(name);
        MetadataChecks.hasNoMetadata(this, key, key.metadata());
        return myself;
    }

    private KvListKey key(String name) {
        Objects.requireNonNull(name, "name");
        isNotNull();
        for (KvListKey key : actual.keys()) {
            if (key.name().equals(name)) {
                return key;
            }
        }
        List<String> held = actual.names();
        throw assertionError(shouldContainKey(actual, name, held, NearestKeys.to(name, held)));
    }
}
