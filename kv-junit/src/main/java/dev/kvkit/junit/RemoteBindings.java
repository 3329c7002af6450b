package dev.kvkit.junit;

import static org.junit.jupiter.api.Assumptions.abort;

import dev.kvkit.KvBinding;
import dev.kvkit.cloudflare.CloudflareKvBinding;
import dev.kvkit.fake.WranglerConfig.KvNamespaceBinding;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@link KvNamespace#remote()} bindings: the real namespace on Cloudflare, through {@code
 * CloudflareKvBinding}, or the test aborted with the reason when the credentials are not set.
 */
// Store.getOrComputeIfAbsent is deprecated in JUnit 6 for computeIfAbsent, which JUnit 5.12 lacks.
@SuppressWarnings("deprecation")
final class RemoteBindings {

    private RemoteBindings() {}

    /** Whether the declaration, or its binding in the wrangler configuration, is remote. */
    static boolean isRemote(NamespaceDeclaration declaration, Supplier<Optional<KvNamespaceBinding>> wrangler) {
        return declaration.remote()
                || wrangler.get().map(KvNamespaceBinding::remote).orElse(false);
    }

    /**
     * The binding to the real namespace; aborts the test when the credentials are missing, and
     * refuses a declaration that cannot be remote.
     */
    static KvBinding binding(
            ExtensionContext context,
            NamespaceDeclaration declaration,
            Optional<KvNamespaceBinding> wrangler,
            Class<?> type,
            Function<String, RuntimeException> failure) {
        if (type != KvBinding.class) {
            throw failure.apply(declaration.describe() + " is remote: it reaches the namespace on Cloudflare, not a"
                    + " fake, so it must be typed " + KvBinding.class.getName() + ", not " + type.getName());
        }
        if (declaration.location() != null) {
            throw failure.apply(declaration.describe() + " is remote and names a location; Cloudflare's REST API"
                    + " has no locations to choose, so leave location out");
        }
        String namespaceId = wrangler.map(KvNamespaceBinding::id)
                .filter(id -> !id.isBlank())
                .orElseThrow(() -> failure.apply(
                        declaration.describe() + " is remote, but no wrangler configuration gives binding \""
                                + declaration.binding() + "\" a namespace id; add it to kv_namespaces with its id"));
        String token = variable(context, KvNamespace.REMOTE_TOKEN_VARIABLE);
        String account = variable(context, KvNamespace.REMOTE_ACCOUNT_VARIABLE);
        if (token == null || account == null) {
            abort(declaration.describe() + " is remote and needs " + KvNamespace.REMOTE_TOKEN_VARIABLE + " and "
                    + KvNamespace.REMOTE_ACCOUNT_VARIABLE + " to reach namespace " + namespaceId + " on Cloudflare; "
                    + (token == null && account == null
                            ? "neither is set"
                            : (token == null ? KvNamespace.REMOTE_TOKEN_VARIABLE : KvNamespace.REMOTE_ACCOUNT_VARIABLE)
                                    + " is not set"));
        }
        return context.getStore(KvExtension.NAMESPACE)
                .getOrComputeIfAbsent(
                        new RemoteKey(context.getUniqueId(), declaration.binding()),
                        key -> CloudflareKvBinding.builder()
                                .apiToken(token)
                                .accountId(account)
                                .namespaceId(namespaceId)
                                .build(),
                        KvBinding.class);
    }

    /**
     * The environment variable, or else the JUnit configuration parameter of the same name (which
     * JUnit also reads from a system property, so {@code -DCLOUDFLARE_ACCOUNT_ID=...} works too).
     */
    private static String variable(ExtensionContext context, String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = context.getConfigurationParameter(name).orElse(null);
        }
        return value == null || value.isBlank() ? null : value;
    }

    private record RemoteKey(String uniqueId, String binding) {}
}
