package com.example.orders;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** The application's one JSON mapper, Jackson 3, as a Spring Boot 4 application configures it. */
public final class JsonConfig {

    private JsonConfig() {}

    public static JsonMapper jsonMapper() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new SimpleModule("money")
                        .addSerializer(Money.class, new ValueSerializer<Money>() {
                            @Override
                            public void serialize(Money value, JsonGenerator generator, SerializationContext context) {
                                generator.writeString(value.toString());
                            }
                        })
                        .addDeserializer(Money.class, new ValueDeserializer<Money>() {
                            @Override
                            public Money deserialize(JsonParser parser, DeserializationContext context) {
                                return Money.parse(parser.getValueAsString());
                            }
                        }))
                .build();
    }
}
