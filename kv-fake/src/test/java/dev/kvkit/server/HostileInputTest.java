package dev.kvkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.PutOptions;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Malformed requests: each gets a 4xx in Cloudflare's envelope, never a 5xx, and leaves every
 * namespace as it was.
 */
class HostileInputTest {

    private final KvApiServer server = KvApiServer.builder().start();
    private final ApiClient client = new ApiClient(server);
    private final ServedNamespace todo = server.createNamespace("TODO");
    private final String ns = client.ns(todo.id());
    private String before;

    @BeforeEach
    void seed() {
        todo.kv()
                .put(
                        "existing",
                        "old",
                        PutOptions.defaults().withMetadata(Map.of("v", 1)).withExpirationTtl(3600));
        before = state();
    }

    @AfterEach
    void close() {
        server.close();
    }

    /** Every namespace of the account, with everything in it. */
    private String state() {
        StringBuilder state = new StringBuilder();
        for (ServedNamespace namespace : server.namespaces(server.accountId())) {
            state.append(namespace.id()).append(' ').append(namespace.title()).append('\n');
            state.append(namespace.kv().exportBulk());
        }
        return state.toString();
    }

    private void assertRefusedAndUnchanged(ApiClient.Response response) {
        assertThat(response.status()).as(response.text()).isBetween(400, 499);
        assertThat(response.json().get("success").asBoolean()).isFalse();
        assertThat(response.json().get("errors").get(0).get("code").asInt()).isGreaterThanOrEqualTo(1000);
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "POST|''|{",
                "POST|''|[\"title\"]",
                "POST|''|{\"title\":\"a\"} trailing",
                "POST|''|{\"title\":\"a\",\"title\":\"b\"}",
                "POST|''|{\"title\":\"TODO\"}",
                "POST|''|{\"title\":null}",
                "POST|''|{\"title\":\"x\",\"jurisdiction\":\"mars\"}",
                "PUT|/ID|{\"title\":[1]}",
                "PUT|/ID|null",
                "PUT|/ID/bulk|{",
                "PUT|/ID/bulk|[1,2]",
                "PUT|/ID/bulk|[{\"key\":5,\"value\":\"v\"}]",
                "PUT|/ID/bulk|[{\"key\":\"k\",\"value\":\"v\",\"base64\":\"yes\"}]",
                "PUT|/ID/bulk|[{\"key\":\"k\",\"value\":\"!!\",\"base64\":true}]",
                "PUT|/ID/bulk|[{\"key\":\"k\",\"value\":\"v\",\"expiration\":\"soon\"}]",
                "PUT|/ID/bulk|[{\"key\":\"\",\"value\":\"v\"}]",
                "PUT|/ID/bulk|[{\"key\":\"existing\",\"value\":\"v\",\"expiration_ttl\":1.5}]",
                "POST|/ID/bulk/delete|{\"keys\":[\"existing\"]}",
                "POST|/ID/bulk/delete|[\"existing\",\"..\"]",
                "POST|/ID/bulk/get|[\"existing\"]",
                "POST|/ID/bulk/get|{\"keys\":\"existing\"}",
                "POST|/ID/bulk/get|{\"keys\":[]}",
                "POST|/ID/bulk/get|{\"keys\":[\"existing\"],\"withMetadata\":\"yes\"}",
                "POST|/ID/bulk/get|{\"keys\":[\"existing\"],\"type\":7}",
            })
    void badJsonAndWrongTypesAre400(String method, String path, String body) {
        ApiClient.Response response = client.send(
                method,
                client.namespaces() + path.replace("ID", todo.id()),
                "application/json",
                body.getBytes(StandardCharsets.UTF_8));

        assertRefusedAndUnchanged(response);
    }

    @Test
    void deeplyNestedJsonIs400() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);

        assertRefusedAndUnchanged(client.putJson(ns + "/bulk", deep));
    }

    @ParameterizedTest
    @CsvSource({
        "page=abc",
        "page=0",
        "page=-1",
        "page=99999999999",
        "per_page=0",
        "per_page=1001",
        "per_page=x",
        "order=size",
        "direction=sideways"
    })
    void absurdNamespaceListQueriesAre400(String query) {
        assertRefusedAndUnchanged(client.get(client.namespaces() + "?" + query));
    }

    @ParameterizedTest
    @CsvSource({"limit=-1", "limit=99999999999", "limit=abc", "cursor=%25%25", "prefix=%E0%A4", "prefix=%FF"})
    void absurdKeyListQueriesAre400(String query) {
        ApiClient.Response response = client.send("GET", ns + "/keys?" + query.replace("%%%", "%25%25"), null, null);
        if (query.equals("cursor=%%%")) {
            assertRefusedAndUnchanged(response); // a cursor the server never gave
        } else {
            assertRefusedAndUnchanged(response);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "0123456789ABCDEF0123456789ABCDEF",
        "0123456789abcdef0123456789abcde",
        "g123456789abcdef0123456789abcdef",
        "01234567-89ab-cdef-0123-456789abcdef"
    })
    void malformedNamespaceIdsAre400With10011(String id) {
        ApiClient.Response response = client.put(client.ns(id) + "/values/existing", "text/plain", "new");

        assertRefusedAndUnchanged(response);
        assertThat(response.code()).isEqualTo(10011);
    }

    @Test
    void aBodyOver100MbIs413WithoutTheServerReadingItIntoMemory() {
        long size = 100L * 1024 * 1024 + 1024 * 1024;
        HttpRequest request = HttpRequest.newBuilder(client.uri(ns + "/bulk"))
                .header("Authorization", "Bearer t")
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new Zeros(size)))
                .build();

        ApiClient.Response response = client.send(request);

        assertRefusedAndUnchanged(response);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.code()).isEqualTo(10024);
    }

    @Test
    void aBodyWithADeclaredLengthJustOverTheLimitIsRefusedWith413AndDrained() {
        KvApiServer small = KvApiServer.builder()
                .limits(dev.kvkit.fake.KvLimits.cloudflare().toBuilder()
                        .maxRestBulkRequestBytes(1000)
                        .build())
                .start();
        try {
            ServedNamespace target = small.createNamespace("T");
            ApiClient smallClient = new ApiClient(small);

            ApiClient.Response response =
                    smallClient.send("PUT", smallClient.ns(target.id()) + "/values/k", "text/plain", new byte[1500]);

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.message()).isEqualTo("Payload too large: the request body exceeds 1000 bytes");
            assertThat(target.kv().isEmpty()).isTrue();
        } finally {
            small.close();
        }
    }

    @Test
    void aDeclaredLengthOver100MbIs413BeforeTheBodyIsRead() {
        String response = RawHttp.exchangeOne(
                server.port(),
                "PUT /client/v4" + ns + "/bulk HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n"
                        + "Content-Length: 999999999999\r\nConnection: close\r\n\r\n",
                "[]".getBytes(StandardCharsets.UTF_8));

        assertThat(RawHttp.status(response)).isEqualTo(413);
        assertThat(response).contains("\"code\":10024");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aFloodOfConcurrentConnectionsIsServedWithoutA5xx() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(200);
        try {
            List<Callable<Integer>> requests = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String rawKey = i % 2 == 0 ? "existing" : "bad%FF" + i;
                requests.add(() -> RawHttp.status(RawHttp.exchange(
                        server.port(),
                        "PUT /client/v4" + ns + "/values/" + rawKey + "?expiration_ttl=1 HTTP/1.1\r\nHost: x\r\n"
                                + "Authorization: Bearer t\r\nContent-Length: 3\r\nConnection: close\r\n\r\n",
                        "new".getBytes(StandardCharsets.UTF_8))));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(requests)) {
                statuses.add(status.get());
            }

            assertThat(statuses).hasSize(200).containsOnly(400);
            assertThat(state()).isEqualTo(before);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRequestThatMakesTheServerTripIsStillA4xx() {
        // Content-Type multipart with a boundary that has a regex-looking body, and a value part name
        // that is a quote: nothing here may escape as a 5xx.
        String body = "--b\r\nContent-Disposition: form-data; name=\"\\\"\"\r\n\r\nv\r\n--b--\r\n";

        ApiClient.Response response = client.send(
                "PUT",
                ns + "/values/existing",
                "multipart/form-data; boundary=b",
                body.getBytes(StandardCharsets.UTF_8));

        assertRefusedAndUnchanged(response);
    }

    /** An endless-looking stream of zero bytes, generated as it is read. */
    private static final class Zeros extends InputStream {
        private long left;

        Zeros(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            return left-- > 0 ? '0' : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) '0');
            left -= n;
            return n;
        }
    }
}
