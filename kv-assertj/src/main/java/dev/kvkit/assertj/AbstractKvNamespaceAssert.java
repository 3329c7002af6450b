package dev.kvkit.assertj;

import static dev.kvkit.assertj.error.ShouldBeEmpty.shouldBeEmpty;
import static dev.kvkit.assertj.error.ShouldBeJson.shouldBeJson;
import static dev.kvkit.assertj.error.ShouldContainKey.shouldContainKey;
import static dev.kvkit.assertj.error.ShouldHaveJson.shouldHaveJson;
import static dev.kvkit.assertj.error.ShouldHaveKeysWithPrefix.shouldHaveKeysWithPrefix;
import static dev.kvkit.assertj.error.ShouldHaveSize.shouldHaveSize;
import static dev.kvkit.assertj.error.ShouldHaveText.shouldHaveText;
import static dev.kvkit.assertj.error.ShouldNotContainKey.shouldNotContainKey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the keys and values of a namespace, whatever answers for it: a fake, a fake at
 * another instant, or any {@code KvBinding}. Subclasses say how to read the keys and the values.
 *
 * @param <SELF> the assert's own type
 * @param <ACTUAL> the type of the namespace
 * @since 0.1.0
 */
public abstract class AbstractKvNamespaceAssert<SELF extends AbstractKvNamespaceAssert<SELF, ACTUAL>, ACTUAL>
        extends AbstractAssert<SELF, ACTUAL> {

    /**
     * Creates an assert.
     *
     * @param actual the namespace
     * @param selfType the assert's own class
     */
    protected AbstractKvNamespaceAssert(ACTUAL actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /**
     * Returns the names of the keys the namespace holds, in list order.
     *
     * @return the key names
     */
    protected abstract List<String> keyNames();

    /**
     * Returns the value of a key as text.
     *
     * @param key the key
     * @return the value, or empty when the key is missing or expired
     */
    protected abstract Optional<String> textOf(String key);

    /**
     * Returns what a failure shows the namespace holds at a key it should not hold.
     *
     * @param key the key, which is present
     * @return a description of the value
     */
    protected Object describeHeld(String key) {
        return textOf(key).orElse(null);
    }

    /**
     * Returns the mapper that parses JSON values.
     *
     * @return the mapper
     */
    protected ObjectMapper objectMapper() {
        return JsonSupport.DEFAULT_MAPPER;
    }

    /**
     * Verifies that the namespace holds a live key.
     *
     * <pre>{@code
     * kv.put("user:42", "Ada");
     * assertThat(kv).containsKey("user:42");
     * }</pre>
     *
     * @param key the key name
     * @return this assert
     * @throws AssertionError naming the keys held and the nearest ones when the key is missing
     */
    public SELF containsKey(String key) {
        Objects.requireNonNull(key, "key");
        isNotNull();
        if (textOf(key).isEmpty()) {
            throwMissingKey(key);
        }
        return myself;
    }

    /**
     * Verifies that the namespace does not hold a key, or that it has expired.
     *
     * <pre>{@code
     * kv.delete("user:42");
     * assertThat(kv).doesNotContainKey("user:42");
     * }</pre>
     *
     * @param key the key name
     * @return this assert
     */
    public SELF doesNotContainKey(String key) {
        Objects.requireNonNull(key, "key");
        isNotNull();
        if (textOf(key).isPresent()) {
            throwAssertionError(shouldNotContainKey(actual, key, describeHeld(key)));
        }
        return myself;
    }

    /**
     * Verifies that the namespace holds exactly these keys and no others, given in list order (UTF-8
     * byte order, as {@code list} returns them).
     *
     * <pre>{@code
     * kv.put("b", "2");
     * kv.put("a", "1");
     * assertThat(kv).containsExactlyKeys("a", "b");
     * }</pre>
     *
     * @param keys the expected key names, in list order
     * @return this assert
     */
    public SELF containsExactlyKeys(String... keys) {
        List<String> expected = names(keys);
        isNotNull();
        List<String> found = keyNames();
        KeyLists.checkExactly(this, actual, expected, found);
        return myself;
    }

    /**
     * Verifies that the keys starting with {@code prefix} are exactly these, in list order; other
     * keys are ignored. With no keys given it verifies that no key has the prefix.
     *
     * <pre>{@code
     * kv.put("user:1", "Ada");
     * kv.put("order:7", "pending");
     * assertThat(kv).hasKeysWithPrefix("user:", "user:1");
     * }</pre>
     *
     * @param prefix the prefix, as {@code list} takes it
     * @param keys the expected keys with that prefix, in list order
     * @return this assert
     */
    public SELF hasKeysWithPrefix(String prefix, String... keys) {
        Objects.requireNonNull(prefix, "prefix");
        List<String> expected = names(keys);
        isNotNull();
        List<String> found =
                keyNames().stream().filter(name -> name.startsWith(prefix)).toList();
        if (!found.equals(expected)) {
            throw Failing.withDiff(this, shouldHaveKeysWithPrefix(actual, prefix, expected, found), found, expected);
        }
        return myself;
    }

    /**
     * Verifies how many live keys the namespace holds.
     *
     * <pre>{@code
     * kv.put("a", "1");
     * assertThat(kv).hasSize(1);
     * }</pre>
     *
     * @param expected the number of keys
     * @return this assert
     */
    public SELF hasSize(int expected) {
        isNotNull();
        List<String> found = keyNames();
        if (found.size() != expected) {
            throwAssertionError(shouldHaveSize(actual, expected, found));
        }
        return myself;
    }

    /**
     * Verifies that the namespace holds no live key.
     *
     * <pre>{@code
     * assertThat(FakeKvNamespace.create()).isEmpty();
     * }</pre>
     *
     * @return this assert
     */
    public SELF isEmpty() {
        isNotNull();
        List<String> found = keyNames();
        if (!found.isEmpty()) {
            throwAssertionError(shouldBeEmpty(actual, found));
        }
        return myself;
    }

    /**
     * Verifies that a key holds exactly this text.
     *
     * <pre>{@code
     * kv.put("greeting", "hello");
     * assertThat(kv).hasText("greeting", "hello");
     * }</pre>
     *
     * @param key the key name
     * @param expected the expected value
     * @return this assert
     */
    public SELF hasText(String key, String expected) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(expected, "expected");
        isNotNull();
        String found = textOrFail(key);
        if (!found.equals(expected)) {
            throw Failing.withDiff(this, shouldHaveText(actual, key, expected, found), found, expected);
        }
        return myself;
    }

    /**
     * Verifies that a key holds JSON equal to {@code expectedJson}, compared as parsed JSON: object
     * members in any order, numbers by value. A failure shows both sides as JSON for an IDE diff.
     *
     * <pre>{@code
     * kv.putJson("user:42", Map.of("name", "Ada", "admin", true));
     * assertThat(kv).hasJson("user:42", "{\"admin\": true, \"name\": \"Ada\"}");
     * }</pre>
     *
     * @param key the key name
     * @param expectedJson the expected JSON text
     * @return this assert
     * @throws IllegalArgumentException when {@code expectedJson} is not JSON
     */
    public SELF hasJson(String key, String expectedJson) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(expectedJson, "expectedJson");
        JsonNode expected = JsonSupport.parseExpected(objectMapper(), expectedJson, "value");
        isNotNull();
        String found = textOrFail(key);
        JsonNode parsed;
        try {
            parsed = JsonSupport.parse(objectMapper(), found);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw assertionError(shouldBeJson(actual, key, "JSON", found, JsonSupport.problem(e)));
        }
        if (!JsonSupport.equal(parsed, expected)) {
            throw Failing.withDiff(
                    this,
                    shouldHaveJson(actual, key, JsonSupport.compact(expected), JsonSupport.compact(parsed)),
                    JsonSupport.pretty(parsed),
                    JsonSupport.pretty(expected));
        }
        return myself;
    }

    /**
     * Returns the key's text, failing as {@link #containsKey(String)} does when it is missing.
     *
     * @param key the key
     * @return its value as text
     */
    protected String textOrFail(String key) {
        Optional<String> text = textOf(key);
        if (text.isEmpty()) {
            throwMissingKey(key);
        }
        return text.get();
    }

    /**
     * Fails because a key is missing, naming the keys held and the nearest ones.
     *
     * @param key the missing key
     */
    protected void throwMissingKey(String key) {
        throw missingKey(key);
    }

    /**
     * Returns the failure for a missing key, naming the keys held and the nearest ones.
     *
     * @param key the missing key
     * @return the assertion error
     */
    protected AssertionError missingKey(String key) {
        List<String> held = keyNames();
        return assertionError(shouldContainKey(actual, key, held, NearestKeys.to(key, held)));
    }

    private static List<String> names(String... keys) {
        Objects.requireNonNull(keys, "keys");
        List<String> names = new ArrayList<>(keys.length);
        for (int i = 0; i < keys.length; i++) {
            int index = i;
            names.add(Objects.requireNonNull(keys[i], () -> "keys[" + index + "]"));
        }
        return names;
    }
}
