package dev.kvkit.assertj;

import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.KvEntry;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Assertions on a {@link FakeKvNamespace} as it is now, by its clock. Each assertion reads the
 * namespace when it runs, so after the clock moves the same assert sees the new present.
 *
 * <pre>{@code
 * assertThat(kv).containsKey("user:42").hasJson("user:42", "{\"name\": \"Ada\"}");
 * assertThat(kv).entry("user:42").hasMetadataValue("/owner", "ada");
 * assertThat(kv).after(Duration.ofHours(1)).doesNotContainKey("session:1");
 * }</pre>
 *
 * @since 0.1.0
 */
public class FakeKvNamespaceAssert extends AbstractFakeKvNamespaceAssert<FakeKvNamespaceAssert, FakeKvNamespace> {

    /**
     * Creates an assert; prefer {@link KvAssertions#assertThat(FakeKvNamespace)}.
     *
     * @param actual the namespace
     */
    public FakeKvNamespaceAssert(FakeKvNamespace actual) {
        super(actual, FakeKvNamespaceAssert.class);
    }

    @Override
    protected FakeKvNamespace namespace() {
        return actual;
    }

    @Override
    protected Instant instant() {
        return actual.clock().instant();
    }

    @Override
    protected Map<String, KvEntry> entries() {
        return actual.entries();
    }

    @Override
    protected Optional<KvEntry> entryOf(String key) {
        return actual.entry(key);
    }
}
