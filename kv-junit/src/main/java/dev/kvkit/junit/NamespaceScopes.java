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
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The namespaces and clocks of each scope, kept in the {@link ExtensionContext.Store} of the context
 * that owns them: a class context for class-wide ones, a test context for per-test ones.
 *
 * <p>A store lookup falls back to the stores of enclosing contexts, which gives the sharing rules
 * for free: a test finds the class's namespace of a binding name before making its own, a
 * {@code @Nested} class finds its enclosing class's, and a test whose class already has a clock uses
 * that one, so all namespaces a test can reach share one clock.
 */
// Store.getOrComputeIfAbsent is deprecated in JUnit 6 for computeIfAbsent, which JUnit 5.14 lacks;
// kvkit supports both, so it keeps the method both have.
@SuppressWarnings("deprecation")
final class NamespaceScopes {

    private NamespaceScopes() {}

    static NamespaceHandle namespace(ExtensionContext context, NamespaceDeclaration declaration, Settings settings) {
        TestClock clock = clock(context, declaration, settings);
        ExtensionContext.Store store = context.getStore(KvExtension.NAMESPACE);
        // The binding is checked against the wrangler configuration when its namespace is made; a
        // declaration that reaches an existing namespace has the same binding name, checked already.
        NamespaceHandle handle = store.getOrComputeIfAbsent(
                new BindingKey(declaration.binding()),
                key -> create(
                        context, declaration, settings, clock, WranglerBindings.check(declaration, settings, context)),
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
            builder.objectMapper(settings.objectMapper().mapper(context));
        }
        FakeKvNamespace namespace = builder.build();
        ClassLoader loader = context.getTestClass()
                .map(Class::getClassLoader)
                .orElse(Thread.currentThread().getContextClassLoader());
        Seeds.apply(declaration, namespace, loader);
        NamespaceHandle handle = new NamespaceHandle(declaration, namespace, wrangler);
        created(context).add(handle);
        return handle;
    }

    /** A declaration's own switch, when it sets one, wins over the class settings. */
    private static boolean either(Boolean declared, boolean fromSettings) {
        return declared != null ? declared : fromSettings;
    }

    /**
     * Returns the clock of the scope; a declaration that names its own start must match the start of
     * a clock that exists already, since a test has exactly one clock.
     */
    static TestClock clock(ExtensionContext context, NamespaceDeclaration declaration, Settings settings) {
        Instant requested = declaration == null || declaration.clockStart() == null
                ? settings.clockStart()
                : declaration.clockStart();
        String origin =
                declaration == null || declaration.clockStart() == null ? "the class settings" : declaration.describe();
        ClockHolder holder = context.getStore(KvExtension.NAMESPACE)
                .getOrComputeIfAbsent(
                        ClockHolder.class,
                        type -> new ClockHolder(TestClock.at(requested), requested, origin),
                        ClockHolder.class);
        if (declaration != null
                && declaration.clockStart() != null
                && !holder.start().equals(requested)) {
            throw new ExtensionConfigurationException("Conflicting clock starts: " + declaration.describe()
                    + " asks for " + requested + " but the clock of this test already started at " + holder.start()
                    + " (from " + holder.origin() + "); all namespaces of a test share one clock");
        }
        return holder.clock();
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
                        new CreatedIn(context.getUniqueId()),
                        key -> new ConcurrentLinkedQueue<NamespaceHandle>(),
                        Queue.class);
    }

    private record BindingKey(String binding) {}

    private record CreatedIn(String uniqueId) {}

    private record ClockHolder(TestClock clock, Instant start, String origin) {}
}
