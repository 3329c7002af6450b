package dev.kvkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

    private final KvApiServer server = KvApiServer.builder().start();
    private final ApiClient client = new ApiClient(server);
    private final ServedNamespace todo = server.createNamespace("TODO");
    private final String values = client.ns(todo.id()) + "/values/";

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void tooManyRequestsAnswers429WithRetryAfterOnTheNextNMatchingRequests() {
        server.injectFault(Fault.tooManyRequests(Duration.ofSeconds(2))
                .on(ApiOperation.PUT_VALUE)
                .times(2));

        ApiClient.Response first = client.put(values + "k", "text/plain", "1");
        ApiClient.Response read = client.get(values + "k");
        ApiClient.Response second = client.put(values + "k", "text/plain", "2");
        ApiClient.Response third = client.put(values + "k", "text/plain", "3");

        assertThat(first.status()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(first.code()).isEqualTo(10022);
        assertThat(read.status()).isEqualTo(404);
        assertThat(second.status()).isEqualTo(429);
        assertThat(third.status()).isEqualTo(200);
        assertThat(todo.kv().get("k")).isEqualTo("3");
        assertThat(server.faults()).isEmpty();
    }

    @Test
    void aFaultedWriteChangesNothing() {
        todo.kv().put("k", "old");
        server.injectFault(Fault.serverError(503));

        ApiClient.Response response = client.put(values + "k", "text/plain", "new");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.headers().firstValue("x-should-retry")).hasValue("true");
        assertThat(response.json().get("success").asBoolean()).isFalse();
        assertThat(todo.kv().get("k")).isEqualTo("old");
    }

    @Test
    void serverErrorsCarryTheirStatusAndShouldRetry() {
        server.injectFault(Fault.serverError(500, false));
        server.injectFault(Fault.serverError(502));

        ApiClient.Response first = client.get(values + "k");
        ApiClient.Response second = client.get(values + "k");

        assertThat(first.status()).isEqualTo(500);
        assertThat(first.headers().firstValue("x-should-retry")).hasValue("false");
        assertThat(second.status()).isEqualTo(502);
    }

    @Test
    void aFaultAimedAtAKeyPrefixSparesOtherKeys() {
        server.injectFault(
                Fault.serverError(503).forKeysStartingWith("session:").times(10));

        assertThat(client.put(values + "user:1", "text/plain", "v").status()).isEqualTo(200);
        assertThat(client.put(values + "session:1", "text/plain", "v").status()).isEqualTo(503);
    }

    @Test
    void aFaultAimedAtANamespaceSparesOthers() {
        ServedNamespace other = server.createNamespace("OTHER");
        server.injectFault(Fault.serverError(503).inNamespace(other.id()).times(10));

        assertThat(client.put(values + "k", "text/plain", "v").status()).isEqualTo(200);
        assertThat(client.put(client.ns(other.id()) + "/values/k", "text/plain", "v")
                        .status())
                .isEqualTo(503);
    }

    @Test
    void aDelayHoldsTheRequestThenServesIt() {
        server.injectFault(Fault.delay(Duration.ofMillis(300)));

        long start = System.nanoTime();
        ApiClient.Response response = client.put(values + "k", "text/plain", "v");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.status()).isEqualTo(200);
        assertThat(millis).isGreaterThanOrEqualTo(300);
        assertThat(todo.kv().get("k")).isEqualTo("v");
    }

    @Test
    void aResetConnectionIsAnIOExceptionForTheClientAndChangesNothing() {
        server.injectFault(Fault.resetConnection().on(ApiOperation.PUT_VALUE));

        assertThatThrownBy(() -> client.put(values + "k", "text/plain", "v")).isInstanceOf(UncheckedIOException.class);
        assertThat(todo.kv().isEmpty()).isTrue();
        assertThat(client.put(values + "k", "text/plain", "v").status()).isEqualTo(200);
        assertThat(server.journal().get(0).status()).isZero();
        assertThat(server.journal().get(0).warnings())
                .anySatisfy(w -> assertThat(w).contains("reset connection"));
    }

    @Test
    void aSeededFractionIsTheSameEveryRun() {
        List<Integer> first = statuses(42);
        List<Integer> second = statuses(42);

        assertThat(first).isEqualTo(second);
        assertThat(first).contains(404, 503);
        assertThat(first.stream().filter(s -> s == 503).count()).isBetween(5L, 25L);
    }

    private List<Integer> statuses(long seed) {
        server.clearFaults();
        server.injectFault(Fault.serverError(503).withProbability(0.3, seed));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            statuses.add(client.get(values + "k").status());
        }
        return statuses;
    }

    @Test
    void faultsCanBeInjectedAndClearedOverTheAdminRoutes() {
        ApiClient admin = client.withAuth();
        ApiClient.Response added = admin.send(
                "POST",
                "/__kvkit/faults",
                "application/json",
                "{\"kind\":\"too_many_requests\",\"retryAfterSeconds\":5,\"operations\":[\"GET_VALUE\"],\"times\":3}"
                        .getBytes(StandardCharsets.UTF_8));

        ApiClient.Response faulted = client.get(values + "k");
        ApiClient.Response cleared = admin.send("DELETE", "/__kvkit/faults", null, null);
        ApiClient.Response after = client.get(values + "k");

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().get("faults")).hasSize(1);
        assertThat(faulted.status()).isEqualTo(429);
        assertThat(faulted.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(cleared.json().get("faults")).isEmpty();
        assertThat(after.status()).isEqualTo(404);
    }

    @Test
    void aBadFaultDescriptionIs400() {
        ApiClient.Response response = client.withAuth()
                .send(
                        "POST",
                        "/__kvkit/faults",
                        "application/json",
                        "{\"kind\":\"meteor\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(400);
        assertThat(server.faults()).isEmpty();
    }

    @Test
    void faultsAreTheOnlyWayToA5xxAndNeverHitAdminRoutes() {
        server.injectFault(Fault.serverError(503).withProbability(1.0, 1).times(100));

        assertThat(client.withAuth().get("/__kvkit/health").status()).isEqualTo(200);
    }
}
