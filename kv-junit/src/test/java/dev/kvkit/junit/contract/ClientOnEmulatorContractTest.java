package dev.kvkit.junit.contract;

import dev.kvkit.cloudflare.CloudflareKvBinding;
import dev.kvkit.cloudflare.RetryPolicy;
import dev.kvkit.fake.TestClock;
import dev.kvkit.server.KvApiServer;
import dev.kvkit.server.ServedNamespace;
import java.net.URI;

/**
 * The contract on {@code CloudflareKvBinding} talking to {@code KvApiServer} over loopback: the same
 * 31 tests, the same messages, as on the fake. Each test has a server of its own, so a test that
 * moves the emulator's clock moves nobody else's, even with methods running concurrently.
 */
class ClientOnEmulatorContractTest extends KvBindingContract {

    private static final String TOKEN = "contract-token";

    @Override
    protected KvContractTarget target() {
        TestClock clock = TestClock.create();
        KvApiServer server =
                KvApiServer.builder().clock(clock).requireToken(TOKEN).start();
        ServedNamespace namespace = server.createNamespace("contract");
        CloudflareKvBinding binding = CloudflareKvBinding.builder()
                .baseUrl(URI.create(server.baseUrl()))
                .apiToken(TOKEN)
                .accountId(server.accountId())
                .namespaceId(namespace.id())
                // Retries only what never reached the service (a kept-alive connection the JDK server
                // closed); every answer, refusals included, is the first one.
                .retries(RetryPolicy.defaults())
                .build();
        return KvContractTarget.of(binding, clock::instant)
                .withClock(clock::advance)
                .onClose(server::close);
    }
}
