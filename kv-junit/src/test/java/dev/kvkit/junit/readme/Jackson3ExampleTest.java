package dev.kvkit.junit.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.KvBinding;
import dev.kvkit.KvJsonCodec;
import dev.kvkit.PutOptions;
import dev.kvkit.cloudflare.CloudflareKvBinding;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.junit.KvNamespace;
import dev.kvkit.junit.KvTest;
import dev.kvkit.server.KvApiServer;
import java.net.URI;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The README's Jackson 3 section: an application whose only mapper is a Jackson 3 JsonMapper. */
@KvTest(objectMapper = Jackson3ExampleTest.AppJsonMapper.class)
class Jackson3ExampleTest {

    record Order(String orderId, String customerName) {}

    record Owner(String displayName) {}

    /** What the application configures, as Spring Boot 4 does. */
    static final class JsonConfig {
        static JsonMapper jsonMapper() {
            return JsonMapper.builder()
                    .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .build();
        }
    }

    // tag::jackson3-supplier[]
    // Production code: the client takes the application's Jackson 3 mapper.
    static KvBinding orders(URI baseUrl, String apiToken, String accountId, String namespaceId) {
        return CloudflareKvBinding.builder()
                .baseUrl(baseUrl)
                .apiToken(apiToken)
                .accountId(accountId)
                .namespaceId(namespaceId)
                .jsonCodec(KvJsonCodec.jackson3(JsonConfig.jsonMapper())) // or .objectMapper(jackson2Mapper)
                .build();
    }

    // Tests: the extension's namespaces take it too, from a Supplier of a JsonMapper, an
    // ObjectMapper or a KvJsonCodec, named by @KvTest or by kvkit.objectMapper.supplier.
    public static class AppJsonMapper implements Supplier<JsonMapper> {
        @Override
        public JsonMapper get() {
            return JsonConfig.jsonMapper();
        }
    }

    @Test
    void ordersAreStoredAsTheApplicationWritesThem(@KvNamespace("ORDERS") FakeKvNamespace kv) {
        kv.putJson("order:1", new Order("1", "Ada"), PutOptions.defaults().withMetadata(new Owner("Ada")));

        assertThat(kv.get("order:1")).isEqualTo("{\"order_id\":\"1\",\"customer_name\":\"Ada\"}");
        assertThat(kv.getWithMetadata("order:1").metadata(Owner.class)).isEqualTo(new Owner("Ada"));
    }
    // end::jackson3-supplier[]

    @Test
    void theClientHonoursTheSameMapper() {
        try (KvApiServer server = KvApiServer.builder().requireToken("t").start()) {
            var namespace = server.createNamespace("ORDERS");
            KvBinding kv = orders(URI.create(server.baseUrl()), "t", server.accountId(), namespace.id());

            kv.putJson("order:1", new Order("1", "Ada"), PutOptions.defaults().withMetadata(new Owner("Ada")));

            assertThat(namespace.kv().get("order:1")).isEqualTo("{\"order_id\":\"1\",\"customer_name\":\"Ada\"}");
            assertThat(kv.getJson("order:1", Order.class)).isEqualTo(new Order("1", "Ada"));
            assertThat(kv.list().keys().get(0).metadata(Owner.class)).isEqualTo(new Owner("Ada"));
        }
    }
}
