package dev.kvkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The requests wrangler 4 and SDK 7.3 send, as spec sections 2 to 4 record them, replayed byte for
 * byte with the JDK client: each gets what that client needs to go on.
 */
class ClientWireFormsTest {

    private final KvApiServer server = KvApiServer.builder().start();
    private final ApiClient wrangler = new ApiClient(server).withAuth("Authorization", "Bearer wrangler-token");

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void wranglerNamespaceCreateListRenameDelete() {
        JsonNode created = wrangler.post(wrangler.namespaces(), "{\n  \"title\": \"my-kv\"\n}")
                .json();
        String id = created.get("result").get("id").asText();

        // `kv namespace list`: per_page=1000, then page 2 until an empty page.
        JsonNode page1 = wrangler.get(wrangler.namespaces() + "?per_page=1000&order=title&direction=asc")
                .json();
        JsonNode page2 = wrangler.get(wrangler.namespaces() + "?per_page=1000&order=title&direction=asc&page=2")
                .json();
        // `kv namespace rename` finds it with per_page=100, then PUTs the new title and prints result.title.
        JsonNode found = wrangler.get(wrangler.namespaces() + "?per_page=100&order=title&direction=asc&page=1")
                .json();
        JsonNode renamed = wrangler.putJson(wrangler.ns(id), "{\n  \"title\": \"renamed\"\n}")
                .json();
        ApiClient.Response deleted = wrangler.delete(wrangler.ns(id));

        assertThat(page1.get("result").findValuesAsText("title")).containsExactly("my-kv");
        assertThat(page2.get("result")).isEmpty();
        assertThat(found.get("result").get(0).get("id").asText()).isEqualTo(id);
        assertThat(renamed.get("result").get("title").asText()).isEqualTo("renamed");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(server.namespaces(server.accountId())).isEmpty();
    }

    @Test
    void wranglerKeyPutGetListDelete() {
        ServedNamespace ns = server.createNamespace("TODO");
        String values = wrangler.ns(ns.id()) + "/values/";

        // `kv key put "a/b c" v --remote`: encodeURIComponent, text/plain;charset=UTF-8.
        wrangler.put(values + "a%2Fb%20c", "text/plain;charset=UTF-8", "v");
        // `kv key put K --path FILE`: the file's bytes with no content type at all.
        wrangler.send("PUT", values + "file", null, new byte[] {1, 2, 3});
        // `--metadata` makes it multipart: the value and a text part holding the JSON.
        wrangler.send(
                "PUT",
                values + "meta?expiration_ttl=3600",
                Multiparts.CONTENT_TYPE,
                new Multiparts()
                        .text("value", "m")
                        .text("metadata", "{\"a\":1}")
                        .build());
        // `--path` with `--metadata`: the value as a file part named blob.
        wrangler.send(
                "PUT",
                values + "blob",
                Multiparts.CONTENT_TYPE,
                new Multiparts()
                        .file("value", "blob", "application/octet-stream", new byte[] {9})
                        .text("metadata", "{}")
                        .build());

        ApiClient.Response got = wrangler.send("GET", values + "a%2Fb%20c", null, null, "Accept", "*/*");
        List<String> listed = new ArrayList<>();
        String cursor = null;
        do {
            String query = "?prefix=" + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = wrangler.get(wrangler.ns(ns.id()) + "/keys" + query).json();
            page.get("result").forEach(key -> listed.add(key.get("name").asText()));
            cursor = page.get("result_info").get("cursor").asText();
        } while (!cursor.isEmpty());
        ApiClient.Response deleted = wrangler.delete(values + "a%2Fb%20c");

        assertThat(got.text()).isEqualTo("v");
        assertThat(listed).containsExactly("a/b c", "blob", "file", "meta");
        assertThat(ns.kv().getBytes("file")).containsExactly(1, 2, 3);
        assertThat(ns.kv().getBytes("blob")).containsExactly(9);
        assertThat(ns.kv().entry("meta").orElseThrow().metadataJson()).hasValue("{\"a\":1}");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(ns.kv().keys()).containsExactly("blob", "file", "meta");
    }

    @Test
    void wranglerBulkPutGetAndDeleteOnTheDeprecatedRoute() {
        ServedNamespace ns = server.createNamespace("TODO");
        String bulk = wrangler.ns(ns.id()) + "/bulk";

        wrangler.putJson(
                bulk,
                "[\n  {\n    \"key\": \"a\",\n    \"value\": \"1\"\n  },\n  {\n    \"key\": \"b\",\n"
                        + "    \"value\": \"2\",\n    \"metadata\": {\n      \"m\": true\n    }\n  }\n]");
        JsonNode got = wrangler.post(bulk + "/get", "{\n  \"keys\": [\n    \"a\",\n    \"b\"\n  ]\n}")
                .json();
        ApiClient.Response deleted = wrangler.deleteJson(bulk, "[\n  \"a\",\n  \"b\"\n]");

        assertThat(got.get("result").get("values").toString()).isEqualTo("{\"a\":\"1\",\"b\":\"2\"}");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(ns.kv().isEmpty()).isTrue();
    }

    @Test
    void sdk73ValuesUpdateIsAlwaysMultipartAndItsHeadersAreAccepted() {
        ServedNamespace ns = server.createNamespace("TODO");

        ApiClient.Response response = wrangler.send(
                "PUT",
                wrangler.ns(ns.id()) + "/values/a%2Fb%20c%3Fd%25e%23f:g@h!i+j&k=l",
                Multiparts.CONTENT_TYPE,
                new Multiparts()
                        .text("value", "v")
                        .text("metadata", "{\"a\":1}")
                        .build(),
                "Accept",
                "application/json",
                "User-Agent",
                "Cloudflare/JS 7.3.0",
                "api-version",
                "2026-12-01",
                "X-Stainless-Lang",
                "js",
                "X-Stainless-Package-Version",
                "7.3.0");
        ApiClient.Response read = wrangler.send(
                "GET",
                wrangler.ns(ns.id()) + "/values/a%2Fb%20c%3Fd%25e%23f:g@h!i+j&k=l",
                null,
                null,
                "Accept",
                "application/octet-stream");

        assertThat(response.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("v".getBytes(StandardCharsets.UTF_8));
        assertThat(ns.kv().keys()).containsExactly("a/b c?d%e#f:g@h!i+j&k=l");
    }
}
