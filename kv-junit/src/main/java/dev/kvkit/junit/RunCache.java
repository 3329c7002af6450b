package dev.kvkit.junit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Answers that do not change during one run of the engine (what a test class declares, which
 * wrangler file a directory holds, the settings a class resolves to), worked out once per run. A
 * suite of thousands of tests then pays for the reflection and the file lookups once per class, not
 * once per test.
 *
 * <p>The answers of a run live in one map, kept in the root context's {@link ExtensionContext.Store}
 * and so dropped with the run. The extension asks for a dozen answers per test, and a store lookup
 * is a namespaced, hierarchical one that allocates its composite key each time; so the map of the
 * run asked last is also held here, in a field that is checked against the root context by identity.
 * A second run in the same JVM (another launcher execution, or one running concurrently) has a root
 * context of its own and never sees this run's answers.
 */
// Store.getOrComputeIfAbsent and CloseableResource are deprecated in JUnit 6 for APIs JUnit 5.12
// lacks; kvkit supports both, so it keeps what both have.
@SuppressWarnings("deprecation")
final class RunCache implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    /** The cache of the run asked last; replaced when another run asks, cleared when its run ends. */
    private static volatile RunCache last;

    private final ExtensionContext root;
    private final Map<Object, Answer> answers = new ConcurrentHashMap<>();

    private RunCache(ExtensionContext root) {
        this.root = root;
    }

    /**
     * Returns the value cached under {@code key} for this run, computing it on first use. A
     * computation that throws is remembered too: every later caller gets the same error, so every
     * test of a misconfigured class fails with the same message.
     */
    static <V> V get(ExtensionContext context, Object key, Class<V> type, Supplier<V> compute) {
        Map<Object, Answer> answers = of(context.getRoot()).answers;
        Answer answer = answers.get(key);
        if (answer == null) {
            // Not computeIfAbsent: a computation asks for other answers, and a ConcurrentHashMap must
            // not be changed from inside its own mapping function.
            Answer fresh = new Answer();
            answer = answers.putIfAbsent(key, fresh);
            if (answer == null) {
                answer = fresh;
            }
        }
        return type.cast(answer.get(compute));
    }

    private static RunCache of(ExtensionContext root) {
        RunCache cache = last;
        if (cache != null && cache.root == root) {
            return cache;
        }
        cache = root.getStore(KvExtension.NAMESPACE)
                .getOrComputeIfAbsent(RunCache.class, ignored -> new RunCache(root), RunCache.class);
        last = cache;
        return cache;
    }

    /** Called by JUnit when the run ends: the run's answers go with it. */
    @Override
    public void close() {
        if (last == this) {
            last = null;
        }
    }

    /**
     * One answer, computed by the first caller that asks (later callers wait for it), or the error
     * that computation threw, which every later caller gets again.
     */
    private static final class Answer {
        private volatile boolean done;
        private Object value;
        private RuntimeException failure;

        Object get(Supplier<?> compute) {
            if (!done) {
                synchronized (this) {
                    if (!done) {
                        try {
                            value = compute.get();
                        } catch (RuntimeException e) {
                            failure = e;
                        }
                        done = true;
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
            return value;
        }
    }
}
