package dev.kvkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdminRoutesTest {

    private final KvApiServer server = KvApiServer.builder().start();
    private final ApiClient client = new ApiClient(server).withAuth();
    private final ServedNamespace todo = server.createNamespace("TODO");

    @AfterEach
    void close() {
        server.close();
    }

    private ApiClient.Response admin(String method, String path, String body) {
        return client.send(
                method,
                "/__kvkit/" + path,
                "application/json",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void healthIs200WithoutAuthWhileServing() {
        ApiClient.Response response = admin("GET", "health", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).isEqualTo("serving");
        assertThat(response.json().get("baseUrl").asText()).isEqualTo(server.baseUrl());
    }

    @Test
    void healthIsUnreachableOnceClosed() {
        int port = server.port();
        server.close();

        assertThat(server.isServing()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RawHttp.exchange(
                        port, "GET /__kvkit/health" + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", null))
                .isInstanceOf(java.io.UncheckedIOException.class);
    }

    @Test
    void clockReadsAdvancesAndSets() {
        JsonNode start = admin("GET", "clock", null).json();
        JsonNode advanced = admin("POST", "clock/advance?seconds=90", null).json();
        JsonNode byDuration = admin("POST", "clock/advance?duration=PT1H", null).json();
        JsonNode set =
                admin("POST", "clock/set?instant=2030-01-01T00:00:00Z", null).json();

        assertThat(start.get("instant").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(advanced.get("instant").asText()).isEqualTo("2026-01-01T00:01:30Z");
        assertThat(byDuration.get("instant").asText()).isEqualTo("2026-01-01T01:01:30Z");
        assertThat(set.get("epochSeconds").asLong())
                .isEqualTo(Instant.parse("2030-01-01T00:00:00Z").getEpochSecond());
        assertThat(server.clock().instant()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    }

    @Test
    void aBadClockArgumentIs400() {
        assertThat(admin("POST", "clock/advance?seconds=soon", null).status()).isEqualTo(400);
        assertThat(admin("POST", "clock/advance", null).status()).isEqualTo(400);
        assertThat(admin("POST", "clock/set?instant=yesterday", null).status()).isEqualTo(400);
        assertThat(server.clock().instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void seedImportsAWranglerBulkFileByTitleAndExportGivesItBack() {
        ApiClient.Response seeded =
                admin("POST", "seed?namespace=TODO", "[{\"key\":\"a\",\"value\":\"1\",\"metadata\":{\"m\":1}}]");
        ApiClient.Response exported = admin("GET", "export?namespace=" + todo.id(), null);

        assertThat(seeded.status()).isEqualTo(200);
        assertThat(seeded.json().get("imported").asInt()).isEqualTo(1);
        assertThat(todo.kv().get("a")).isEqualTo("1");
        assertThat(exported.json().toString()).isEqualTo("[{\"key\":\"a\",\"value\":\"1\",\"metadata\":{\"m\":1}}]");
    }

    @Test
    void aBadSeedFileIs400AndImportsNothing() {
        ApiClient.Response response = admin("POST", "seed?namespace=TODO", "[{\"key\":\"a\"}]");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asText()).isEqualTo("Bulk item 0: \"value\" must be a string");
        assertThat(todo.kv().isEmpty()).isTrue();
    }

    @Test
    void seedOfAnUnknownNamespaceIs404() {
        ApiClient.Response response = admin("POST", "seed?namespace=NOPE", "[]");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("error").asText()).contains("NOPE", "TODO (" + todo.id() + ")");
    }

    @Test
    void resetEmptiesOneNamespaceOneAccountOrAll() {
        ServedNamespace other = server.createNamespace("OTHER");
        ServedNamespace elsewhere = server.createNamespace("account-b", "TODO");
        todo.kv().put("a", "1");
        other.kv().put("b", "2");
        elsewhere.kv().put("c", "3");

        admin("POST", "reset?namespace=TODO", null);
        boolean onlyTodo =
                todo.kv().isEmpty() && !other.kv().isEmpty() && !elsewhere.kv().isEmpty();
        admin("POST", "reset?account=" + server.accountId(), null);
        boolean onlyAccount = other.kv().isEmpty() && !elsewhere.kv().isEmpty();
        admin("POST", "reset", null);

        assertThat(onlyTodo).isTrue();
        assertThat(onlyAccount).isTrue();
        assertThat(elsewhere.kv().isEmpty()).isTrue();
        assertThat(server.namespaces(server.accountId())).hasSize(2);
    }

    @Test
    void journalListsApiRequestsWithWhatTheServerMadeOfThem() {
        ApiClient api = new ApiClient(server);
        api.put(api.ns(todo.id()) + "/values/a%2Fb?expiration_ttl=60", "text/plain", "v");
        admin("GET", "health", null);

        JsonNode journal = admin("GET", "journal", null).json();

        assertThat(journal).hasSize(1);
        JsonNode entry = journal.get(0);
        assertThat(entry.get("method").asText()).isEqualTo("PUT");
        assertThat(entry.get("rawPath").asText()).endsWith("/values/a%2Fb");
        assertThat(entry.get("rawQuery").asText()).isEqualTo("expiration_ttl=60");
        assertThat(entry.get("key").asText()).isEqualTo("a/b");
        assertThat(entry.get("operation").asText()).isEqualTo("PUT_VALUE");
        assertThat(entry.get("status").asInt()).isEqualTo(200);
        assertThat(entry.get("parts").get(0).asText()).isEqualTo("raw body (text/plain, 1 bytes)");
        assertThat(entry.get("warnings")).isEmpty();
    }

    @Test
    void journalCanBeClearedAndIsBounded() {
        KvApiServer small = KvApiServer.builder().journalCapacity(2).start();
        try {
            ApiClient api = new ApiClient(small);
            for (int i = 0; i < 5; i++) {
                api.get(api.namespaces());
            }
            assertThat(small.journal()).extracting(JournalEntry::sequence).containsExactly(4L, 5L);
            small.clearJournal();
            assertThat(small.journal()).isEmpty();
        } finally {
            small.close();
        }
    }

    @Test
    void anUnknownAdminRouteIs404() {
        assertThat(admin("GET", "nothing-here", null).status()).isEqualTo(404);
        assertThat(admin("DELETE", "health", null).status()).isEqualTo(404);
    }
}
