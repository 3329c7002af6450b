package dev.kvkit.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kvkit.KvType;
import dev.kvkit.ListOptions;
import dev.kvkit.PutOptions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The exact request each binding call sends: method, raw path, query, headers and body. */
class RequestShapeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StubServer stub = StubServer.start();
    private final CloudflareKvBinding kv = stub.binding();

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void getSendsOneGetOfTheValueAskingForOctets() {
        stub.reply(StubServer.Reply.bytes(200, "v".getBytes(StandardCharsets.UTF_8)));

        kv.get("k");

        StubServer.Recorded request = stub.onlyRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.rawPath()).isEqualTo(StubServer.PREFIX + "/values/k");
        assertThat(request.rawQuery()).isNull();
        assertThat(request.header("Accept")).isEqualTo("application/octet-stream");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + StubServer.TOKEN);
        assertThat(request.header("X-Auth-Key")).isNull();
        assertThat(request.header("User-Agent")).startsWith("kvkit (Java ");
        assertThat(request.length()).isZero();
    }

    @Test
    void apiKeyAndEmailAreSentAsXAuthHeadersInsteadOfABearer() {
        CloudflareKvBinding keyed = CloudflareKvBinding.builder()
                .apiKey("global-key-123", "ops@example.com")
                .accountId(StubServer.ACCOUNT)
                .namespaceId(StubServer.NAMESPACE)
                .baseUrl(stub.baseUrl())
                .retries(RetryPolicy.none())
                .userAgent("my-app/1.0")
                .build();

        keyed.delete("k");

        StubServer.Recorded request = stub.onlyRequest();
        assertThat(request.header("X-Auth-Key")).isEqualTo("global-key-123");
        assertThat(request.header("X-Auth-Email")).isEqualTo("ops@example.com");
        assertThat(request.header("Authorization")).isNull();
        assertThat(request.header("User-Agent")).isEqualTo("my-app/1.0");
    }

    @Test
    void putOfTextSendsTheRawUtf8BodyWithoutQuery() {
        kv.put("k", "héllo");

        StubServer.Recorded request = stub.onlyRequest();
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.rawPath()).isEqualTo(StubServer.PREFIX + "/values/k");
        assertThat(request.rawQuery()).isNull();
        assertThat(request.header("Content-Type")).isEqualTo("text/plain;charset=UTF-8");
        assertThat(request.body()).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void putOfTextWithALoneSurrogateStoresReplacementCharacterAsAWorkerDoes() {
        kv.put("k", "a\uD800b");

        assertThat(stub.onlyRequest().bodyText()).isEqualTo("a\uFFFDb");
    }

    @Test
    void putOfBytesSendsThemVerbatimAsOctets() {
        byte[] value = {0, (byte) 0xFF, (byte) 0xC3, 10};

        kv.put("k", value);

        StubServer.Recorded request = stub.onlyRequest();
        assertThat(request.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(request.body()).isEqualTo(value);
    }

    @Test
    void putOfAStreamSendsItsBytesAndLeavesItOpen() {
        boolean[] closed = {false};
        ByteArrayInputStream value = new ByteArrayInputStream(new byte[] {1, 2, 3}) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        kv.put("k", value);

        assertThat(stub.onlyRequest().body()).containsExactly(1, 2, 3);
        assertThat(closed[0]).as("stream closed").isFalse();
    }

    @Test
    void putJsonSendsTheMappersJsonText() {
        kv.putJson("k", Map.of("n", 1));

        StubServer.Recorded request = stub.onlyRequest();
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.bodyText()).isEqualTo("{\"n\":1}");
    }

    @Test
    void expirationTtlTravelsAsAQueryParameter() {
        kv.put("k", "v", PutOptions.defaults().withExpirationTtl(120));

        assertThat(stub.onlyRequest().rawQuery()).isEqualTo("expiration_ttl=120");
    }

    @Test
    void absoluteExpirationTravelsAsAQueryParameter() {
        kv.put("k", "v", PutOptions.defaults().withExpiration(2_000_000_000L));

        assertThat(stub.onlyRequest().rawQuery()).isEqualTo("expiration=2000000000");
    }

    @Test
    void withBothExpirationsOnlyTheTtlIsSentBecauseItWins() {
        kv.put("k", "v", PutOptions.defaults().withExpiration(5).withExpirationTtl(300));

        assertThat(stub.onlyRequest().rawQuery()).isEqualTo("expiration_ttl=300");
    }

    @Test
    void metadataMakesTheWriteMultipartWithAMetadataPartAndAValueFilePart() {
        kv.put("k", "the value", PutOptions.defaults().withMetadata(Map.of("user", 42)));

        StubServer.Recorded request = stub.onlyRequest();
        String contentType = request.header("Content-Type");
        assertThat(contentType).startsWith("multipart/form-data; boundary=");
        String boundary = contentType.substring(contentType.indexOf('=') + 1);
        assertThat(request.bodyText())
                .isEqualTo("--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"metadata\"\r\n\r\n"
                        + "{\"user\":42}\r\n"
                        + "--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"value\"; filename=\"blob\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n"
                        + "the value\r\n"
                        + "--" + boundary + "--\r\n");
    }

    @Test
    void streamWithMetadataIsMultipartToo() {
        kv.put(
                "k",
                new ByteArrayInputStream(new byte[] {7, 8}),
                PutOptions.defaults().withMetadata("m"));

        StubServer.Recorded request = stub.onlyRequest();
        assertThat(request.header("Content-Type")).startsWith("multipart/form-data; boundary=");
        assertThat(request.bodyText())
                .contains("name=\"metadata\"\r\n\r\n\"m\"\r\n")
                .contains("\r\n\u0007\u0008\r\n");
    }

    @Test
    void jsonNullMetadataIsNoMetadataSoTheBodyIsRaw() {
        kv.put("k", "v", PutOptions.defaults().withMetadata(JSON.nullNode()));

        assertThat(stub.onlyRequest().header("Content-Type")).isEqualTo("text/plain;charset=UTF-8");
    }

    @Test
    void deleteSendsADeleteOfTheValue() {
        kv.delete("k");

        StubServer.Recorded request = stub.onlyRequest();
        assertThat(request.method()).isEqualTo("DELETE");
        assertThat(request.rawPath()).isEqualTo(StubServer.PREFIX + "/values/k");
        assertThat(request.header("Accept")).isEqualTo("application/json");
    }

    @Test
    void plainListSendsNoQuery() {
        stub.reply(StubServer.Reply.list("[]", "{\"count\":0,\"cursor\":\"\"}"));

        kv.list();

        StubServer.Recorded request = stub.onlyRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.rawPath()).isEqualTo(StubServer.PREFIX + "/keys");
        assertThat(request.rawQuery()).isNull();
    }

    @Test
    void listSendsPrefixLimitAndCursor() {
        stub.reply(StubServer.Reply.list("[]", "{\"count\":0,\"cursor\":\"\"}"));

        kv.list(ListOptions.defaults().withPrefix("user:").withLimit(10).withCursor("abc"));

        assertThat(stub.onlyRequest().rawQuery()).isEqualTo("prefix=user%3A&limit=10&cursor=abc");
    }

    @Test
    void listWithZeroLimitAndEmptyCursorLeavesThemToTheServiceDefault() {
        stub.reply(StubServer.Reply.list("[]", "{\"count\":0,\"cursor\":\"\"}"));

        kv.list(ListOptions.defaults().withPrefix("").withLimit(0).withCursor(""));

        assertThat(stub.onlyRequest().rawQuery()).isNull();
    }

    @Test
    void bulkGetPostsTheUniqueKeysInOrderAsText() throws Exception {
        stub.reply(StubServer.Reply.envelope("{\"values\":{\"b\":\"1\",\"a\":null}}"));

        kv.get(List.of("b", "a", "b"));

        StubServer.Recorded request = stub.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo(StubServer.PREFIX + "/bulk/get");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(JSON.readTree(request.body()))
                .isEqualTo(JSON.readTree("{\"keys\":[\"b\",\"a\"],\"type\":\"text\"}"));
    }

    @Test
    void bulkGetOfJsonStillAsksForTextAndParsesLocally() throws Exception {
        stub.reply(StubServer.Reply.envelope("{\"values\":{\"a\":\"{\\\"x\\\":1}\"}}"));

        JsonNode value = kv.get(List.of("a"), KvType.JSON).get("a");

        assertThat(value).isEqualTo(JSON.readTree("{\"x\":1}"));
        assertThat(JSON.readTree(stub.onlyRequest().body()).path("type").asText())
                .isEqualTo("text");
    }

    @Test
    void bulkGetWithMetadataAsksForIt() throws Exception {
        stub.reply(StubServer.Reply.envelope("{\"values\":{\"a\":null}}"));

        kv.getWithMetadata(List.of("a"));

        assertThat(JSON.readTree(stub.onlyRequest().body()))
                .isEqualTo(JSON.readTree("{\"keys\":[\"a\"],\"type\":\"text\",\"withMetadata\":true}"));
    }

    @Test
    void getWithMetadataOfTextIsOneBulkRequestForThatKey() throws Exception {
        stub.reply(StubServer.Reply.envelope("{\"values\":{\"k\":null}}"));

        kv.getWithMetadata("k");

        StubServer.Recorded request = stub.onlyRequest();
        assertThat(request.rawPath()).isEqualTo(StubServer.PREFIX + "/bulk/get");
        assertThat(JSON.readTree(request.body()))
                .isEqualTo(JSON.readTree("{\"keys\":[\"k\"],\"type\":\"text\",\"withMetadata\":true}"));
    }

    @Test
    void getWithMetadataOfBytesReadsTheMetadataThenTheValue() {
        stub.reply(StubServer.Reply.envelope("{\"a\":1}"), StubServer.Reply.bytes(200, new byte[] {5}));

        kv.getWithMetadata("k", KvType.BYTES);

        assertThat(stub.requests())
                .extracting(StubServer.Recorded::toString)
                .containsExactly("GET " + StubServer.PREFIX + "/metadata/k", "GET " + StubServer.PREFIX + "/values/k");
    }

    @Test
    void getWithMetadataOfAMissingKeyStopsAfterTheMetadata() {
        stub.reply(StubServer.Reply.error(404, 10009, "metadata: 'key not found'"));

        assertThat(kv.getWithMetadata("k", KvType.STREAM).value()).isNull();
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void aValidCacheTtlIsNotSentSinceRestHasNoEdgeCache() {
        stub.reply(
                StubServer.Reply.bytes(200, new byte[] {'v'}), StubServer.Reply.envelope("{\"values\":{\"k\":null}}"));

        kv.get("k", dev.kvkit.GetOptions.defaults().withCacheTtl(60));
        kv.get(List.of("k"), dev.kvkit.GetOptions.defaults().withCacheTtl(300));

        assertThat(stub.requests()).extracting(StubServer.Recorded::rawQuery).containsOnlyNulls();
        assertThat(stub.requests().get(1).bodyText()).doesNotContain("cache");
    }
}
