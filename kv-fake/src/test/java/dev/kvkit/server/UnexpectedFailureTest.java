package dev.kvkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A failure inside the server that no rule anticipated is still answered without a 5xx. */
class UnexpectedFailureTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private HttpServer http;

    @AfterEach
    void stop() {
        http.stop(0);
        timer.shutdownNow();
    }

    @Test
    void aBugInsideIsA400EnvelopeWithAWarningNotA5xx() throws IOException, InterruptedException {
        NamespaceRegistry broken = new NamespaceRegistry(title -> {
            throw new IllegalStateException("a namespace factory that breaks");
        });
        Journal journal = new Journal(10);
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext(
                "/",
                new ApiHandler(
                        new ApiContext(broken, Persistence.IN_MEMORY, journal, 1024, 1000, timer),
                        AuthPolicy.open(),
                        new FaultPlan()));
        http.start();

        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                        + http.getAddress().getPort() + "/client/v4/accounts/a/storage/kv/namespaces"))
                                .header("Authorization", "Bearer t")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"x\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = ApiClient.JSON.readTree(response.body()).get("errors").get(0);
        assertThat(error.get("code").asInt()).isEqualTo(10001);
        assertThat(error.get("message").asText())
                .isEqualTo("kvkit could not handle this request: java.lang.IllegalStateException: a namespace"
                        + " factory that breaks");
        assertThat(response.headers().firstValue(Call.WARNING_HEADER))
                .hasValueSatisfying(
                        w -> assertThat(w).startsWith("kvkit could not handle this request (a bug in kvkit"));
        assertThat(journal.entries())
                .singleElement()
                .satisfies(entry -> assertThat(entry.status()).isEqualTo(400));
    }
}
