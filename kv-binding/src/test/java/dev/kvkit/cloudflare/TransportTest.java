package dev.kvkit.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Timeouts, the pluggable client, the builder's rules, and that no credential ever shows. */
class TransportTest {

    private static final String KEY = "global-api-key-9876";

    private final StubServer stub = StubServer.start();

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void aSlowAnswerTimesOutWithTheRequestNamed() {
        stub.reply(StubServer.Reply.delayed(3_000, StubServer.Reply.envelope("{}")));
        CloudflareKvBinding kv = stub.builder().timeout(Duration.ofMillis(200)).build();

        long started = System.nanoTime();
        assertThatThrownBy(() -> kv.delete("k"))
                .isExactlyInstanceOf(KvTransportException.class)
                .hasMessageStartingWith("DELETE " + StubServer.PREFIX + "/values/k failed: no answer in time")
                .hasCauseInstanceOf(HttpTimeoutException.class)
                .satisfies(e -> {
                    KvTransportException failure = (KvTransportException) e;
                    assertThat(failure.method()).isEqualTo("DELETE");
                    assertThat(failure.path()).isEqualTo(StubServer.PREFIX + "/values/k");
                    assertThat(failure.attempts()).isEqualTo(1);
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void aTimedOutReadIsRetriedAndThenSucceeds() {
        stub.reply(StubServer.Reply.delayed(3_000, StubServer.Reply.envelope("{}")))
                .always(StubServer.Reply.bytes(200, new byte[] {'v'}));
        CloudflareKvBinding kv = stub.builder()
                .timeout(Duration.ofMillis(200))
                .retries(RetryPolicy.builder().sleeper(delay -> {}).build())
                .build();

        assertThat(kv.get("k")).isEqualTo("v");
    }

    @Test
    void requestsGoThroughAClientOfOnesOwn() {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        stub.builder().httpClient(client).build().delete("k");

        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void theBuilderMakesAClientWithTheGivenExecutor() {
        var executor = Executors.newSingleThreadExecutor();
        try {
            stub.builder()
                    .executor(executor)
                    .connectTimeout(Duration.ofSeconds(1))
                    .build()
                    .delete("k");
        } finally {
            executor.shutdownNow();
        }
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void aTrailingSlashOnTheBaseUrlChangesNoPath() {
        CloudflareKvBinding kv =
                stub.builder().baseUrl(URI.create(stub.baseUrl() + "/")).build();

        kv.delete("k");

        assertThat(stub.onlyRequest().rawPath()).isEqualTo(StubServer.PREFIX + "/values/k");
    }

    @Test
    void accountAndNamespaceIdsAreEncodedIntoThePathToo() {
        CloudflareKvBinding kv =
                stub.builder().accountId("a/b").namespaceId("n?x").build();

        kv.delete("k");

        assertThat(stub.onlyRequest().rawPath())
                .isEqualTo("/client/v4/accounts/a%2Fb/storage/kv/namespaces/n%3Fx/values/k");
    }

    @Test
    void theBuilderRefusesIncompleteOrConflictingSettings() {
        assertThatThrownBy(() -> CloudflareKvBinding.builder()
                        .apiToken("t")
                        .namespaceId("n")
                        .build())
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("accountId is required");
        assertThatThrownBy(() -> CloudflareKvBinding.builder()
                        .apiToken("t")
                        .accountId("a")
                        .build())
                .hasMessage("namespaceId is required");
        assertThatThrownBy(() -> CloudflareKvBinding.builder()
                        .accountId("a")
                        .namespaceId("n")
                        .build())
                .hasMessage("A credential is required: apiToken, or apiKey with email");
        assertThatThrownBy(() -> CloudflareKvAccount.builder()
                        .apiToken("t")
                        .apiKey("k", "e")
                        .accountId("a")
                        .build())
                .hasMessage("Give apiToken or apiKey with email, not both");
        assertThatThrownBy(() -> CloudflareKvAccount.builder()
                        .apiToken("t")
                        .accountId("a")
                        .httpClient(HttpClient.newHttpClient())
                        .connectTimeout(Duration.ofSeconds(1))
                        .build())
                .hasMessageStartingWith("connectTimeout and executor configure the HttpClient the builder makes");
        assertThatThrownBy(() -> CloudflareKvAccount.builder().baseUrl(URI.create("ftp://example.com/client/v4")))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("baseUrl must be an http or https URL, but was: ftp://example.com/client/v4");
        assertThatThrownBy(() -> CloudflareKvAccount.builder().timeout(Duration.ZERO))
                .hasMessage("timeout must be positive, but was: PT0S");
    }

    @Test
    void toStringNamesTheTargetButNoCredential() {
        CloudflareKvBinding tokenBinding = stub.binding();
        CloudflareKvAccount keyAccount = CloudflareKvAccount.builder()
                .apiKey(KEY, "ops@example.com")
                .accountId(StubServer.ACCOUNT)
                .baseUrl(stub.baseUrl())
                .build();

        assertThat(tokenBinding.toString())
                .isEqualTo("CloudflareKvBinding[baseUrl=" + stub.baseUrl() + ", accountId=" + StubServer.ACCOUNT
                        + ", namespaceId=" + StubServer.NAMESPACE + ", auth=API token]")
                .doesNotContain(StubServer.TOKEN);
        assertThat(keyAccount.toString()).contains("auth=API key").doesNotContain(KEY);
        assertThat(keyAccount.binding("n").toString()).doesNotContain(KEY);
    }

    @Test
    void noFailureMessageCarriesACredential() {
        stub.always(StubServer.Reply.error(403, 10000, "Authentication error"));
        CloudflareKvBinding tokenBinding = stub.binding();
        CloudflareKvAccount keyAccount = CloudflareKvAccount.builder()
                .apiKey(KEY, "ops@example.com")
                .accountId(StubServer.ACCOUNT)
                .baseUrl(stub.baseUrl())
                .retries(RetryPolicy.none())
                .build();
        List<Throwable> failures = new ArrayList<>();
        collect(failures, () -> tokenBinding.get("k"));
        collect(failures, () -> tokenBinding.put("k", "v"));
        collect(failures, () -> keyAccount.binding(StubServer.NAMESPACE).list());
        collect(failures, keyAccount::listNamespaces);
        URI closed = stub.baseUrl();
        stub.close();
        collect(failures, () -> stub.builder().baseUrl(closed).build().get("k"));
        collect(
                failures,
                () -> CloudflareKvAccount.builder()
                        .apiKey(KEY, "e")
                        .accountId("a")
                        .baseUrl(closed)
                        .retries(RetryPolicy.none())
                        .build()
                        .createNamespace("t"));

        assertThat(failures).hasSize(6).allSatisfy(failure -> {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage()))
                        .doesNotContain(StubServer.TOKEN)
                        .doesNotContain(KEY);
                assertThat(t.toString()).doesNotContain(StubServer.TOKEN).doesNotContain(KEY);
            }
        });
        assertThat(failures).hasAtLeastOneElementOfType(KvTransportException.class);
        assertThat(failures).hasAtLeastOneElementOfType(CloudflareApiException.class);
    }

    private static void collect(List<Throwable> failures, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }
}
