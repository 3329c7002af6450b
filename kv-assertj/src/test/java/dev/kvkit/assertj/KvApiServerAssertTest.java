package dev.kvkit.assertj;

import static dev.kvkit.assertj.KvAssertions.assertThat;
import static dev.kvkit.assertj.Messages.expectAssertionError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.server.ApiOperation;
import dev.kvkit.server.JournalEntry;
import dev.kvkit.server.KvApiServer;
import dev.kvkit.server.ServedNamespace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KvApiServerAssertTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    KvApiServer server;
    ServedNamespace todo;

    @BeforeEach
    void start() {
        server = KvApiServer.builder().start();
        todo = server.createNamespace("TODO");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int put(String rawKey, String value) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/accounts/" + server.accountId()
                                        + "/storage/kv/namespaces/" + todo.id() + "/values/" + rawKey))
                                .header("Authorization", "Bearer t")
                                .PUT(HttpRequest.BodyPublishers.ofString(value))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void journalReceivedRequestsAndNamespacesPass() throws Exception {
        assertThat(put("to-do%3A1", "Buy milk")).isEqualTo(200);

        assertThat(server)
                .hasNoWarnings()
                .hasReceived(ApiOperation.PUT_VALUE, 1)
                .hasReceived(ApiOperation.GET_VALUE, 0);
        assertThat(server).journal().extracting(JournalEntry::key).containsExactly("to-do:1");
        assertThat(server).namespace("TODO").entry("to-do:1").hasText("Buy milk");
    }

    @Test
    void aDoubleEncodedKeyIsAWarningThatFailsHasNoWarnings() throws Exception {
        put("a%252Fb", "v");

        assertThat(server).hasWarningContaining("%2F");
        AssertionError error = expectAssertionError(() -> assertThat(server).hasNoWarnings());
        assertThat(error)
                .hasMessageContaining("to have warned about no request but it warned:")
                .hasMessageContaining("PUT /client/v4/accounts/");
    }

    @Test
    void failuresSayWhatWasExpectedAndWhatTheServerHas() throws Exception {
        put("k", "v");

        assertThat(expectAssertionError(() -> assertThat(server).hasReceived(ApiOperation.PUT_VALUE, 2)))
                .hasMessageEndingWith("to have received 2 PUT_VALUE requests but it received 1");
        assertThat(expectAssertionError(() -> assertThat(server).namespace("CACHE")))
                .hasMessageContaining("to serve a namespace titled:\n  \"CACHE\"\nbut it serves:\n  [\"TODO\"]");
        assertThat(expectAssertionError(() -> assertThat(server).hasWarningContaining("metadata[")))
                .hasMessageContaining(
                        "to have given a warning containing:\n  \"metadata[\"\nbut its warnings were:\n  []");
    }

    @Test
    void softAssertionsCollectTheirFailures() throws Exception {
        SoftKvAssertions softly = new SoftKvAssertions();

        softly.assertThat(server).hasReceived(ApiOperation.PUT_VALUE, 1);
        softly.assertThat(server).hasWarningContaining("never");

        assertThat(softly.errorsCollected()).hasSize(2);
    }
}
