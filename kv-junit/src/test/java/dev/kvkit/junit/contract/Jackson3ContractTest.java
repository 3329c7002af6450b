package dev.kvkit.junit.contract;

import dev.kvkit.KvJsonCodec;
import dev.kvkit.cloudflare.CloudflareKvBinding;
import dev.kvkit.cloudflare.RetryPolicy;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import dev.kvkit.server.KvApiServer;
import dev.kvkit.server.ServedNamespace;
import java.net.URI;
import org.junit.jupiter.api.Nested;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole contract again with JSON through a Jackson 3 {@code JsonMapper}: on the fake, and on the
 * client talking to the emulator, each given {@code KvJsonCodec.jackson3}. The same tests, the same
 * messages as with Jackson 2.
 */
class Jackson3ContractTest {

    private static KvJsonCodec codec() {
        return KvJsonCodec.jackson3(JsonMapper.builder().build());
    }

    @Nested
    class OnTheFake extends KvBindingContract {
        @Override
        protected KvContractTarget target() {
            TestClock clock = TestClock.create();
            return KvContractTarget.of(
                            FakeKvNamespace.builder()
                                    .clock(clock)
                                    .jsonCodec(codec())
                                    .build(),
                            clock::instant)
                    .withClock(clock::advance);
        }
    }

    @Nested
    class OnTheClientOnTheEmulator extends KvBindingContract {
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
                    .retries(RetryPolicy.defaults())
                    .jsonCodec(codec())
                    .build();
            return KvContractTarget.of(binding, clock::instant)
                    .withClock(clock::advance)
                    .onClose(server::close);
        }
    }
}
