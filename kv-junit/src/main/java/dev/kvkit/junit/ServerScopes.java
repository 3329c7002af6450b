package dev.kvkit.junit;

import dev.kvkit.fake.TestClock;
import dev.kvkit.fake.WranglerConfig.KvNamespaceBinding;
import dev.kvkit.server.KvApiServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The {@link KvApi} servers of each scope, kept in the store of the context that owns them and closed
 * with it. A server serves the namespaces of its scope: the class-wide ones for a class's server,
 * every namespace a test reaches for a test's server.
 */
// Store.getOrComputeIfAbsent and CloseableResource are deprecated in JUnit 6 for APIs JUnit 5.12
// lacks; kvkit supports both, so it keeps what both have.
@SuppressWarnings("deprecation")
final class ServerScopes {

    private static final Pattern NAMESPACE_ID = Pattern.compile("[0-9a-f]{32}");

    private ServerScopes() {}

    /** Returns the server of the scope, starting it and serving the scope's namespaces the first time. */
    static KvApiServer server(ExtensionContext context, KvApi annotation, Settings settings, String element) {
        ServerHandle handle = context.getStore(KvExtension.NAMESPACE)
                .getOrComputeIfAbsent(
                        new ServerKey(context),
                        key -> start(context, annotation, settings, element),
                        ServerHandle.class);
        if (!handle.token().equals(annotation.token())) {
            throw new ExtensionConfigurationException("Conflicting @KvApi tokens: " + element + " asks for \""
                    + annotation.token() + "\" but the server of this scope was started by " + handle.origin()
                    + " with \"" + handle.token() + "\"; within a scope there is one server");
        }
        return handle.server();
    }

    /** What an injected element of the given type gets: the server, or its base URL. */
    static Object view(KvApiServer server, Class<?> type) {
        if (type == URI.class) {
            return URI.create(server.baseUrl());
        }
        if (type == String.class) {
            return server.baseUrl();
        }
        return server;
    }

    static boolean isInjectable(Class<?> type) {
        return type == KvApiServer.class || type == URI.class || type == String.class;
    }

    /** Serves a namespace just made in {@code context} on that context's server, if it has one. */
    static void namespaceCreated(ExtensionContext context, NamespaceHandle handle) {
        ServerHandle server = context.getStore(KvExtension.NAMESPACE).get(new ServerKey(context), ServerHandle.class);
        if (server != null) {
            serve(server.server(), handle);
        }
    }

    private static ServerHandle start(ExtensionContext context, KvApi annotation, Settings settings, String element) {
        TestClock clock = NamespaceScopes.serverClock(context, settings, element);
        KvApiServer.Builder builder = KvApiServer.builder().clock(clock).limits(settings.limits());
        if (!annotation.token().isEmpty()) {
            builder.requireToken(annotation.token());
        }
        KvApiServer server = builder.start();
        for (NamespaceHandle handle : NamespaceScopes.visible(context)) {
            serve(server, handle);
        }
        return new ServerHandle(server, annotation.token(), element);
    }

    /** Serves the namespace on the server unless it serves one of that title already. */
    static void serveIn(KvApiServer server, NamespaceHandle handle) {
        serve(server, handle);
    }

    private static void serve(KvApiServer server, NamespaceHandle handle) {
        String binding = handle.declaration().binding();
        if (server.namespaceByTitle(server.accountId(), binding).isPresent()) {
            return;
        }
        server.serve(server.accountId(), binding, namespaceId(handle), handle.namespace());
    }

    /** The wrangler configuration's id when it is one the API accepts, else one derived from the name. */
    static String namespaceId(NamespaceHandle handle) {
        String configured = handle.wrangler().map(KvNamespaceBinding::id).orElse(null);
        if (configured != null && NAMESPACE_ID.matcher(configured).matches()) {
            return configured;
        }
        return UUID.nameUUIDFromBytes(("kvkit:" + handle.declaration().binding()).getBytes(StandardCharsets.UTF_8))
                .toString()
                .replace("-", "");
    }

    /** By the context object, as NamespaceScopes keys its clocks. */
    private record ServerKey(ExtensionContext context) {}

    /** Closed by JUnit when the scope's context ends. */
    record ServerHandle(KvApiServer server, String token, String origin)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        ServerHandle {
            Objects.requireNonNull(server, "server");
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
