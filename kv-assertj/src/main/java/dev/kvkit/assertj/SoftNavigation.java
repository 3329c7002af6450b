package dev.kvkit.assertj;

import dev.kvkit.fake.KvEntry;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Moves between asserts inside soft assertions: the next assert is a soft proxy of the same
 * provider, and a key with no entry is collected as a failure instead of thrown.
 */
final class SoftNavigation implements KvNavigation {

    private final SoftAssertionsProvider softly;

    private SoftNavigation(SoftAssertionsProvider softly) {
        this.softly = softly;
    }

    static <A extends AbstractFakeKvNamespaceAssert<?, ?>> A attach(SoftAssertionsProvider softly, A proxy) {
        // A field, not a method: the proxy intercepts methods, and this is setup, not an assertion.
        proxy.navigation = new SoftNavigation(softly);
        return proxy;
    }

    static FakeKvLocationAssert attach(SoftAssertionsProvider softly, FakeKvLocationAssert proxy) {
        proxy.navigation = new SoftNavigation(softly);
        return proxy;
    }

    @Override
    public KvEntryAssert toEntry(KvEntry entry, AssertionError missing) {
        if (missing != null) {
            // The chain goes on over no entry, so each later assertion adds "Expecting actual not to
            // be null" instead of a NullPointerException ending the test.
            softly.collectAssertionError(missing);
        }
        return softly.proxy(KvEntryAssert.class, KvEntry.class, entry);
    }

    @Override
    public KvNamespaceAtAssert toNamespaceAt(KvNamespaceAt view) {
        return attach(softly, softly.proxy(KvNamespaceAtAssert.class, KvNamespaceAt.class, view));
    }
}
