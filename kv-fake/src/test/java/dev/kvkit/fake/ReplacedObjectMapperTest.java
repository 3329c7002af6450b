package dev.kvkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.kvkit.KvType;
import dev.kvkit.PutOptions;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A namespace built with the application's own {@link ObjectMapper} uses it for values and metadata. */
class ReplacedObjectMapperTest {

    /** A type only the custom module knows how to write: as {@code "12.50 EUR"}. */
    record Money(long cents, String currency) {}

    record Order(String orderId, Money totalPrice) {}

    private static ObjectMapper applicationMapper() {
        SimpleModule money = new SimpleModule("money")
                .addSerializer(Money.class, new JsonSerializer<>() {
                    @Override
                    public void serialize(Money value, JsonGenerator json, SerializerProvider provider)
                            throws IOException {
                        json.writeString(String.format(
                                "%d.%02d %s", value.cents() / 100, value.cents() % 100, value.currency()));
                    }
                })
                .addDeserializer(Money.class, new JsonDeserializer<>() {
                    @Override
                    public Money deserialize(JsonParser json, DeserializationContext context) throws IOException {
                        String[] parts = json.getValueAsString().split(" ");
                        return new Money(Math.round(Double.parseDouble(parts[0]) * 100), parts[1]);
                    }
                });
        return new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .registerModule(money);
    }

    private final ObjectMapper mapper = applicationMapper();
    private final FakeKvNamespace kv =
            FakeKvNamespace.builder().objectMapper(mapper).build();
    private final Order order = new Order("o-1", new Money(1250, "EUR"));

    @Test
    void theNamespaceExposesTheMapperItWasGiven() {
        assertThat(kv.objectMapper()).isSameAs(mapper);
    }

    @Test
    void putJsonWritesWithTheApplicationsMapper() {
        kv.putJson("order", order);

        assertThat(kv.get("order")).isEqualTo("{\"order_id\":\"o-1\",\"total_price\":\"12.50 EUR\"}");
    }

    @Test
    void jsonReadsDecodeWithTheApplicationsMapper() {
        kv.put("order", "{\"order_id\":\"o-2\",\"total_price\":\"3.05 USD\"}");

        assertThat(kv.getJson("order", Order.class)).isEqualTo(new Order("o-2", new Money(305, "USD")));
        assertThat(kv.get(List.of("order"), KvType.json(Order.class)).get("order"))
                .isEqualTo(new Order("o-2", new Money(305, "USD")));
    }

    @Test
    void metadataIsWrittenAndMeasuredWithTheApplicationsMapper() {
        kv.put("k", "v", PutOptions.defaults().withMetadata(order));

        assertThat(kv.entry("k").orElseThrow().metadataJson())
                .contains("{\"order_id\":\"o-1\",\"total_price\":\"12.50 EUR\"}");
        assertThat(kv.getWithMetadata("k").metadata().get("total_price").asText())
                .isEqualTo("12.50 EUR");
        assertThat(kv.list().keys().get(0).metadata().get("order_id").asText()).isEqualTo("o-1");
    }

    @Test
    void aPlainNamespaceUsesAPlainMapper() {
        FakeKvNamespace plain = FakeKvNamespace.create();

        plain.putJson("order", new Order("o-1", null));

        assertThat(plain.get("order")).isEqualTo("{\"orderId\":\"o-1\",\"totalPrice\":null}");
    }
}
