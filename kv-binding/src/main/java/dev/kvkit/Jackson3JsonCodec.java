package dev.kvkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * {@link KvJsonCodec} over a Jackson 3 {@code JsonMapper}. The only class of kvkit that names Jackson
 * 3; it is loaded when {@link KvJsonCodec#jackson3} is first called, never before.
 */
final class Jackson3JsonCodec implements KvJsonCodec {

    /** Every leniency Jackson offers beyond strict JSON, switched off for reads. */
    private static final JsonReadFeature[] STRICT = JsonReadFeature.values();

    /** Jackson 2 trees inside Jackson 3 values; kvkit's own mapper writes and reads them. */
    private static final ObjectMapper TREES = Jackson2JsonCodec.DEFAULT.mapper();

    private final ObjectWriter writer;
    private final ObjectReader reader;
    private final JsonMapper mapper;

    Jackson3JsonCodec(JsonMapper userMapper) {
        // The user's configuration, modules included, plus Jackson 2 trees; Jackson 3 mappers are
        // immutable, so this copy sees everything the user's mapper will ever do.
        this.mapper = userMapper.rebuild().addModule(jackson2Trees()).build();
        this.writer = mapper.writer()
                .with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .without(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
                .without(JsonWriteFeature.ESCAPE_FORWARD_SLASHES);
        this.reader = mapper.reader()
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .withoutFeatures(STRICT);
    }

    @Override
    public byte[] write(Object value) {
        try {
            return writer.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public <T> T read(String json, Type type) {
        Jackson2JsonCodec.requireText(json);
        if (type == null) {
            throw new IllegalArgumentException("type must not be null");
        }
        JavaType javaType = mapper.constructType(type);
        if (JsonNode.class.isAssignableFrom(javaType.getRawClass())) {
            return Jackson2JsonCodec.parse(TREES, json, type);
        }
        try {
            if (json.isEmpty()) {
                throw new IOException(Jackson2JsonCodec.EMPTY);
            }
            return reader.forType(javaType).readValue(json);
        } catch (JacksonException e) {
            throw new UncheckedIOException(e.getMessage(), new IOException(e.getMessage(), e));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    @Override
    public JsonNode readTree(String json) {
        Jackson2JsonCodec.requireText(json);
        return Jackson2JsonCodec.parse(TREES, json, JsonNode.class);
    }

    private static SimpleModule jackson2Trees() {
        SimpleModule module = new SimpleModule("kvkit-jackson2-trees");
        module.addSerializer(JsonNode.class, new Jackson2TreeSerializer());
        module.addDeserializer(JsonNode.class, new Jackson2TreeDeserializer<>(JsonNode.class));
        module.addDeserializer(ObjectNode.class, new Jackson2TreeDeserializer<>(ObjectNode.class));
        module.addDeserializer(ArrayNode.class, new Jackson2TreeDeserializer<>(ArrayNode.class));
        return module;
    }

    /** A Jackson 2 tree, written as the JSON text Jackson 2 gives it. */
    private static final class Jackson2TreeSerializer extends ValueSerializer<JsonNode> {
        @Override
        public void serialize(JsonNode value, JsonGenerator generator, SerializationContext context) {
            try {
                generator.writeRawValue(Jackson2JsonCodec.stringify(TREES).writeValueAsString(value));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("A JSON tree always serialises", e);
            }
        }
    }

    /** A Jackson 2 tree, read from the JSON of a Jackson 3 tree. */
    private static final class Jackson2TreeDeserializer<N extends JsonNode> extends ValueDeserializer<N> {
        private final Class<N> type;

        Jackson2TreeDeserializer(Class<N> type) {
            this.type = type;
        }

        @Override
        public N deserialize(JsonParser parser, DeserializationContext context) {
            tools.jackson.databind.JsonNode tree = context.readTree(parser);
            JsonNode converted = Jackson2JsonCodec.parse(TREES, tree.toString(), JsonNode.class);
            if (!type.isInstance(converted)) {
                return context.reportInputMismatch(
                        this, "Cannot read %s as %s", converted.getNodeType(), type.getSimpleName());
            }
            return type.cast(converted);
        }
    }

    @Override
    public String toString() {
        return "KvJsonCodec.jackson3(" + mapper.getClass().getName() + ")";
    }
}
