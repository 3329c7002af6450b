package dev.kvkit.junit;

import dev.kvkit.KvBinding;
import dev.kvkit.cloudflare.CloudflareKvBinding;
import dev.kvkit.cloudflare.RetryPolicy;
import dev.kvkit.server.KvApiServer;
import java.net.URI;
import java.util.Locale;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a {@code KvBinding}-typed {@link KvNamespace} declaration gets: the fake itself (the default),
 * or, with {@value KvNamespace#BINDING_PROPERTY_NAME}{@code = emulator}, a {@code CloudflareKvBinding}
 * talking over loopback to a {@code KvApiServer} that serves that very fake. The same tests then run
 * through the REST client and the emulator, and their assertions on the fake see what went over HTTP.
 */
// Store.getOrComputeIfAbsent is deprecated in JUnit 6 for computeIfAbsent, which JUnit 5.12 lacks.
@SuppressWarnings("deprecation")
final class BindingMode {

    static final String FAKE = "fake";
    static final String EMULATOR = "emulator";

    private static final String TOKEN = "kvkit-binding-mode";

    /** Carries the settings of the mode's servers, as a user's @KvApi field would. */
    @KvApi(token = TOKEN)
    private static final Object SERVER_SETTINGS = null;

    private static final KvApi SERVER = settings();

    private static KvApi settings() {
        try {
            return BindingMode.class.getDeclaredField("SERVER_SETTINGS").getAnnotation(KvApi.class);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private BindingMode() {}

    /** The view a declaration gets; only a {@code KvBinding} of the default location changes with the mode. */
    static Object view(
            ExtensionContext context,
            NamespaceDeclaration declaration,
            NamespaceHandle handle,
            Class<?> type,
            Settings settings) {
        Object view = declaration.view(handle.namespace(), type);
        if (type != KvBinding.class || declaration.location() != null || !isEmulator(context)) {
            return view;
        }
        return context.getStore(KvExtension.NAMESPACE)
                .getOrComputeIfAbsent(
                        new ClientKey(context.getUniqueId(), declaration.binding()),
                        key -> client(context, handle, settings, declaration.describe()),
                        KvBinding.class);
    }

    private static KvBinding client(
            ExtensionContext context, NamespaceHandle handle, Settings settings, String element) {
        KvApiServer server = ServerScopes.server(context, SERVER, settings, element + " in emulator mode");
        ServerScopes.serveIn(server, handle);
        return CloudflareKvBinding.builder()
                .baseUrl(URI.create(server.baseUrl()))
                .apiToken(TOKEN)
                .accountId(server.accountId())
                .namespaceId(server.namespaceByTitle(
                                server.accountId(), handle.declaration().binding())
                        .orElseThrow()
                        .id())
                .jsonCodec(handle.namespace().jsonCodec())
                .retries(RetryPolicy.defaults())
                .build();
    }

    static boolean isEmulator(ExtensionContext context) {
        String mode = context.getConfigurationParameter(KvNamespace.BINDING_PROPERTY_NAME)
                .map(value -> value.strip().toLowerCase(Locale.ROOT))
                .orElse(FAKE);
        switch (mode) {
            case FAKE:
            case "":
                return false;
            case EMULATOR:
                return true;
            default:
                throw new ExtensionConfigurationException("Invalid value \"" + mode + "\" for configuration parameter "
                        + KvNamespace.BINDING_PROPERTY_NAME + "; allowed: " + FAKE + ", " + EMULATOR);
        }
    }

    private record ClientKey(String uniqueId, String binding) {}
}
