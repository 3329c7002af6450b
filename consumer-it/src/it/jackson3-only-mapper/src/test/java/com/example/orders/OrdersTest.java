package com.example.orders;

import static dev.kvkit.assertj.KvAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.orders.Orders.Order;
import com.example.orders.Orders.Owner;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.junit.KvNamespace;
import dev.kvkit.junit.KvTest;
import dev.kvkit.server.KvApiServer;
import dev.kvkit.server.ServedNamespace;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The application's Jackson 3 configuration decides the JSON, on the fake and through the client. */
@KvTest(objectMapper = AppJsonMapper.class)
class OrdersTest {

    private static final Order ORDER = new Order("o-1", new Money(1250, "EUR"));
    private static final Owner OWNER = new Owner("Ada");

    @Test
    void theFakeStoresWhatTheApplicationsMapperWrites(@KvNamespace("ORDERS") FakeKvNamespace kv) {
        Orders orders = new Orders(kv);

        orders.place(ORDER, OWNER);

        assertThat(kv.get("order:o-1")).isEqualTo("{\"order_id\":\"o-1\",\"order_total\":\"12.50 EUR\"}");
        assertThat(kv).entry("order:o-1").hasMetadata("{\"customer_name\": \"Ada\"}").hasJsonValue(ORDER);
        assertThat(orders.find("o-1")).contains(ORDER);
        assertThat(orders.owner("o-1")).contains(OWNER);
        assertThat(orders.firstListedOwner()).contains(OWNER);
    }

    @Test
    void theClientWritesAndReadsWithTheApplicationsMapper() {
        try (KvApiServer server = KvApiServer.builder().requireToken("t").start()) {
            ServedNamespace namespace = server.createNamespace("orders");
            Orders orders = new Orders(
                    Orders.cloudflare(URI.create(server.baseUrl()), "t", server.accountId(), namespace.id()));

            orders.place(ORDER, OWNER);

            assertThat(namespace.kv().get("order:o-1"))
                    .isEqualTo("{\"order_id\":\"o-1\",\"order_total\":\"12.50 EUR\"}");
            assertThat(namespace.kv().entry("order:o-1").orElseThrow().metadataJson())
                    .hasValue("{\"customer_name\":\"Ada\"}");
            assertThat(orders.find("o-1")).contains(ORDER);
            assertThat(orders.owner("o-1")).contains(OWNER);
            assertThat(orders.firstListedOwner()).contains(OWNER);
        }
    }
}
