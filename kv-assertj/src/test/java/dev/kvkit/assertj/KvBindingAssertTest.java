package dev.kvkit.assertj;

import static dev.kvkit.assertj.KvAssertions.assertThat;
import static dev.kvkit.assertj.Messages.expectAssertionError;
import static dev.kvkit.assertj.Messages.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.kvkit.GetOptions;
import dev.kvkit.KvBinding;
import dev.kvkit.KvListPage;
import dev.kvkit.KvType;
import dev.kvkit.KvValueWithMetadata;
import dev.kvkit.ListOptions;
import dev.kvkit.PutOptions;
import dev.kvkit.fake.FakeKvNamespace;
import java.io.InputStream;
import java.util.Collection;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A binding that is not a fake, such as the REST client: the assertions see only its own reads. */
class KvBindingAssertTest {

    private final FakeKvNamespace backing = FakeKvNamespace.create();
    private final KvBinding binding = new OnlyABinding(backing);

    @Test
    void keysAndValuesPassThroughTheBindingsReads() {
        binding.put("user:1", "Ada");
        binding.putJson("user:2", Map.of("name", "Grace"));

        assertThat(binding)
                .containsKey("user:1")
                .doesNotContainKey("user:3")
                .containsExactlyKeys("user:1", "user:2")
                .hasKeysWithPrefix("user:", "user:1", "user:2")
                .hasSize(2)
                .hasText("user:1", "Ada")
                .hasJson("user:2", "{\"name\": \"Grace\"}");
    }

    @Test
    void keysAreReadAcrossEveryListPage() {
        for (int i = 0; i < 1001; i++) {
            backing.put("k%04d".formatted(i), "v");
        }

        assertThat(binding).hasSize(1001).containsKey("k1000");
    }

    @Test
    void emptyPassesAndFails() {
        assertThat(binding).isEmpty();
        binding.put("a", "1");

        AssertionError error = expectAssertionError(() -> assertThat(binding).isEmpty());

        assertThat(error).hasMessage(message("""

                        Expecting actual:
                          OnlyABinding
                        to be empty but it holds 1 key:
                          ["a"]"""));
    }

    @Test
    void missingKeyFailureNamesTheNearestKeys() {
        binding.put("user:1", "Ada");

        AssertionError error = expectAssertionError(() -> assertThat(binding).containsKey("user:2"));

        assertThat(error).hasMessage(message("""

                        Expecting actual:
                          OnlyABinding
                        to contain key:
                          "user:2"
                        but it holds 1 key:
                          ["user:1"]
                        nearest key names:
                          ["user:1"]"""));
    }

    @Test
    void doesNotContainKeyFailureShowsTheValueRead() {
        binding.put("user:1", "Ada");

        AssertionError error = expectAssertionError(() -> assertThat(binding).doesNotContainKey("user:1"));

        assertThat(error).hasMessage(message("""

                        Expecting actual:
                          OnlyABinding
                        not to contain key:
                          "user:1"
                        but it holds:
                          "Ada\""""));
    }

    @Test
    void jsonIsParsedWithTheGivenMapper() {
        ObjectMapper snakeCase = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        binding.put("account:1", "{\"display_name\":\"Ada\"}");

        assertThat(binding).usingObjectMapper(snakeCase).hasJson("account:1", "{\"display_name\": \"Ada\"}");
    }

    /** Delegates to a fake but is not one, so overload resolution picks the binding assertions. */
    private record OnlyABinding(KvBinding delegate) implements KvBinding {

        @Override
        public <T> T get(String key, KvType<T> type, GetOptions options) {
            return delegate.get(key, type, options);
        }

        @Override
        public <T> KvValueWithMetadata<T> getWithMetadata(String key, KvType<T> type, GetOptions options) {
            return delegate.getWithMetadata(key, type, options);
        }

        @Override
        public <T> Map<String, T> get(Collection<String> keys, KvType<T> type, GetOptions options) {
            return delegate.get(keys, type, options);
        }

        @Override
        public <T> Map<String, KvValueWithMetadata<T>> getWithMetadata(
                Collection<String> keys, KvType<T> type, GetOptions options) {
            return delegate.getWithMetadata(keys, type, options);
        }

        @Override
        public void put(String key, String value, PutOptions options) {
            delegate.put(key, value, options);
        }

        @Override
        public void put(String key, byte[] value, PutOptions options) {
            delegate.put(key, value, options);
        }

        @Override
        public void put(String key, InputStream value, PutOptions options) {
            delegate.put(key, value, options);
        }

        @Override
        public void putJson(String key, Object value, PutOptions options) {
            delegate.putJson(key, value, options);
        }

        @Override
        public void delete(String key) {
            delegate.delete(key);
        }

        @Override
        public KvListPage list(ListOptions options) {
            return delegate.list(options);
        }

        @Override
        public String toString() {
            return "OnlyABinding";
        }
    }
}
