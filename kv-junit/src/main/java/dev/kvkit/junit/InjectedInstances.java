package dev.kvkit.junit;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test instances the extension has filled already, kept in the class's store: with {@code
 * Lifecycle.PER_CLASS} one instance serves every test, and a value the extension put there for one
 * test is not a user's initialiser in the next.
 */
final class InjectedInstances {

    private InjectedInstances() {}

    @SuppressWarnings({"unchecked", "deprecation"}) // getOrComputeIfAbsent: see NamespaceScopes
    static Set<Object> of(ExtensionContext context) {
        ExtensionContext classContext =
                context.getTestMethod().isPresent() ? context.getParent().orElse(context) : context;
        return classContext
                .getStore(KvExtension.NAMESPACE)
                .getOrComputeIfAbsent(
                        new Key(classContext),
                        key -> Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>())),
                        Set.class);
    }

    /** By the context object, as NamespaceScopes keys its clocks. */
    private record Key(ExtensionContext classContext) {}
}
