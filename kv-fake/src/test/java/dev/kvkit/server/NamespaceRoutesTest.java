package dev.kvkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NamespaceRoutesTest {

    private final KvApiServer server = KvApiServer.builder().start();
    private final ApiClient client = new ApiClient(server);

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void createAnswersTheNamespaceInTheEnvelope() {
        ApiClient.Response response = client.post(client.namespaces(), "{\n  \"title\": \"TODO\"\n}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = response.json();
        assertThat(body.fieldNames()).toIterable().containsExactly("result", "success", "errors", "messages");
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("errors")).isEmpty();
        assertThat(body.get("messages")).isEmpty();
        JsonNode result = body.get("result");
        assertThat(result.get("id").asText()).matches("[0-9a-f]{32}");
        assertThat(result.get("title").asText()).isEqualTo("TODO");
        assertThat(result.get("supports_url_encoding").asBoolean()).isTrue();
        assertThat(server.namespace(server.accountId(), result.get("id").asText()))
                .hasValueSatisfying(ns -> assertThat(ns.title()).isEqualTo("TODO"));
    }

    @Test
    void createKeepsTheJurisdiction() {
        JsonNode result = client.post(client.namespaces(), "{\"title\":\"EU\",\"jurisdiction\":\"eu\"}")
                .json()
                .get("result");

        assertThat(result.get("jurisdiction").asText()).isEqualTo("eu");
    }

    @Test
    void aDuplicateTitleIs400With10014AndCreatesNothing() {
        server.createNamespace("TODO");

        ApiClient.Response response = client.post(client.namespaces(), "{\"title\":\"TODO\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo(10014);
        assertThat(response.message())
                .isEqualTo("create namespace: 'A namespace with this account ID and title already exists'");
        assertThat(response.json().get("result").isNull()).isTrue();
        assertThat(response.json().get("success").asBoolean()).isFalse();
        assertThat(server.namespaces(server.accountId())).hasSize(1);
    }

    @Test
    void aMissingTitleIs400() {
        ApiClient.Response response = client.post(client.namespaces(), "{}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo(10019);
        assertThat(server.namespaces(server.accountId())).isEmpty();
    }

    @Test
    void aTitleThatIsNotAStringIs400() {
        ApiClient.Response response = client.post(client.namespaces(), "{\"title\": 12}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo(10001);
        assertThat(server.namespaces(server.accountId())).isEmpty();
    }

    @Test
    void listPagesThroughEveryNamespaceAndAPagePastTheEndIsEmpty() {
        for (int i = 0; i < 5; i++) {
            server.createNamespace("ns-" + i);
        }

        JsonNode first = client.get(client.namespaces() + "?per_page=2&page=1").json();
        JsonNode third = client.get(client.namespaces() + "?per_page=2&page=3").json();
        ApiClient.Response past = client.get(client.namespaces() + "?per_page=2&page=4");

        assertThat(titles(first.get("result"))).containsExactly("ns-0", "ns-1");
        assertThat(first.get("result_info").get("page").asInt()).isEqualTo(1);
        assertThat(first.get("result_info").get("per_page").asInt()).isEqualTo(2);
        assertThat(first.get("result_info").get("count").asInt()).isEqualTo(2);
        assertThat(first.get("result_info").get("total_count").asInt()).isEqualTo(5);
        assertThat(titles(third.get("result"))).containsExactly("ns-4");
        assertThat(past.status()).isEqualTo(200);
        assertThat(past.json().get("result")).isEmpty();
        assertThat(past.json().get("result_info").get("count").asInt()).isZero();
    }

    @Test
    void listOrdersByTitleDescending() {
        server.createNamespace("b");
        server.createNamespace("c");
        server.createNamespace("a");

        JsonNode result = client.get(client.namespaces() + "?order=title&direction=desc&per_page=1000")
                .json()
                .get("result");

        assertThat(titles(result)).containsExactly("c", "b", "a");
    }

    @Test
    void listByDefaultIsInCreationOrderTwentyAPage() {
        for (int i = 0; i < 25; i++) {
            server.createNamespace("z" + (100 - i));
        }

        JsonNode body = client.get(client.namespaces()).json();

        assertThat(body.get("result")).hasSize(20);
        assertThat(body.get("result").get(0).get("title").asText()).isEqualTo("z100");
    }

    @Test
    void getAnswersTheNamespaceAndAnUnknownIdIs404With10013() {
        ServedNamespace todo = server.createNamespace("TODO");

        JsonNode found = client.get(client.ns(todo.id())).json().get("result");
        ApiClient.Response missing = client.get(client.ns("0123456789abcdef0123456789abcdef"));

        assertThat(found.get("title").asText()).isEqualTo("TODO");
        assertThat(found.get("id").asText()).isEqualTo(todo.id());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo(10013);
        assertThat(missing.message()).isEqualTo("get namespace: 'namespace not found'");
    }

    @Test
    void aMalformedIdIs400With10011() {
        ApiClient.Response response = client.get(client.ns("not-an-id"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo(10011);
        assertThat(response.message())
                .isEqualTo("could not parse UUID from request's namespace_id: 'invalid namespace format: not-an-id'");
    }

    @Test
    void renameAnswersTheUpdatedNamespace() {
        ServedNamespace todo = server.createNamespace("OLD");

        ApiClient.Response response = client.putJson(client.ns(todo.id()), "{\"title\":\"NEW\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("result").get("title").asText()).isEqualTo("NEW");
        assertThat(response.json().get("result").get("id").asText()).isEqualTo(todo.id());
        assertThat(server.namespaceByTitle(server.accountId(), "NEW")).isPresent();
        assertThat(server.namespaceByTitle(server.accountId(), "OLD")).isEmpty();
    }

    @Test
    void renameToATitleTheAccountHasIs400With10014AndRenamesNothing() {
        ServedNamespace a = server.createNamespace("A");
        server.createNamespace("B");

        ApiClient.Response response = client.putJson(client.ns(a.id()), "{\"title\":\"B\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo(10014);
        assertThat(server.namespace(server.accountId(), a.id()).orElseThrow().title())
                .isEqualTo("A");
    }

    @Test
    void listOrdersById() {
        server.createNamespace(server.accountId(), "x", "ffffffffffffffffffffffffffffffff");
        server.createNamespace(server.accountId(), "y", "00000000000000000000000000000000");

        JsonNode result = client.get(client.namespaces() + "?order=id").json().get("result");

        assertThat(titles(result)).containsExactly("y", "x");
    }

    @Test
    void renameOfAnUnknownNamespaceIs404() {
        ApiClient.Response response =
                client.putJson(client.ns("0123456789abcdef0123456789abcdef"), "{\"title\":\"NEW\"}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo(10013);
        assertThat(response.message()).endsWith("namespace not found'");
    }

    @Test
    void deleteRemovesTheNamespaceAndItsKeys() {
        ServedNamespace todo = server.createNamespace("TODO");
        todo.kv().put("k", "v");

        ApiClient.Response response = client.delete(client.ns(todo.id()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("result").isNull()).isTrue();
        assertThat(server.namespaces(server.accountId())).isEmpty();
        assertThat(todo.kv().isEmpty()).isTrue();
        assertThat(client.get(client.ns(todo.id()) + "/values/k").status()).isEqualTo(404);
    }

    @Test
    void accountsAreKeptApart() {
        ServedNamespace mine = server.createNamespace("account-a", "TODO");
        mine.kv().put("k", "v");

        ApiClient.Response fromOther =
                client.get("/accounts/account-b/storage/kv/namespaces/" + mine.id() + "/values/k");
        ApiClient.Response listOther = client.get("/accounts/account-b/storage/kv/namespaces");
        ApiClient.Response fromMine =
                client.get("/accounts/account-a/storage/kv/namespaces/" + mine.id() + "/values/k");

        assertThat(fromOther.status()).isEqualTo(404);
        assertThat(fromOther.code()).isEqualTo(10013);
        assertThat(fromOther.message()).isEqualTo("get: 'namespace not found'");
        assertThat(listOther.json().get("result")).isEmpty();
        assertThat(fromMine.text()).isEqualTo("v");
    }

    private static List<String> titles(JsonNode result) {
        List<String> titles = new ArrayList<>();
        result.forEach(ns -> titles.add(ns.get("title").asText()));
        return titles;
    }
}
