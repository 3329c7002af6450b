package dev.kvkit.assertj;

import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.KvEntry;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Assertions on a fake namespace as it will be at an instant, if nothing writes in between; see
 * {@link FakeKvNamespaceAssert#at(Instant)}. Entries whose expiration has been reached by then are
 * gone; the namespace's clock is never moved.
 *
 * <pre>{@code
 * assertThat(kv).after(Duration.ofMinutes(30)).doesNotContainKey("session:1").hasSize(0);
 * }</pre>
 *
 * @since 0.1.0
 */
public class KvNamespaceAtAssert extends AbstractFakeKvNamespaceAssert<KvNamespaceAtAssert, KvNamespaceAt> {

    /**
     * Creates an assert; prefer {@link FakeKvNamespaceAssert#at(Instant)}.
     *
     * @param actual the namespace and the instant to look at
     */
    public KvNamespaceAtAssert(KvNamespaceAt actual) {
        super(actual, KvNamespaceAtAssert.class);
    }

    @Override
    protected FakeKvNamespace namespace() {
        return actual.namespace();
    }

    @Override
    protected Instant instant() {
        return actual.instant();
    }

    @Override
    protected Map<String, KvEntry> entries() {
        return actual.namespace().entriesAt(actual.instant());
    }

    @Override
    protected Optional<KvEntry> entryOf(String key) {
        return actual.namespace().entryAt(key, actual.instant());
    }
}
