package dev.kvkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Auth headers, checked as the real API checks them. */
class AuthTest {

    private KvApiServer server = KvApiServer.builder().start();

    @AfterEach
    void close() {
        server.close();
    }

    private ApiClient client(String... auth) {
        return new ApiClient(server).withAuth(auth);
    }

    @Test
    void noAuthHeaderIs400With9106AndAGatewayEnvelope() {
        ApiClient.Response response = client().get(client().namespaces());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text())
                .isEqualTo("{\"success\":false,\"errors\":[{\"code\":9106,"
                        + "\"message\":\"Missing X-Auth-Key, X-Auth-Email or Authorization headers\"}]}");
    }

    @Test
    void aMalformedAuthorizationHeaderIs400With6003() {
        ApiClient.Response response = client("Authorization", "Token abc").get(client().namespaces());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo(6003);
        assertThat(response.message()).isEqualTo("Invalid request headers");
        assertThat(response.json()
                        .get("errors")
                        .get(0)
                        .get("error_chain")
                        .get(0)
                        .get("code")
                        .asInt())
                .isEqualTo(6103);
    }

    @Test
    void anyWellFormedCredentialWillDoWhenNoTokenIsConfigured() {
        assertThat(client("Authorization", "Bearer anything")
                        .get(client().namespaces())
                        .status())
                .isEqualTo(200);
        assertThat(client("X-Auth-Key", "k", "X-Auth-Email", "a@b.c")
                        .get(client().namespaces())
                        .status())
                .isEqualTo(200);
        assertThat(client("X-Auth-User-Service-Key", "v1.0-x")
                        .get(client().namespaces())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anAuthKeyWithoutEmailIs9106() {
        assertThat(client("X-Auth-Key", "k").get(client().namespaces()).code()).isEqualTo(9106);
    }

    @Test
    void aRequiredTokenIsEnforcedWith403And10000() {
        server.close();
        server = KvApiServer.builder().requireToken("s3cret").start();
        ServedNamespace todo = server.createNamespace("TODO");

        ApiClient.Response wrong =
                client("Authorization", "Bearer guess").put(client().ns(todo.id()) + "/values/k", "text/plain", "v");
        ApiClient.Response right =
                client("Authorization", "Bearer s3cret").put(client().ns(todo.id()) + "/values/k", "text/plain", "v");
        ApiClient.Response asKey =
                client("X-Auth-Key", "s3cret", "X-Auth-Email", "a@b.c").get(client().ns(todo.id()) + "/values/k");

        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.code()).isEqualTo(10000);
        assertThat(wrong.message()).isEqualTo("Authentication error");
        assertThat(right.status()).isEqualTo(200);
        assertThat(asKey.text()).isEqualTo("v");
        assertThat(server.journal()).extracting(JournalEntry::status).containsExactly(403, 200, 200);
    }

    @Test
    void aTokenGrantsOnlyItsAccounts() {
        server.close();
        server = KvApiServer.builder()
                .tokens(Map.of("token-a", Set.of("account-a"), "token-b", Set.of("account-b")))
                .start();

        ApiClient.Response own =
                client("Authorization", "Bearer token-a").get("/accounts/account-a/storage/kv/namespaces");
        ApiClient.Response other =
                client("Authorization", "Bearer token-a").get("/accounts/account-b/storage/kv/namespaces");

        assertThat(own.status()).isEqualTo(200);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.code()).isEqualTo(10000);
    }

    @Test
    void unknownAndClientHeadersAreNeverRejected() {
        ApiClient.Response response = client().send(
                        "GET",
                        client().namespaces(),
                        null,
                        null,
                        "Authorization",
                        "Bearer t",
                        "api-version",
                        "2026-12-01",
                        "User-Agent",
                        "Cloudflare/JS 7.3.0",
                        "X-Stainless-Lang",
                        "js",
                        "X-Stainless-Retry-Count",
                        "0",
                        "X-Something-Else",
                        "whatever");

        assertThat(response.status()).isEqualTo(200);
    }
}
