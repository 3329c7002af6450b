package dev.kvkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.PutOptions;
import dev.kvkit.fake.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server and the JVM share namespaces and one clock. */
class SharedStateTest {

    private final TestClock clock = TestClock.at(Instant.parse("2026-06-01T00:00:00Z"));
    private final KvApiServer server =
            KvApiServer.builder().clock(clock).enforceWriteRate(true).start();
    private final ApiClient client = new ApiClient(server);
    private final ServedNamespace todo = server.createNamespace("TODO");
    private final String values = client.ns(todo.id()) + "/values/";

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void aWriteOverHttpIsInTheFakeAtOnce() {
        client.send(
                "PUT",
                values + "k?expiration_ttl=600",
                Multiparts.CONTENT_TYPE,
                new Multiparts()
                        .text("value", "v")
                        .text("metadata", "{\"a\":1}")
                        .build());

        assertThat(todo.kv().get("k")).isEqualTo("v");
        assertThat(todo.kv().entry("k").orElseThrow().expiration())
                .hasValue(clock.instant().plusSeconds(600));
    }

    @Test
    void aWriteInTheJvmIsReadOverHttpAtOnce() {
        todo.kv().put("k", "v", PutOptions.defaults().withMetadata(Map.of("a", 1)));

        assertThat(client.get(values + "k").text()).isEqualTo("v");
        assertThat(client.get(client.ns(todo.id()) + "/metadata/k")
                        .json()
                        .get("result")
                        .get("a")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void theServersClockIsTheOneGiven() {
        assertThat(server.clock()).isSameAs(clock);
        assertThat(todo.kv().clock()).isSameAs(clock);
    }

    @Test
    void theWriteRateRuleAppliesOverHttpWhenSwitchedOn() {
        ApiClient.Response first = client.put(values + "k", "text/plain", "1");
        ApiClient.Response second = client.put(values + "k", "text/plain", "2");
        clock.advance(Duration.ofSeconds(1));
        ApiClient.Response later = client.put(values + "k", "text/plain", "3");

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(429);
        assertThat(second.message()).isEqualTo("Too Many Requests");
        assertThat(later.status()).isEqualTo(200);
        assertThat(todo.kv().get("k")).isEqualTo("3");
    }
}
