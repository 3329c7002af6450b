package dev.kvkit.assertj;

import static dev.kvkit.assertj.error.ShouldBeAbsent.shouldBeAbsent;
import static dev.kvkit.assertj.error.ShouldBePresent.shouldBePresent;
import static dev.kvkit.assertj.error.ShouldHaveCacheStatus.shouldHaveCacheStatus;
import static dev.kvkit.assertj.error.ShouldHaveValue.shouldHaveValue;

import dev.kvkit.KvValueWithMetadata;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the result of {@code getWithMetadata}: whether a value was found, the value, its
 * metadata and the reading location's cache status.
 *
 * <pre>{@code
 * assertThat(kv.getWithMetadata("user:42")).hasValue("Ada").hasMetadataValue("/owner", "ada");
 * }</pre>
 *
 * @param <T> the value's Java type
 * @since 0.1.0
 */
public class KvValueWithMetadataAssert<T> extends AbstractAssert<KvValueWithMetadataAssert<T>, KvValueWithMetadata<T>> {

    /**
     * Creates an assert; prefer {@link KvAssertions#assertThat(KvValueWithMetadata)}.
     *
     * @param actual the result
     */
    public KvValueWithMetadataAssert(KvValueWithMetadata<T> actual) {
        super(actual, KvValueWithMetadataAssert.class);
    }

    /**
     * Verifies that the read found a value.
     *
     * <pre>{@code
     * assertThat(kv.getWithMetadata("user:42")).isPresent();
     * }</pre>
     *
     * @return this assert
     */
    public KvValueWithMetadataAssert<T> isPresent() {
        isNotNull();
        if (!actual.isPresent()) {
            throwAssertionError(shouldBePresent(actual));
        }
        return myself;
    }

    /**
     * Verifies that the read found no value: the key was missing or expired.
     *
     * <pre>{@code
     * assertThat(kv.getWithMetadata("nobody")).isAbsent();
     * }</pre>
     *
     * @return this assert
     */
    public KvValueWithMetadataAssert<T> isAbsent() {
        isNotNull();
        if (actual.isPresent()) {
            throwAssertionError(shouldBeAbsent(actual));
        }
        return myself;
    }

    /**
     * Verifies the value; arrays are compared by content.
     *
     * <pre>{@code
     * assertThat(kv.getWithMetadata("user:42")).hasValue("Ada");
     * }</pre>
     *
     * @param expected the expected value
     * @return this assert
     */
    public KvValueWithMetadataAssert<T> hasValue(T expected) {
        Objects.requireNonNull(expected, "expected");
        isPresent();
        if (!Objects.deepEquals(actual.value(), expected)) {
            throw Failing.withDiff(this, shouldHaveValue(actual, expected, actual.value()), actual.value(), expected);
        }
        return myself;
    }

    /**
     * Verifies that the metadata is JSON equal to {@code expectedJson}, compared as parsed JSON.
     *
     * <pre>{@code
     * assertThat(kv.getWithMetadata("user:42")).hasMetadata("{\"owner\": \"ada\"}");
     * }</pre>
     *
     * @param expectedJson the expected metadata as JSON text
     * @return this assert
     */
    public KvValueWithMetadataAssert<T> hasMetadata(String expectedJson) {
        isNotNull();
        MetadataChecks.hasMetadata(this, actual, actual.metadata(), expectedJson, JsonSupport.DEFAULT_MAPPER);
        return myself;
    }

    /**
     * Verifies that the metadata holds {@code expected} at a JSON pointer.
     *
     * <pre>{@code
     * assertThat(kv.getWithMetadata("user:42")).hasMetadataValue("/owner", "ada");
     * }</pre>
     *
     * @param pointer a JSON pointer, such as {@code "/owner/id"}
     * @param expected the expected value, compared as JSON
     * @return this assert
     */
    public KvValueWithMetadataAssert<T> hasMetadataValue(String pointer, Object expected) {
        isNotNull();
        MetadataChecks.hasMetadataValue(this, actual, actual.metadata(), pointer, expected, JsonSupport.DEFAULT_MAPPER);
        return myself;
    }

    /**
     * Verifies that there is no metadata.
     *
     * <pre>{@code
     * assertThat(kv.getWithMetadata("greeting")).hasNoMetadata();
     * }</pre>
     *
     * @return this assert
     */
    public KvValueWithMetadataAssert<T> hasNoMetadata() {
        isNotNull();
        MetadataChecks.hasNoMetadata(this, actual, actual.metadata());
        return myself;
    }

    /**
     * Verifies how the reading location's cache answered.
     *
     * <pre>{@code
     * assertThat(location.getWithMetadata("user:42")).hasCacheStatus("HIT");
     * }</pre>
     *
     * @param expected {@code "HIT"}, {@code "MISS"} or {@code "STALE"}
     * @return this assert
     */
    public KvValueWithMetadataAssert<T> hasCacheStatus(String expected) {
        Objects.requireNonNull(expected, "expected");
        isNotNull();
        if (!expected.equals(actual.cacheStatus())) {
            throwAssertionError(shouldHaveCacheStatus(actual, expected, actual.cacheStatus()));
        }
        return myself;
    }
}
