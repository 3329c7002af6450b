package dev.kvkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kvkit.PutOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyListingTest {

    private final KvApiServer server = KvApiServer.builder().start();
    private final ApiClient client = new ApiClient(server);
    private final ServedNamespace todo = server.createNamespace("TODO");
    private final String keys = client.ns(todo.id()) + "/keys";

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void aPageListsNamesWithExpirationAndMetadataOnlyWhenSet() {
        todo.kv().put("a", "1");
        todo.kv().put("b", "2", PutOptions.defaults().withExpirationTtl(600).withMetadata(Map.of("m", 1)));
        long expiration = server.clock().instant().getEpochSecond() + 600;

        JsonNode body = client.get(keys).json();

        assertThat(body.get("result").get(0).fieldNames()).toIterable().containsExactly("name");
        assertThat(body.get("result").get(1).toString())
                .isEqualTo("{\"name\":\"b\",\"expiration\":" + expiration + ",\"metadata\":{\"m\":1}}");
        assertThat(body.get("result_info"))
                .isEqualTo(ApiClient.JSON.createObjectNode().put("count", 2).put("cursor", ""));
        assertThat(body.get("success").asBoolean()).isTrue();
    }

    @Test
    void metadataIsListedAsItWasStoredDigitsEscapesAndAllPlanes() throws Exception {
        String stored = "{\"n\":12345678901234567890.125,\"q\":\"a\\\"b\\u0001\",\"t\":\"Zo\u00eb \ud83d\ude00\","
                + "\"l\":[1,{\"x\":null}]}";
        todo.kv().put("k", "v", PutOptions.defaults().withMetadata(ApiClient.JSON.readTree(stored)));
        String metadata = client.get(client.ns(todo.id()) + "/metadata/k")
                .json()
                .get("result")
                .toString();

        ApiClient.Response page = client.get(keys);

        assertThat(page.text())
                .isEqualTo("{\"result\":[{\"name\":\"k\",\"metadata\":" + metadata + "}],\"success\":true,"
                        + "\"errors\":[],\"messages\":[],\"result_info\":{\"count\":1,\"cursor\":\"\"}}");
        assertThat(page.json().get("result").get(0).get("metadata")).isEqualTo(ApiClient.JSON.readTree(stored));
    }

    @Test
    void pagingWithTheCursorReachesEveryKeyAndTheLastCursorIsEmpty() {
        for (int i = 0; i < 25; i++) {
            todo.kv().put(String.format("k%02d", i), "v");
        }
        List<String> names = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode body = client.get(
                            keys + "?prefix=&limit=10&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))
                    .json();
            body.get("result").forEach(key -> names.add(key.get("name").asText()));
            cursor = body.get("result_info").get("cursor").asText();
            cursors.add(cursor);
        } while (!cursor.isEmpty());

        assertThat(names).hasSize(25).isSorted().doesNotHaveDuplicates();
        assertThat(cursors).hasSize(3).last().isEqualTo("");
        assertThat(cursors.subList(0, 2)).allSatisfy(c -> assertThat(c).isNotEmpty());
    }

    @Test
    void theCursorKeepsWorkingWithTheSamePrefix() {
        for (int i = 0; i < 5; i++) {
            todo.kv().put("p:" + i, "v");
            todo.kv().put("q:" + i, "v");
        }

        JsonNode first = client.get(keys + "?prefix=p:&limit=3").json();
        String cursor = first.get("result_info").get("cursor").asText();
        JsonNode second =
                client.get(keys + "?prefix=p:&limit=3&cursor=" + cursor).json();

        assertThat(second.get("result").findValuesAsText("name")).containsExactly("p:3", "p:4");
        assertThat(second.get("result_info").get("cursor").asText()).isEmpty();
    }

    @Test
    void expiredKeysAreNotListed() {
        todo.kv().put("short", "v", PutOptions.defaults().withExpirationTtl(60));
        todo.kv().put("long", "v");
        server.clock().advance(java.time.Duration.ofSeconds(60));

        assertThat(client.get(keys).json().get("result").findValuesAsText("name"))
                .containsExactly("long");
    }

    @Test
    void aLimitOverTheMaximumIs400WithTheServiceText() {
        ApiClient.Response response = client.get(keys + "?limit=1001");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo(10028);
        assertThat(response.message())
                .isEqualTo("Invalid key_count_limit of 1001. Please specify an integer less than 1000.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "0", "abc", "99999999999", "1.5", "1e3"})
    void anAbsurdLimitIs400(String limit) {
        ApiClient.Response response = client.get(keys + "?limit=" + limit);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo(10028);
        assertThat(response.message()).startsWith("Invalid key_count_limit of " + limit + ".");
    }

    @Test
    void aCursorThatIsNoCursorIs400() {
        ApiClient.Response response = client.get(keys + "?cursor=%21%21not-a-cursor");

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void anUnknownNamespaceIs404With10013() {
        ApiClient.Response response = client.get(client.ns("0123456789abcdef0123456789abcdef") + "/keys");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.message()).isEqualTo("list keys: 'namespace not found'");
    }

    @Test
    void aListingThatStoppedAfterPageOneIsNotedInTheJournal() {
        for (int i = 0; i < 3; i++) {
            todo.kv().put("k" + i, "v");
        }

        client.get(keys + "?limit=2");

        assertThat(server.journal())
                .singleElement()
                .satisfies(entry ->
                        assertThat(entry.warnings()).singleElement().asString().startsWith("key list stopped early"));
    }

    @Test
    void aListingPagedToTheEndGetsNoNote() {
        for (int i = 0; i < 3; i++) {
            todo.kv().put("k" + i, "v");
        }

        String cursor = client.get(keys + "?limit=2")
                .json()
                .get("result_info")
                .get("cursor")
                .asText();
        client.get(keys + "?limit=2&cursor=" + cursor);

        assertThat(server.journal())
                .hasSize(2)
                .allSatisfy(entry -> assertThat(entry.warnings()).isEmpty());
    }

    @Test
    void listStressModeIsTheFakesOverHttpToo() {
        KvApiServer stressed = KvApiServer.builder().listStressMode(true).start();
        try {
            ServedNamespace ns = stressed.createNamespace("S");
            ns.kv().put("a", "v");

            JsonNode first = new ApiClient(stressed)
                    .get(new ApiClient(stressed).ns(ns.id()) + "/keys")
                    .json();

            assertThat(first.get("result")).isEmpty();
            assertThat(first.get("result_info").get("cursor").asText()).isNotEmpty();
        } finally {
            stressed.close();
        }
    }
}
