package dev.kvkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.kvkit.fake.FakeKvNamespace;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store that refuses a change: the change is not acknowledged, and no further one is taken. */
class PersistenceFailureTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private HttpServer http;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (http != null) {
            http.stop(0);
        }
        timer.shutdownNow();
    }

    @Test
    void aStoreThatRefusesIsA500WithItsReasonAndTheNamespaceIsUnchanged() throws IOException, InterruptedException {
        Persistence refusing = new Persistence() {
            @Override
            Change begin() {
                throw new Failure("kvkit could not save a change to /data (disk full)", null);
            }
        };
        NamespaceRegistry registry = new NamespaceRegistry(title -> FakeKvNamespace.create());
        NamespaceRegistry.Entry todo = registry.create("a", "TODO", "0123456789abcdef0123456789abcdef", null);
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext(
                "/",
                new ApiHandler(
                        new ApiContext(registry, refusing, new Journal(10), 1024, 1000, timer),
                        AuthPolicy.open(),
                        new FaultPlan()));
        http.start();

        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                        + http.getAddress().getPort() + "/client/v4/accounts/a/storage/kv/namespaces/"
                                        + todo.id + "/values/k"))
                                .header("Authorization", "Bearer t")
                                .PUT(HttpRequest.BodyPublishers.ofString("v"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        JsonNode error = ApiClient.JSON.readTree(response.body()).get("errors").get(0);
        assertThat(error.get("message").asText()).isEqualTo("kvkit could not save a change to /data (disk full)");
        assertThat(todo.kv.isEmpty()).isTrue();
    }

    @Test
    void aServerWhoseStoreIsGoneTakesNoFurtherChange() {
        KvApiServer server = KvApiServer.builder().persistTo(dir).start();
        server.halt();

        assertThatThrownBy(() -> server.createNamespace("TODO"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The server was halted; " + dir + " is no longer written");
        assertThat(server.namespaces(server.accountId())).isEmpty();
        server.close();
    }
}
