package dev.kvkit.junit.readme;

import static dev.kvkit.assertj.KvAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.junit.KvApi;
import dev.kvkit.junit.KvNamespace;
import dev.kvkit.server.ApiOperation;
import dev.kvkit.server.Fault;
import dev.kvkit.server.KvApiServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's emulator examples, compiled and run. */
class EmulatorExampleTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(KvApiServer server, String namespaceId, String key) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/accounts/" + server.accountId()
                                + "/storage/kv/namespaces/" + namespaceId + "/values/" + key))
                        .header("Authorization", "Bearer any-token")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // tag::emulator-junit[]
    @Test
    void aRestClientReadsWhatTheTestWrote(@KvNamespace("TODO") FakeKvNamespace todo, @KvApi KvApiServer server)
            throws Exception {
        todo.put("to-do:1", "Buy milk"); // in the JVM ...
        String id = server.namespaceByTitle(server.accountId(), "TODO")
                .orElseThrow()
                .id();

        HttpResponse<String> read = get(server, id, "to-do%3A1"); // ... and over HTTP: one namespace

        assertThat(read.body()).isEqualTo("Buy milk");
        assertThat(server).hasNoWarnings().hasReceived(ApiOperation.GET_VALUE, 1);
    }
    // end::emulator-junit[]

    // tag::emulator-faults[]
    @Test
    void theNextTwoReadsAreThrottled(@KvNamespace("TODO") FakeKvNamespace todo, @KvApi KvApiServer server)
            throws Exception {
        todo.put("to-do:1", "Buy milk");
        String id = server.namespaceByTitle(server.accountId(), "TODO")
                .orElseThrow()
                .id();
        server.injectFault(Fault.tooManyRequests(Duration.ofSeconds(1))
                .on(ApiOperation.GET_VALUE)
                .times(2));

        assertThat(get(server, id, "to-do%3A1").statusCode()).isEqualTo(429);
        assertThat(get(server, id, "to-do%3A1").headers().firstValue("Retry-After"))
                .hasValue("1");
        assertThat(get(server, id, "to-do%3A1").body()).isEqualTo("Buy milk"); // the third gets through
    }
    // end::emulator-faults[]
}
