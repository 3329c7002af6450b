package dev.kvkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Requests that match no route (7003) or a route with another method (7001). */
class RoutingTest {

    private final KvApiServer server = KvApiServer.builder().start();
    private final ApiClient client = new ApiClient(server);
    private final ServedNamespace todo = server.createNamespace("TODO");

    @AfterEach
    void close() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({
        "/accounts/a/storage/kv/nothing",
        "/accounts/a/storage/kv/namespaces/0123456789abcdef0123456789abcdef/frobnicate",
        "/accounts/a/workers/scripts",
        "/memberships",
        "/accounts"
    })
    void anUnknownRouteIs404With7003(String path) {
        ApiClient.Response response = client.get(path);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo(7003);
        assertThat(response.message())
                .isEqualTo("Could not route to " + path + ", perhaps your object identifier is invalid?");
    }

    @Test
    void aPathOutsideTheApiIs7003Too() {
        ApiClient.Response response = client.send("GET", "/../../favicon.ico".replace("/../..", ""), null, null);

        assertThat(response.status()).isEqualTo(404);
    }

    @ParameterizedTest
    @CsvSource({"PATCH,''", "POST,/values/k", "DELETE,/keys", "GET,/bulk", "PUT,/bulk/get", "HEAD,/values/k"})
    void aWrongMethodIs405With7001(String method, String tail) {
        ApiClient.Response response = client.send(method, client.ns(todo.id()) + tail, null, null);

        assertThat(response.status()).isEqualTo(405);
        if (!method.equals("HEAD")) {
            assertThat(response.code()).isEqualTo(7001);
            assertThat(response.message()).isEqualTo(method + " not supported for requested URI.");
        }
    }

    @Test
    void reasonPhrasesAreTheStandardOnes() {
        String response = RawHttp.exchange(
                server.port(),
                "GET /client/v4" + client.ns(todo.id()) + "/values/missing HTTP/1.1\r\nHost: x\r\n"
                        + "Authorization: Bearer t\r\nConnection: close\r\n\r\n",
                null);

        assertThat(response).startsWith("HTTP/1.1 404 Not Found\r\n");
    }
}
