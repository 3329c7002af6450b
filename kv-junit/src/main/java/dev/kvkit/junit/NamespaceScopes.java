package dev.kvkit.junit;

import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import dev.kvkit.fake.WranglerConfig.KvNamespaceBinding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The namespaces and clocks of each scope, kept in the {@link ExtensionContext.Store} of the context
 * that owns them: a class context for class-wide ones, a test context for per-test ones.
 *
 * <p>A store lookup falls back to the stores of enclosing contexts: a test finds the class's
 * namespace of a binding name before making its own, and a {@code @Nested} class finds its enclosing
 * class's. Clocks are kept under a key naming their context, so that fallback never hands a test's
 * fresh namespace the class's clock: a fresh namespace is fresh in every respect, its clock included.
 */
// Store.getOrComputeIfAbsent is deprecated in JUnit 6 for computeIfAbsent, which JUnit 5.14 lacks;
// kvkit supports both, so it keeps the method both have.
@SuppressWarnings("deprecation")
final class NamespaceScopes {

    private NamespaceScopes() {}

    /**
     * Returns the namespace of the declaration's binding name in {@code context}'s scope, making it
     * the first time. {@code wrangler} is the binding as {@link WranglerBindings#check} found it: the
     * caller has it already, since it decides whether the declaration is remote.
     */
    static NamespaceHandle namespace(
            ExtensionContext context,
            NamespaceDeclaration declaration,
            Settings settings,
            Optional<KvNamespaceBinding> wrangler) {
        ExtensionContext.Store store = context.getStore(KvExtension.NAMESPACE);
        NamespaceHandle handle = store.getOrComputeIfAbsent(
                new BindingKey(declaration.binding()),
                key -> create(context, declaration, settings, clock(context, declaration, settings), wrangler),
                NamespaceHandle.class);
        handle.checkCompatible(declaration);
        return handle;
    }

    private static NamespaceHandle create(
            ExtensionContext context,
            NamespaceDeclaration declaration,
            Settings settings,
            TestClock clock,
            Optional<KvNamespaceBinding> wrangler) {
        FakeKvNamespace.Builder builder = FakeKvNamespace.builder()
                .name(declaration.binding())
                .clock(clock)
                .limits(settings.limits())
                .enforceWriteRate(either(declaration.enforceWriteRate(), settings.enforceWriteRate()))
                .listStressMode(either(declaration.listStressMode(), settings.listStressMode()));
        if (settings.objectMapper() != null) {
            settings.objectMapper().applyTo(builder, context);
        }
        FakeKvNamespace namespace = builder.build();
        ClassLoader loader = context.getTestClass()
                .map(Class::getClassLoader)
                .orElse(Thread.currentThread().getContextClassLoader());
        Seeds.apply(declaration, namespace, loader);
        NamespaceHandle handle = new NamespaceHandle(declaration, namespace, wrangler);
        created(context).add(handle);
        ServerScopes.namespaceCreated(context, handle);
        return handle;
    }

    /** A declaration's own switch, when it sets one, wins over the class settings. */
    private static boolean either(Boolean declared, boolean fromSettings) {
        return declared != null ? declared : fromSettings;
    }

    /**
     * Returns the clock a namespace created in {@code context} runs on. In a test's context that is
     * the test's own clock, fresh for the test; in a class's context, the clock of the class (shared
     * with its enclosing classes). A declaration that names its own start must match the start of a
     * clock that exists already.
     */
    static TestClock clock(ExtensionContext context, NamespaceDeclaration declaration, Settings settings) {
        Instant requested = declaration.clockStart() == null ? settings.clockStart() : declaration.clockStart();
        // Described only if a clock is made here: most calls find the scope's clock already.
        Supplier<String> origin = declaration::describe;
        ClockHolder holder =
                isTest(context) ? own(context, requested, origin) : classHolder(context, requested, origin);
        if (declaration.clockStart() != null && !holder.start().equals(requested)) {
            throw new ExtensionConfigurationException("Conflicting clock starts: " + declaration.describe()
                    + " asks for " + requested + " but the clock of this "
                    + (isTest(context) ? "test" : "class") + " already started at " + holder.start() + " (from "
                    + holder.origin() + "); all namespaces of a scope share one clock");
        }
        return holder.clock();
    }

