package dev.kvkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kvkit.PutOptions;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BulkRoutesTest {

    private final KvApiServer server = KvApiServer.builder().start();
    private final ApiClient client = new ApiClient(server);
    private final ServedNamespace todo = server.createNamespace("TODO");
    private final String bulk = client.ns(todo.id()) + "/bulk";

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void bulkPutStoresEveryItemAndCountsThem() {
        long now = server.clock().instant().getEpochSecond();
        String items = "[\n {\"key\":\"a\",\"value\":\"1\"},\n"
                + " {\"key\":\"b\",\"value\":\"aGk=\",\"base64\":true,\"metadata\":{\"m\":1}},\n"
                + " {\"key\":\"c\",\"value\":\"3\",\"expiration\":" + (now + 9000) + ",\"expiration_ttl\":600}\n]";

        ApiClient.Response response = client.putJson(bulk, items);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("result"))
                .isEqualTo(ApiClient.JSON
                        .createObjectNode()
                        .put("successful_key_count", 3)
                        .set("unsuccessful_keys", ApiClient.JSON.createArrayNode()));
        assertThat(todo.kv().get("a")).isEqualTo("1");
        assertThat(todo.kv().get("b")).isEqualTo("hi");
        assertThat(todo.kv().entry("b").orElseThrow().metadata())
                .hasValue(ApiClient.JSON.createObjectNode().put("m", 1));
        assertThat(todo.kv().entry("c").orElseThrow().expiration()).hasValue(Instant.ofEpochSecond(now + 600));
    }

    @Test
    void bulkPutOverwritesValueExpirationAndMetadata() {
        todo.kv().put("a", "old", PutOptions.defaults().withExpirationTtl(600).withMetadata(Map.of("v", 1)));

        client.putJson(bulk, "[{\"key\":\"a\",\"value\":\"new\"}]");

        assertThat(todo.kv().entry("a").orElseThrow().expiration()).isEmpty();
        assertThat(todo.kv().entry("a").orElseThrow().metadata()).isEmpty();
    }

    @Test
    void bulkPutWithOneBadItemStoresNothing() {
        ApiClient.Response response = client.putJson(
                bulk, "[{\"key\":\"a\",\"value\":\"1\"},{\"key\":\"b\",\"value\":\"2\",\"expiration_ttl\":30}]");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message())
                .isEqualTo("Bulk item 1: Invalid expiration_ttl of 30. Expiration TTL must be at least 60.");
        assertThat(todo.kv().isEmpty()).isTrue();
    }

    @Test
    void bulkPutOfAValueThatIsNoStringIs400() {
        ApiClient.Response response = client.putJson(bulk, "[{\"key\":\"a\",\"value\":12}]");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).isEqualTo("Bulk item 0: \"value\" must be a string");
        assertThat(todo.kv().isEmpty()).isTrue();
    }

    @Test
    void bulkPutOfMoreThan10000PairsIs10012() {
        String items = IntStream.range(0, 10_001)
                .mapToObj(i -> "{\"key\":\"k" + i + "\",\"value\":\"v\"}")
                .collect(Collectors.joining(",", "[", "]"));

        ApiClient.Response response = client.putJson(bulk, items);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo(10012);
        assertThat(response.message())
                .isEqualTo("bulk put: 'received 10001 key/value pairs, but max allowed per request is: 10000'");
        assertThat(todo.kv().isEmpty()).isTrue();
    }

    @Test
    void bulkPutOfExactly10000PairsIsFine() {
        String items = IntStream.range(0, 10_000)
                .mapToObj(i -> "{\"key\":\"k" + i + "\",\"value\":\"v\"}")
                .collect(Collectors.joining(",", "[", "]"));

        ApiClient.Response response = client.putJson(bulk, items);

        assertThat(response.status()).isEqualTo(200);
        assertThat(todo.kv().size()).isEqualTo(10_000);
    }

    @Test
    void bulkPutOfAnObjectIs400() {
        ApiClient.Response response = client.putJson(bulk, "{\"key\":\"a\",\"value\":\"1\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(todo.kv().isEmpty()).isTrue();
    }

    @Test
    void bothBulkDeleteRoutesDeleteAndCountMissingKeysAsDeleted() {
        todo.kv().put("a", "1");
        todo.kv().put("b", "2");
        todo.kv().put("c", "3");

        ApiClient.Response current = client.post(bulk + "/delete", "[\"a\",\"missing\"]");
        ApiClient.Response deprecated = client.deleteJson(bulk, "[\"b\"]");

        assertThat(current.status()).isEqualTo(200);
        assertThat(current.json().get("result").get("successful_key_count").asInt())
                .isEqualTo(2);
        assertThat(deprecated.status()).isEqualTo(200);
        assertThat(deprecated.json().get("result").get("unsuccessful_keys")).isEmpty();
        assertThat(todo.kv().keys()).containsExactly("c");
    }

    @Test
    void aBulkDeleteCountsAKeyWithALoneSurrogateAsDeletedAndDeletesTheRest() {
        todo.kv().put("a", "1");
        todo.kv().put("b", "2");

        ApiClient.Response response = client.post(bulk + "/delete", "[\"a\",\"\\ud800\"]");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("result").get("successful_key_count").asInt())
                .isEqualTo(2);
        assertThat(todo.kv().keys()).containsExactly("b");
    }

    @Test
    void bulkDeleteOfMoreThan10000KeysIs10012AndDeletesNothing() {
        todo.kv().put("k0", "v");
        String keys = IntStream.range(0, 10_001).mapToObj(i -> "\"k" + i + "\"").collect(Collectors.joining(","));

        ApiClient.Response response = client.post(bulk + "/delete", "[" + keys + "]");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo(10012);
        assertThat(response.message())
                .isEqualTo("bulk delete: 'received 10001 keys, but max allowed per request is: 10000'");
        assertThat(todo.kv().keys()).containsExactly("k0");
    }

    @Test
    void bulkDeleteWithOneBadKeyDeletesNothing() {
        todo.kv().put("a", "1");

        ApiClient.Response response = client.post(bulk + "/delete", "[\"a\",\"\"]");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).isEqualTo("Key name cannot be empty.");
        assertThat(todo.kv().keys()).containsExactly("a");
    }

    @Test
    void bulkDeleteOfNonStringsIs400() {
        todo.kv().put("a", "1");

        ApiClient.Response response = client.post(bulk + "/delete", "[\"a\",{\"name\":\"b\"}]");

        assertThat(response.status()).isEqualTo(400);
        assertThat(todo.kv().keys()).containsExactly("a");
    }

    @Test
    void bulkGetAnswersTextValuesAndNullForMissingKeys() {
        todo.kv().put("a", "1");

        JsonNode result = client.post(bulk + "/get", "{\"keys\":[\"a\",\"missing\"]}")
                .json()
                .get("result");

        assertThat(result.toString()).isEqualTo("{\"values\":{\"a\":\"1\",\"missing\":null}}");
    }

    @Test
    void bulkGetAsJsonParsesTheValues() {
        todo.kv().put("n", "42");
        todo.kv().put("o", "{\"x\":[1]}");

        JsonNode result = client.post(bulk + "/get", "{\"keys\":[\"n\",\"o\"],\"type\":\"json\"}")
                .json()
                .get("result");

        assertThat(result.toString()).isEqualTo("{\"values\":{\"n\":42,\"o\":{\"x\":[1]}}}");
    }

    @Test
    void bulkGetWithMetadataAnswersValueMetadataAndExpiration() {
        todo.kv()
                .put(
                        "a",
                        "1",
                        PutOptions.defaults().withMetadata(Map.of("m", 1)).withExpirationTtl(600));
        todo.kv().put("b", "2");
        long expiration = server.clock().instant().getEpochSecond() + 600;

        JsonNode result = client.post(bulk + "/get", "{\"keys\":[\"a\",\"b\",\"c\"],\"withMetadata\":true}")
                .json()
                .get("result");

        assertThat(result.toString())
                .isEqualTo("{\"values\":{\"a\":{\"value\":\"1\",\"metadata\":{\"m\":1},\"expiration\":" + expiration
                        + "},\"b\":{\"value\":\"2\",\"metadata\":null},\"c\":null}}");
    }

    @Test
    void bulkGetAsJsonWithMetadataWritesEachValueAsItsJson() {
        todo.kv().put("n", "null", PutOptions.defaults().withMetadata(Map.of("m", "\u00e9\uD83C\uDF89")));
        todo.kv().put("s", "\"caf\u00e9 \\\"q\\\" \uD83C\uDF89\"");
        todo.kv().put("o", "{\"x\":[1.5e3,true]}", PutOptions.defaults().withExpirationTtl(600));
        long expiration = server.clock().instant().getEpochSecond() + 600;

        ApiClient.Response response = client.post(
                bulk + "/get", "{\"keys\":[\"n\",\"s\",\"o\",\"z\"],\"type\":\"json\",\"withMetadata\":true}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("result").toString())
                .isEqualTo("{\"values\":{\"n\":{\"value\":null,\"metadata\":{\"m\":\"\u00e9\uD83C\uDF89\"}},"
                        + "\"s\":{\"value\":\"caf\u00e9 \\\"q\\\" \uD83C\uDF89\",\"metadata\":null},"
                        + "\"o\":{\"value\":{\"x\":[1500.0,true]},\"metadata\":null,\"expiration\":" + expiration
                        + "},\"z\":null}}");
    }

    @Test
    void bulkGetOfMoreThan100KeysIs400WithTheServiceText() {
        String keys = IntStream.range(0, 101).mapToObj(i -> "\"k" + i + "\"").collect(Collectors.joining(","));

        ApiClient.Response response = client.post(bulk + "/get", "{\"keys\":[" + keys + "]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).isEqualTo("You can request a maximum of 100 keys");
    }

    @Test
    void bulkGetOfAnUnknownTypeIs400() {
        ApiClient.Response response = client.post(bulk + "/get", "{\"keys\":[\"a\"],\"type\":\"arrayBuffer\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).isEqualTo("\"arrayBuffer\" is not a valid type. Use \"json\" or \"text\"");
    }

    @Test
    void bulkGetAsJsonOfAValueThatIsNotJsonIs400() {
        todo.kv().put("a", "not json");

        ApiClient.Response response = client.post(bulk + "/get", "{\"keys\":[\"a\"],\"type\":\"json\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).isEqualTo("At least one of the requested keys corresponds to a non-json value");
    }

    @Test
    void bulkRoutesOfAnUnknownNamespaceAre404() {
        String other = client.ns("0123456789abcdef0123456789abcdef") + "/bulk";

        assertThat(client.putJson(other, "[]").message()).isEqualTo("bulk put: 'namespace not found'");
        assertThat(client.post(other + "/delete", "[]").message()).isEqualTo("bulk delete: 'namespace not found'");
        assertThat(client.post(other + "/get", "{\"keys\":[\"a\"]}").message())
                .isEqualTo("bulk get keys: 'namespace not found'");
    }
}
