package dev.kvkit.junit;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Answers that do not change during one run of the engine (what a test class declares, which
 * wrangler file a directory holds, the settings a class resolves to), worked out once and kept in the
 * root context's {@link ExtensionContext.Store}. A suite of thousands of tests then pays for the
 * reflection and the file lookups once per class, not once per test.
 */
// Store.getOrComputeIfAbsent is deprecated in JUnit 6 for computeIfAbsent, which JUnit 5.14 lacks;
// kvkit supports both, so it keeps the method both have.
@SuppressWarnings("deprecation")
final class RunCache {

    private RunCache() {}

    /**
     * Returns the value cached under {@code key} for this run, computing it on first use. A
     * computation that throws is remembered too: every later caller gets the same error, so every
     * test of a misconfigured class fails with the same message.
     */
    static <V> V get(ExtensionContext context, Object key, Class<V> type, Supplier<V> compute) {
        return context.getRoot()
                .getStore(KvExtension.NAMESPACE)
                .getOrComputeIfAbsent(key, ignored -> compute.get(), type);
    }
}