    /**
     * Returns the clock a {@link KvClock} field or a {@code TestClock} parameter asks for in {@code
     * context}: see {@link KvClock} for the rule, which this is the one place of.
     */
    static TestClock requestedClock(ExtensionContext context, Settings settings, String element) {
        if (!isTest(context)) {
            return classHolder(context, settings.clockStart(), () -> element).clock();
        }
        Optional<ClockHolder> inherited = nearestAncestor(context);
        Optional<String> own = TestScope.firstOwnNamespace(context);
        if (own.isPresent() && inherited.isPresent()) {
            throw new ExtensionConfigurationException(element + " asks for the clock of this test, but the test has"
                    + " two: " + own.get() + " is a namespace of the test's own, on a fresh clock, while "
                    + inherited.get().origin() + " belongs to the class, on the class's clock. Reach the one you"
                    + " mean as namespace.clock(), or declare both per test (instance fields or parameters) or"
                    + " both per class (static fields)");
        }
        return inherited.isPresent()
                ? inherited.get().clock()
                : own(context, settings.clockStart(), () -> "the class settings")
                        .clock();
    }

    /**
     * The clock a server of {@code context} runs on: the class's for a class; for a test, its own
     * when it declares namespaces of its own, else the class's. Never refused: a server's clock only
     * moves through its admin routes, and each namespace keeps its own.
     */
    static TestClock serverClock(ExtensionContext context, Settings settings, String origin) {
        if (!isTest(context)) {
            return classHolder(context, settings.clockStart(), () -> origin).clock();
        }
        Optional<ClockHolder> inherited = nearestAncestor(context);
        if (inherited.isPresent() && TestScope.firstOwnNamespace(context).isEmpty()) {
            return inherited.get().clock();
        }
        return own(context, settings.clockStart(), () -> origin).clock();
    }

    private static boolean isTest(ExtensionContext context) {
        return context.getTestMethod().isPresent();
    }

    /** The clock this context owns; the key names the context, so a parent's clock never answers. */
    private static ClockHolder own(ExtensionContext context, Instant start, Supplier<String> origin) {
        return context.getStore(KvExtension.NAMESPACE)
                .getOrComputeIfAbsent(
                        new ClockKey(context),
                        key -> new ClockHolder(TestClock.at(start), start, origin.get()),
                        ClockHolder.class);
    }

    /** A class's clock: the one of the nearest enclosing class that has one, or a new one of its own. */
    private static ClockHolder classHolder(ExtensionContext context, Instant start, Supplier<String> origin) {
        Optional<ClockHolder> ancestor = nearestAncestor(context);
        return ancestor.orElseGet(() -> own(context, start, origin));
    }

    private static Optional<ClockHolder> nearestAncestor(ExtensionContext context) {
        for (ExtensionContext scope = context.getParent().orElse(null);
                scope != null;
                scope = scope.getParent().orElse(null)) {
            ClockHolder holder = scope.getStore(KvExtension.NAMESPACE).get(new ClockKey(scope), ClockHolder.class);
            if (holder != null) {
                return Optional.of(holder);
            }
        }
        return Optional.empty();
    }

    /** The namespaces a test can reach, innermost scope first; one per binding name. */
    static List<NamespaceHandle> visible(ExtensionContext context) {
        Map<String, NamespaceHandle> byBinding = new LinkedHashMap<>();
        for (ExtensionContext scope = context;
                scope != null;
                scope = scope.getParent().orElse(null)) {
            for (NamespaceHandle handle : created(scope)) {
                byBinding.putIfAbsent(handle.declaration().binding(), handle);
            }
        }
        return new ArrayList<>(byBinding.values());
    }

    @SuppressWarnings("unchecked")
    private static Queue<NamespaceHandle> created(ExtensionContext context) {
        return context.getStore(KvExtension.NAMESPACE)
                .getOrComputeIfAbsent(
                        new CreatedIn(context), key -> new ConcurrentLinkedQueue<NamespaceHandle>(), Queue.class);
    }

    private record BindingKey(String binding) {}

    // Keyed by the context object (identity), not its unique id: the id is encoded anew on every
    // call, and these are looked up several times per test.
    private record CreatedIn(ExtensionContext context) {}

    private record ClockKey(ExtensionContext context) {}

    private record ClockHolder(TestClock clock, Instant start, String origin) {}
}
