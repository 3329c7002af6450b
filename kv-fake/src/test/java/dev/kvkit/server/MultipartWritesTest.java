package dev.kvkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kvkit.PutOptions;
import dev.kvkit.fake.KvEntry;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Value writes in multipart/form-data, in every form of spec section 4. */
class MultipartWritesTest {

    private final KvApiServer server = KvApiServer.builder().start();
    private final ApiClient client = new ApiClient(server);
    private final ServedNamespace todo = server.createNamespace("TODO");
    private final String values = client.ns(todo.id()) + "/values/";

    @AfterEach
    void close() {
        server.close();
    }

    private ApiClient.Response put(String key, Multiparts parts) {
        return client.send("PUT", values + key, Multiparts.CONTENT_TYPE, parts.build());
    }

    private JsonNode metadata(String key) {
        return todo.kv().entry(key).orElseThrow().metadata().orElse(null);
    }

    @Test
    void aTextValueFieldIsTheValue() {
        ApiClient.Response response = put("k", new Multiparts().text("value", "Buy milk"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(todo.kv().get("k")).isEqualTo("Buy milk");
        assertThat(metadata("k")).isNull();
    }

    @Test
    void aFileValuePartIsTheValueByteForByte() {
        byte[] bytes = {0, 1, (byte) 0xFE, '\r', '\n', '-', '-'};

        put("k", new Multiparts().file("value", "blob", "application/octet-stream", bytes));

        assertThat(todo.kv().getBytes("k")).containsExactly(bytes);
    }

    @Test
    void aMetadataTextFieldIsParsedAsJson() {
        put("k", new Multiparts().text("value", "v").text("metadata", "{\"owner\":\"ada\"}"));

        assertThat(metadata("k")).isEqualTo(ApiClient.JSON.createObjectNode().put("owner", "ada"));
    }

    @Test
    void aMetadataFilePartWithApplicationJsonIsParsedAsJson() {
        put(
                "k",
                new Multiparts()
                        .text("value", "v")
                        .file("metadata", "metadata", "application/json", "[1,2]".getBytes(StandardCharsets.UTF_8)));

        assertThat(metadata("k"))
                .isEqualTo(ApiClient.JSON.createArrayNode().add(1).add(2));
    }

    @Test
    void aValueWithoutMetadataPartClearsOldMetadata() {
        todo.kv().put("k", "old", PutOptions.defaults().withMetadata(Map.of("v", 1)));

        put("k", new Multiparts().text("value", "new"));

        KvEntry entry = todo.kv().entry("k").orElseThrow();
        assertThat(entry.valueAsText()).isEqualTo("new");
        assertThat(entry.metadata()).isEmpty();
    }

    @Test
    void metadataBracketFieldsAreDroppedWithAWarning() {
        ApiClient.Response response = put(
                "k",
                new Multiparts().text("value", "v").text("metadata[a]", "1").text("metadata[b]", "x"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(metadata("k")).isNull();
        assertThat(response.warnings()).hasSize(2).allSatisfy(w -> assertThat(w).startsWith("dropped multipart field"));
        JournalEntry entry = server.journal().get(server.journal().size() - 1);
        assertThat(entry.parts())
                .containsExactly("value (text, 1 bytes)", "metadata[a] (text, 1 bytes)", "metadata[b] (text, 1 bytes)");
        assertThat(entry.warnings()).hasSize(2);
    }

    @Test
    void expirationTtlAppliesToAMultipartWrite() {
        long now = server.clock().instant().getEpochSecond();

        client.send(
                "PUT",
                values + "k?expiration_ttl=90",
                Multiparts.CONTENT_TYPE,
                new Multiparts().text("value", "v").build());

        assertThat(todo.kv().entry("k").orElseThrow().expiration())
                .hasValueSatisfying(at -> assertThat(at.getEpochSecond()).isEqualTo(now + 90));
    }

    @Test
    void metadataThatIsNotJsonIs400AndChangesNothing() {
        todo.kv().put("k", "old");

        ApiClient.Response response =
                put("k", new Multiparts().text("value", "new").text("metadata", "{oops"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo(10001);
        assertThat(response.message()).isEqualTo("Invalid metadata JSON");
        assertThat(todo.kv().get("k")).isEqualTo("old");
    }

    @Test
    void metadataOverTheLimitIs413WithTheServiceText() {
        String big = "{\"a\":\"" + "x".repeat(1100) + "\"}";

        ApiClient.Response response =
                put("k", new Multiparts().text("value", "v").text("metadata", big));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.message()).isEqualTo("Metadata length of " + big.length() + " exceeds limit of 1024.");
        assertThat(todo.kv().isEmpty()).isTrue();
    }

    @Test
    void aBodyWithoutValueFieldIs400() {
        ApiClient.Response response = put("k", new Multiparts().text("metadata", "{}"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).isEqualTo("Missing value field");
        assertThat(todo.kv().isEmpty()).isTrue();
    }

    @Test
    void aTruncatedBodyIs400() {
        byte[] whole = new Multiparts().text("value", "v").build();
        byte[] truncated = Arrays.copyOf(whole, whole.length - 10);

        ApiClient.Response response = client.send("PUT", values + "k", Multiparts.CONTENT_TYPE, truncated);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).startsWith("Malformed multipart body");
        assertThat(todo.kv().isEmpty()).isTrue();
    }

    @Test
    void aContentTypeWithoutBoundaryIs400() {
        ApiClient.Response response = client.send(
                "PUT",
                values + "k",
                "multipart/form-data",
                new Multiparts().text("value", "v").build());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).isEqualTo("Malformed multipart body: the Content-Type has no boundary");
        assertThat(todo.kv().isEmpty()).isTrue();
    }

    @Test
    void aPartWithoutNameIs400() {
        String body = "--" + Multiparts.BOUNDARY + "\r\nContent-Disposition: form-data\r\n\r\nv\r\n--"
                + Multiparts.BOUNDARY + "--\r\n";

        ApiClient.Response response =
                client.send("PUT", values + "k", Multiparts.CONTENT_TYPE, body.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).isEqualTo("Malformed multipart body: a part has no name");
    }

    @Test
    void aQuotedBoundaryIsUnderstood() {
        byte[] body = new Multiparts().text("value", "v").build();

        client.send("PUT", values + "k", "multipart/form-data; boundary=\"" + Multiparts.BOUNDARY + "\"", body);

        assertThat(todo.kv().get("k")).isEqualTo("v");
    }
}
