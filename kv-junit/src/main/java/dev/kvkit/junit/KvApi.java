package dev.kvkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Injects a started {@link dev.kvkit.server.KvApiServer}, the emulator of Cloudflare's KV REST API,
 * serving the very namespaces the test reaches through {@link KvNamespace}: the same binding name
 * in the same test is the same namespace over HTTP and in-JVM. On a parameter or field of type
 * {@code KvApiServer}, or of type {@code java.net.URI} or {@code String} for its base URL (ending in
 * {@code /client/v4}).
 *
 * <pre>{@code
 * @Test
 * void restClientsSeeTheTestsNamespace(@KvNamespace("TODO") FakeKvNamespace todo, @KvApi KvApiServer server) {
 *     todo.put("greeting", "hello");
 *     String id = server.namespaceByTitle(server.accountId(), "TODO").orElseThrow().id();
 *     // GET {server.baseUrl()}/accounts/{account}/storage/kv/namespaces/{id}/values/greeting -> hello
 * }
 * }</pre>
 *
 * <p>Each namespace is served with its binding name as title, under the namespace id the wrangler
 * configuration gives it, or else an id derived from the binding name (the same in every run). The
 * server binds to 127.0.0.1 on a free port and runs on the scope's clock, so its admin clock routes
 * move the namespaces' time.
 *
 * <p>Where the declaration stands decides the server's life, as for namespaces: a {@code static}
 * field or {@code @BeforeAll} parameter gives one server for the class, serving the class-wide
 * namespaces; an instance field or a test parameter gives a server for the test, serving every
 * namespace the test reaches. The server is closed when its scope ends.
 *
 * @since 0.1.0
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(KvExtension.class)
public @interface KvApi {

    /**
     * The API token the server requires in {@code Authorization: Bearer}; empty accepts any
     * well-formed credentials, as {@code KvApiServer} does by default.
     *
     * @return the token, or empty
     */
    String token() default "";
}
