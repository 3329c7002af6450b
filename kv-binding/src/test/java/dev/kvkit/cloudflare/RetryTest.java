package dev.kvkit.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kvkit.KvException;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When a request is sent again, and how long the client waits first; no test really sleeps. */
class RetryTest {

    private final StubServer stub = StubServer.start();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        stub.close();
    }

    private RetryPolicy.Builder policy() {
        return RetryPolicy.builder()
                .maxAttempts(3)
                .initialBackoff(Duration.ofMillis(100))
                .maxBackoff(Duration.ofMillis(300))
                .jitterSeed(42)
                .sleeper(waits::add);
    }

    private CloudflareKvBinding binding(RetryPolicy policy) {
        return stub.builder().retries(policy).build();
    }

    private CloudflareKvAccount account(RetryPolicy policy) {
        return CloudflareKvAccount.builder()
                .apiToken(StubServer.TOKEN)
                .accountId(StubServer.ACCOUNT)
                .baseUrl(stub.baseUrl())
                .retries(policy)
                .build();
    }

    private static StubServer.Reply status(int status, String... headers) {
        return StubServer.Reply.raw(
                status,
                "{\"success\":false,\"errors\":[{\"code\":10001,\"message\":\"status " + status + "\"}]}",
                headers);
    }

    @Test
    void a429IsRetriedAfterExactlyTheRetryAfterSeconds() {
        stub.reply(status(429, "Retry-After", "7"));

        binding(policy().build()).put("k", "v");

        assertThat(stub.requests()).hasSize(2);
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void aRetryAfterLongerThanTheMaximumFailsAtOnce() {
        stub.reply(status(429, "Retry-After", "120"));

        assertThatThrownBy(() -> binding(
                                policy().maxRetryAfter(Duration.ofSeconds(60)).build())
                        .put("k", "v"))
                .isExactlyInstanceOf(KvException.class)
                .hasMessage("KV PUT failed: 429 status 429");
        assertThat(stub.requests()).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void aRetryAfterGivenAsAnHttpDateInThePastRetriesAtOnce() {
        stub.reply(status(503, "Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"));

        binding(policy().build()).get("k");

        assertThat(waits).containsExactly(Duration.ZERO);
    }

    @Test
    void serverErrorsAreRetriedUntilTheAttemptsRunOut() {
        stub.always(status(503));

        assertThatThrownBy(() -> binding(policy().build()).delete("k")).hasMessage("KV DELETE failed: 503 status 503");
        assertThat(stub.requests()).hasSize(3);
        assertThat(waits).hasSize(2);
    }

    @Test
    void backoffDoublesUpToItsCapLessAtMostAQuarterOfJitter() {
        stub.always(status(500));

        assertThatThrownBy(() -> binding(policy().maxAttempts(4).build()).get("k"))
                .isInstanceOf(KvException.class);

        assertThat(waits).hasSize(3);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(75), Duration.ofMillis(100));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(150), Duration.ofMillis(200));
        assertThat(waits.get(2)).isBetween(Duration.ofMillis(225), Duration.ofMillis(300));
    }

    @Test
    void theSameJitterSeedGivesTheSameWaits() {
        stub.always(status(500));
        assertThatThrownBy(() -> binding(policy().build()).get("k")).isInstanceOf(KvException.class);
        List<Duration> first = List.copyOf(waits);
        waits.clear();

        assertThatThrownBy(() -> binding(policy().build()).get("k")).isInstanceOf(KvException.class);

        assertThat(waits).isEqualTo(first);
    }

    @Test
    void a408IsRetriedForAnIdempotentRead() {
        stub.reply(status(408));

        binding(policy().build()).get(List.of("a"));

        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void xShouldRetryFalseStopsARetryTheStatusWouldAllow() {
        stub.reply(status(503, "x-should-retry", "false"));

        assertThatThrownBy(() -> binding(policy().build()).get("k")).hasMessage("KV GET failed: 503 status 503");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void xShouldRetryTrueRetriesEvenAClientError() {
        stub.reply(status(400, "x-should-retry", "true"));

        binding(policy().build()).delete("k");

        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void clientErrorsAreNotRetried() {
        stub.always(status(400));

        assertThatThrownBy(() -> binding(policy().build()).put("k", "v")).isInstanceOf(KvException.class);
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void creatingANamespaceIsNotRetriedAfterAServerError() {
        stub.always(status(500));

        assertThatThrownBy(() -> account(policy().build()).createNamespace("t"))
                .isExactlyInstanceOf(CloudflareApiException.class);
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void creatingANamespaceIsRetriedAfterAServerErrorWhenThePolicyAllows() {
        stub.reply(status(500)).always(StubServer.Reply.envelope("{\"id\":\"i\",\"title\":\"t\"}"));

        account(policy().retryNonIdempotent(true).build()).createNamespace("t");

        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void creatingANamespaceIsRetriedAfterA429SinceNothingWasDone() {
        stub.reply(status(429)).always(StubServer.Reply.envelope("{\"id\":\"i\",\"title\":\"t\"}"));

        account(policy().build()).createNamespace("t");

        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void aStreamedWriteIsNeverSentTwice() {
        stub.always(status(429, "x-should-retry", "true"));

        assertThatThrownBy(() -> binding(policy().retryNonIdempotent(true).build())
                        .put("k", new ByteArrayInputStream(new byte[] {1})))
                .hasMessage("KV PUT failed: 429 status 429");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void retriesResendTheSameBody() {
        stub.reply(status(502));

        binding(policy().build()).put("k", "same body");

        assertThat(stub.requests()).extracting(StubServer.Recorded::bodyText).containsExactly("same body", "same body");
    }

    @Test
    void noAnswerIsRetriedForIdempotentRequestsAndTheFailureCountsAttempts() {
        CloudflareKvBinding kv = binding(policy().build());
        stub.close(); // nothing listens on its port any more

        assertThatThrownBy(() -> kv.get("k"))
                .isExactlyInstanceOf(KvTransportException.class)
                .hasMessageStartingWith("GET " + StubServer.PREFIX + "/values/k failed after 3 attempts: ")
                .satisfies(
                        e -> assertThat(((KvTransportException) e).attempts()).isEqualTo(3));
        assertThat(waits).hasSize(2);
    }

    @Test
    void noAnswerToANamespaceCreationIsNotRetried() {
        CloudflareKvAccount account = account(policy().build());
        stub.close(); // nothing listens on its port any more

        assertThatThrownBy(() -> account.createNamespace("t"))
                .isExactlyInstanceOf(KvTransportException.class)
                .hasMessageStartingWith("POST " + StubServer.NAMESPACES + " failed: ");
        assertThat(waits).isEmpty();
    }

    @Test
    void anInterruptedWaitStopsTheCallAndKeepsTheInterrupt() {
        stub.always(status(503));
        RetryPolicy interrupting = policy().sleeper(delay -> {
                    throw new InterruptedException();
                })
                .build();

        try {
            assertThatThrownBy(() -> binding(interrupting).get("k"))
                    .isExactlyInstanceOf(KvTransportException.class)
                    .hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void noneMakesOneAttempt() {
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
        assertThat(RetryPolicy.defaults().maxAttempts()).isEqualTo(3);
        assertThat(RetryPolicy.defaults().retryNonIdempotent()).isFalse();
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxAttempts must be at least 1, but was: 0");
    }
}
