package dev.kvkit.junit.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kvkit.KvBinding;
import dev.kvkit.KvException;
import dev.kvkit.PutOptions;
import dev.kvkit.cloudflare.CloudflareKvAccount;
import dev.kvkit.cloudflare.CloudflareKvBinding;
import dev.kvkit.cloudflare.KvNamespaceInfo;
import dev.kvkit.cloudflare.RetryPolicy;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import dev.kvkit.junit.contract.KvBindingContract;
import dev.kvkit.junit.contract.KvContractTarget;
import dev.kvkit.server.KvApiServer;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The README's production-code examples, compiled and run against the emulator. */
class ProductionCodeExampleTest {

    KvApiServer server;
    URI baseUrl;
    String namespaceId;

    @BeforeEach
    void start() {
        server = KvApiServer.builder().start();
        baseUrl = URI.create(server.baseUrl());
        namespaceId = server.createNamespace("TODO").id();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theClientIsAKvBindingOverTheRestApi() {
        String apiToken = "a-token";
        String accountId = server.accountId();
        // tag::client-builder[]
        KvBinding kv = CloudflareKvBinding.builder()
                .apiToken(apiToken) // or .apiKey(key, email)
                .accountId(accountId)
                .namespaceId(namespaceId)
                .baseUrl(baseUrl) // leave out for https://api.cloudflare.com/client/v4
                .timeout(Duration.ofSeconds(10))
                .retries(RetryPolicy.defaults()) // 3 attempts on 429 and 5xx, honouring Retry-After
                .build();

        kv.put("to-do:1", "Buy milk", PutOptions.defaults().withExpirationTtl(Duration.ofDays(1)));
        String todo = kv.get("to-do:1");
        // end::client-builder[]
        assertThat(todo).isEqualTo("Buy milk");

        // tag::client-errors[]
        assertThatThrownBy(() -> kv.put("to-do:2", "x", PutOptions.defaults().withExpirationTtl(30)))
                .isInstanceOf(KvException.class)
                .hasMessage("KV PUT failed: 400 Invalid expiration_ttl of 30. Expiration TTL must be at least 60.");
        // end::client-errors[]

        // tag::client-account[]
        CloudflareKvAccount account = CloudflareKvAccount.builder()
                .apiToken(apiToken)
                .accountId(accountId)
                .baseUrl(baseUrl)
                .build();
        KvNamespaceInfo sessions = account.createNamespace("SESSIONS");
        KvBinding sessionsKv = account.binding(sessions.id());
        // end::client-account[]
        sessionsKv.put("k", "v");
        assertThat(server.namespace(accountId, sessions.id()).orElseThrow().kv().get("k"))
                .isEqualTo("v");
    }

    @Nested
    // tag::contract-own[]
    class MyBindingContractTest extends KvBindingContract {

        @Override
        protected KvContractTarget target() {
            TestClock clock = TestClock.create();
            KvBinding binding = FakeKvNamespace.builder().clock(clock).build(); // your binding here
            return KvContractTarget.of(binding, clock::instant).withClock(clock::advance);
        }
    }
    // end::contract-own[]
}
