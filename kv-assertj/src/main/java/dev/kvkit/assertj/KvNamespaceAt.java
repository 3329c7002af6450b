package dev.kvkit.assertj;

import dev.kvkit.fake.FakeKvNamespace;
import java.time.Instant;
import java.util.Objects;

/**
 * A fake namespace as it will be at an instant if nothing writes in between: what {@link
 * FakeKvNamespaceAssert#at(Instant)} asserts on. Creating one never moves the namespace's clock.
 *
 * @param namespace the namespace
 * @param instant when to look
 * @since 0.1.0
 */
public record KvNamespaceAt(FakeKvNamespace namespace, Instant instant) {

    /**
     * Checks the arguments.
     *
     * @param namespace the namespace
     * @param instant when to look
     */
    public KvNamespaceAt {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(instant, "instant");
    }

    @Override
    public String toString() {
        int keys = namespace.entriesAt(instant).size();
        return "FakeKvNamespace[" + namespace.name() + ", " + keys + (keys == 1 ? " key" : " keys") + " at " + instant
                + "]";
    }
}
