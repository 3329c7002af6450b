package dev.kvkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.PutOptions;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import dev.kvkit.server.KvApiServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code @KvApi} injects a started emulator that serves the test's own namespaces, and closes it with its scope. */
class KvApiInjectionTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final List<KvApiServer> STARTED = new CopyOnWriteArrayList<>();
    static final ConcurrentHashMap<String, String> SEEN = new ConcurrentHashMap<>();

    static String todoId() {
        return UUID.nameUUIDFromBytes("kvkit:TODO".getBytes(StandardCharsets.UTF_8))
                .toString()
                .replace("-", "");
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.header("Authorization", "Bearer t").build(), HttpResponse.BodyHandlers.ofString());
    }

    static URI value(KvApiServer server, String key) {
        return URI.create(server.baseUrl() + "/accounts/" + server.accountId() + "/storage/kv/namespaces/" + todoId()
                + "/values/" + key);
    }

    @Test
    void theSameBindingNameIsTheSameNamespaceOverHttpAndInTheJvm() {
        Fixtures.run(PerTest.class).testEvents().assertStatistics(stats -> stats.succeeded(2));
        assertThat(STARTED).isNotEmpty().noneMatch(KvApiServer::isServing);
    }

    @Test
    void aClassWideServerServesTheClassWideNamespacesAndOutlivesItsTests() {
        Fixtures.run(PerClass.class).testEvents().assertStatistics(stats -> stats.succeeded(2));
        assertThat(SEEN).containsEntry("class-server-1", SEEN.get("class-server-2"));
    }

    @Test
    void aWrongTypeIsRefusedWithTheAllowedTypes() {
        assertThat(Fixtures.onlyFailureMessage(Fixtures.run(WrongType.class)))
                .startsWith("Can only resolve @KvApi parameter of type dev.kvkit.server.KvApiServer, java.net.URI or"
                        + " java.lang.String but was: java.lang.Integer");
    }

    static class PerTest {

        @Test
        void writesOverHttpLandInTheTestsNamespace(
                @KvNamespace("TODO") FakeKvNamespace todo, @KvApi KvApiServer server, TestClock clock)
                throws Exception {
            STARTED.add(server);
            todo.put("greeting", "hello", PutOptions.defaults().withExpirationTtl(120));

            HttpResponse<String> read = send(HttpRequest.newBuilder(value(server, "greeting")));
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).isEqualTo("hello");

            HttpResponse<String> write = send(HttpRequest.newBuilder(value(server, "over-http"))
                    .PUT(HttpRequest.BodyPublishers.ofString("from a REST client")));
            assertThat(write.statusCode()).isEqualTo(200);
            assertThat(todo.get("over-http")).isEqualTo("from a REST client");

            assertThat(server.clock()).isSameAs(clock).isSameAs(todo.clock());
            send(HttpRequest.newBuilder(URI.create(
                            server.baseUrl().replace("/client/v4", "") + "/__kvkit/clock/advance?seconds=120"))
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(todo.get("greeting"))
                    .as("the admin clock is the test's clock")
                    .isNull();
        }

        @Test
        void aNamespaceResolvedAfterTheServerIsServedToo(@KvApi URI baseUrl, @KvNamespace("TODO") FakeKvNamespace todo)
                throws Exception {
            assertThat(baseUrl.toString()).startsWith("http://127.0.0.1:").endsWith("/client/v4");
            todo.put("k", "v");
            String listed = send(HttpRequest.newBuilder(URI.create(
                            baseUrl + "/accounts/" + KvApiServer.DEFAULT_ACCOUNT_ID + "/storage/kv/namespaces")))
                    .body();
            assertThat(listed).contains("\"title\":\"TODO\"").contains(todoId());
        }
    }

    @KvTest
    static class PerClass {

        @KvNamespace("TODO")
        static FakeKvNamespace todo;

        @KvApi(token = "class-token")
        static KvApiServer server;

        @BeforeAll
        static void seed() {
            todo.put("seeded", "once");
        }

        @Test
        void first() throws Exception {
            SEEN.put("class-server-1", server.baseUrl());
            assertThat(server.namespaceByTitle(server.accountId(), "TODO")).isPresent();
            HttpResponse<String> unauthorised = HTTP.send(
                    HttpRequest.newBuilder(value(server, "seeded"))
                            .header("Authorization", "Bearer wrong")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(unauthorised.statusCode()).isEqualTo(403);
        }

        @Test
        void second(@KvNamespace("OWN") FakeKvNamespace own) throws Exception {
            SEEN.put("class-server-2", server.baseUrl());
            HttpResponse<String> read = HTTP.send(
                    HttpRequest.newBuilder(value(server, "seeded"))
                            .header("Authorization", "Bearer class-token")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(read.body()).isEqualTo("once");
            assertThat(server.namespaceByTitle(server.accountId(), "OWN"))
                    .as("a class's server serves the class-wide namespaces, not a test's own")
                    .isEmpty();
        }
    }

    static class WrongType {

        @Test
        void test(@KvApi Integer server) {}
    }
}
