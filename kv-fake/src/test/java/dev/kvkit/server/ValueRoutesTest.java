package dev.kvkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kvkit.PutOptions;
import dev.kvkit.fake.KvEntry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ValueRoutesTest {

    private final KvApiServer server = KvApiServer.builder().start();
    private final ApiClient client = new ApiClient(server);
    private final ServedNamespace todo = server.createNamespace("TODO");
    private final String values = client.ns(todo.id()) + "/values/";

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void aRawPutStoresTheBodyVerbatimAndAnswersAnEmptySuccess() {
        ApiClient.Response response = client.put(values + "k", "text/plain;charset=UTF-8", "Buy milk");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("success").asBoolean()).isTrue();
        assertThat(response.json().get("result").isNull()).isTrue();
        assertThat(todo.kv().get("k")).isEqualTo("Buy milk");
    }

    @Test
    void aJsonBodyIsTheValueNotAnEnvelopeOfIt() {
        String body = "{\"value\":\"v\",\"metadata\":{\"a\":1}}";

        client.put(values + "k", "application/json", body);

        assertThat(todo.kv().get("k")).isEqualTo(body);
        assertThat(todo.kv().entry("k").orElseThrow().metadata()).isEmpty();
    }

    @Test
    void aFormUrlEncodedBodyIsTheValueVerbatim() {
        client.put(values + "k", "application/x-www-form-urlencoded", "a=1&b=two+three");

        assertThat(todo.kv().get("k")).isEqualTo("a=1&b=two+three");
    }

    @Test
    void aPutWithoutContentTypeStoresTheBytes() {
        byte[] bytes = {0, (byte) 0xFF, 1, (byte) 0x80};

        client.send("PUT", values + "bin", null, bytes);

        assertThat(todo.kv().getBytes("bin")).containsExactly(bytes);
    }

    @Test
    void aRawPutClearsOldMetadataAndExpiration() {
        todo.kv()
                .put(
                        "k",
                        "old",
                        PutOptions.defaults().withMetadata(Map.of("v", 1)).withExpirationTtl(3600));

        client.put(values + "k", "text/plain", "new");

        KvEntry entry = todo.kv().entry("k").orElseThrow();
        assertThat(entry.metadata()).isEmpty();
        assertThat(entry.expiration()).isEmpty();
    }

    @Test
    void expirationTtlSetsTheExpirationFromTheServersClock() {
        long now = server.clock().instant().getEpochSecond();

        client.put(values + "k?expiration_ttl=120", "text/plain", "v");

        assertThat(todo.kv().entry("k").orElseThrow().expiration()).hasValue(Instant.ofEpochSecond(now + 120));
    }

    @Test
    void expirationTtlWinsOverExpiration() {
        long now = server.clock().instant().getEpochSecond();

        client.put(values + "k?expiration=" + (now + 5000) + "&expiration_ttl=300", "text/plain", "v");

        assertThat(todo.kv().entry("k").orElseThrow().expiration()).hasValue(Instant.ofEpochSecond(now + 300));
    }

    @Test
    void anAbsoluteExpirationIsKept() {
        long at = server.clock().instant().getEpochSecond() + 3600;

        client.put(values + "k?expiration=" + at, "text/plain", "v");

        assertThat(todo.kv().entry("k").orElseThrow().expiration()).hasValue(Instant.ofEpochSecond(at));
    }

    @Test
    void aShortTtlIsRefusedWithTheServiceTextAndChangesNothing() {
        todo.kv().put("k", "old");

        ApiClient.Response response = client.put(values + "k?expiration_ttl=30", "text/plain", "new");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).isEqualTo("Invalid expiration_ttl of 30. Expiration TTL must be at least 60.");
        assertThat(todo.kv().get("k")).isEqualTo("old");
    }

    @Test
    void aTtlThatIsNoNumberIsRefused() {
        ApiClient.Response response = client.put(values + "k?expiration_ttl=soon", "text/plain", "v");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message())
                .isEqualTo("Invalid expiration_ttl of soon. Please specify integer greater than 0.");
        assertThat(todo.kv().isEmpty()).isTrue();
    }

    @Test
    void anExpirationInThePastIsRefused() {
        ApiClient.Response response = client.put(values + "k?expiration=10", "text/plain", "v");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message())
                .isEqualTo("Invalid expiration of 10. Please specify integer greater than the current number of"
                        + " seconds since the UNIX epoch.");
        assertThat(todo.kv().isEmpty()).isTrue();
    }

    @Test
    void aKeyOverTheLimitIs414() {
        ApiClient.Response response = client.put(values + "k".repeat(513), "text/plain", "v");

        assertThat(response.status()).isEqualTo(414);
        assertThat(response.message()).isEqualTo("UTF-8 encoded length of 513 exceeds key length limit of 512.");
        assertThat(todo.kv().isEmpty()).isTrue();
    }

    @Test
    void aValueOverTheLimitIs413() {
        byte[] big = new byte[26_214_401];

        ApiClient.Response response = client.send("PUT", values + "k", "application/octet-stream", big);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.message()).isEqualTo("Value length of 26214401 exceeds limit of 26214400.");
        assertThat(todo.kv().isEmpty()).isTrue();
    }

    @Test
    void dotKeysAreRefused() {
        ApiClient.Response response = client.put(values + "..", "text/plain", "v");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).isEqualTo("\"..\" is not allowed as a key name.");
        assertThat(todo.kv().isEmpty()).isTrue();
    }

    @Test
    void aPutToAnUnknownNamespaceIs404With10013() {
        ApiClient.Response response =
                client.put(client.ns("0123456789abcdef0123456789abcdef") + "/values/k", "text/plain", "v");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo(10013);
        assertThat(response.message()).isEqualTo("put: 'namespace not found'");
    }

    @Test
    void getAnswersTheRawBytesWithTheExpirationHeader() {
        todo.kv().put("k", "v", PutOptions.defaults().withExpirationTtl(600));
        long expiration = server.clock().instant().getEpochSecond() + 600;

        ApiClient.Response response = client.get(values + "k");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("v");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(response.headers().firstValue("expiration")).hasValue(Long.toString(expiration));
    }

    @Test
    void getOfAKeyWithoutExpirationSendsNoExpirationHeader() {
        todo.kv().put("k", "v");

        assertThat(client.get(values + "k").headers().firstValue("expiration")).isEmpty();
    }

    @Test
    void getOfAnEmptyValueIsAnEmptyBody() {
        todo.kv().put("k", "");

        ApiClient.Response response = client.get(values + "k");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void getOfAMissingKeyIs404With10009() {
        ApiClient.Response response = client.get(values + "missing");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text())
                .isEqualTo("{\"result\":null,\"success\":false,"
                        + "\"errors\":[{\"code\":10009,\"message\":\"get: 'key not found'\"}],\"messages\":[]}");
    }

    @Test
    void anExpiredKeyIs404OnceTheAdminClockHasMoved() {
        client.put(values + "k?expiration_ttl=60", "text/plain", "v");

        ApiClient.Response advance = client.send("POST", "/__kvkit/clock/advance?seconds=60", null, null);
        ApiClient.Response response = client.get(values + "k");

        assertThat(advance.status()).isEqualTo(200);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo(10009);
    }

    @Test
    void aTestClockMoveInTheJvmExpiresKeysForHttpClients() {
        client.put(values + "k?expiration_ttl=60", "text/plain", "v");

        server.clock().advance(Duration.ofSeconds(59));
        int before = client.get(values + "k").status();
        server.clock().advance(Duration.ofSeconds(1));
        int after = client.get(values + "k").status();

        assertThat(before).isEqualTo(200);
        assertThat(after).isEqualTo(404);
    }

    @Test
    void deleteRemovesTheKeyAndAMissingKeyDeletesFine() {
        todo.kv().put("k", "v");

        ApiClient.Response first = client.delete(values + "k");
        ApiClient.Response again = client.delete(values + "k");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("success").asBoolean()).isTrue();
        assertThat(again.status()).isEqualTo(200);
        assertThat(todo.kv().isEmpty()).isTrue();
    }

    @Test
    void metadataAnswersTheStoredJson() {
        todo.kv().put("k", "v", PutOptions.defaults().withMetadata(Map.of("owner", "ada")));

        JsonNode body = client.get(client.ns(todo.id()) + "/metadata/k").json();

        assertThat(body.get("result"))
                .isEqualTo(ApiClient.JSON.createObjectNode().put("owner", "ada"));
    }

    @Test
    void metadataOfAKeyWithoutMetadataIsANullResult() {
        todo.kv().put("k", "v");

        ApiClient.Response response = client.get(client.ns(todo.id()) + "/metadata/k");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("result").isNull()).isTrue();
    }

    @Test
    void metadataOfAMissingKeyIs404With10009() {
        ApiClient.Response response = client.get(client.ns(todo.id()) + "/metadata/missing");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo(10009);
        assertThat(response.message()).isEqualTo("metadata: 'key not found'");
    }

    @Test
    void aValueWrittenInTheJvmIsReadOverHttpByteForByte() {
        byte[] bytes = "ünïcödé".getBytes(StandardCharsets.UTF_8);
        todo.kv().put("k", bytes);

        assertThat(client.get(values + "k").body()).containsExactly(bytes);
    }
}
