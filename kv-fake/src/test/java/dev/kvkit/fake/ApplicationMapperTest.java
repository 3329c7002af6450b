package dev.kvkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.kvkit.KvBinding;
import dev.kvkit.KvJsonCodec;
import dev.kvkit.KvType;
import dev.kvkit.PutOptions;
import dev.kvkit.cloudflare.CloudflareKvBinding;
import dev.kvkit.cloudflare.RetryPolicy;
import dev.kvkit.server.KvApiServer;
import dev.kvkit.server.ServedNamespace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * An application's own mapper, Jackson 2 or Jackson 3, configured alike (snake_case names, a module
 * that writes money as text), decides the JSON of values and metadata, and typed metadata reads back
 * through it: on the fake and on the client talking to the emulator, with the same messages.
 */
class ApplicationMapperTest {

    record Money(long cents) {}

    record Owner(String displayName, Money budget) {}

    record Todo(String itemTitle, Money price) {}

    /** A bean no mapper can write. */
    public static final class Exploding {
        public String getBoom() {
            throw new IllegalStateException("boom");
        }
    }

    private static String money(Money money) {
        return String.format("%d.%02d EUR", money.cents() / 100, money.cents() % 100);
    }

    private static Money money(String text) {
        return new Money(Math.round(Double.parseDouble(text.replace(" EUR", "")) * 100));
    }

    /** The application's Jackson 3 mapper, as a Spring Boot 4 application configures it. */
    static JsonMapper jackson3Mapper() {
        return JsonMapper.builder()
                .propertyNamingStrategy(tools.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new tools.jackson.databind.module.SimpleModule("money")
                        .addSerializer(Money.class, new tools.jackson.databind.ValueSerializer<Money>() {
                            @Override
                            public void serialize(
                                    Money value,
                                    tools.jackson.core.JsonGenerator generator,
                                    tools.jackson.databind.SerializationContext context) {
                                generator.writeString(money(value));
                            }
                        })
                        .addDeserializer(Money.class, new tools.jackson.databind.ValueDeserializer<Money>() {
                            @Override
                            public Money deserialize(
                                    tools.jackson.core.JsonParser parser,
                                    tools.jackson.databind.DeserializationContext context) {
                                return money(parser.getValueAsString());
                            }
                        }))
                .build();
    }

    /** The same configuration on Jackson 2. */
    static ObjectMapper jackson2Mapper() {
        return new ObjectMapper()
                .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
                .registerModule(new SimpleModule("money")
                        .addSerializer(Money.class, new JsonSerializer<Money>() {
                            @Override
                            public void serialize(Money value, JsonGenerator generator, SerializerProvider provider)
                                    throws IOException {
                                generator.writeString(money(value));
                            }
                        })
                        .addDeserializer(Money.class, new JsonDeserializer<Money>() {
                            @Override
                            public Money deserialize(JsonParser parser, DeserializationContext context)
                                    throws IOException {
                                return money(parser.getValueAsString());
                            }
                        }));
    }

    private final List<KvApiServer> servers = new java.util.ArrayList<>();

    @AfterEach
    void closeServers() {
        servers.forEach(KvApiServer::close);
    }

    /** What a test writes through, and the fake namespace that stores it, to read the raw JSON. */
    record Target(KvBinding binding, FakeKvNamespace stored) {}

    static Stream<Arguments> targets() {
        List<Named<KvJsonCodec>> codecs = List.of(
                Named.of("Jackson 3", KvJsonCodec.jackson3(jackson3Mapper())),
                Named.of("Jackson 2", KvJsonCodec.jackson2(jackson2Mapper())));
        return codecs.stream()
                .flatMap(codec -> Stream.of(
                        Arguments.of(codec, Named.of("the fake", (Function<ApplicationMapperTest, Target>)
                                test -> test.onTheFake(codec.getPayload()))),
                        Arguments.of(
                                codec, Named.of("the client on the emulator", (Function<ApplicationMapperTest, Target>)
                                        test -> test.onTheEmulator(codec.getPayload())))));
    }

    private Target onTheFake(KvJsonCodec codec) {
        FakeKvNamespace kv = FakeKvNamespace.builder().jsonCodec(codec).build();
        return new Target(kv, kv);
    }

    private Target onTheEmulator(KvJsonCodec codec) {
        KvApiServer server = KvApiServer.builder().requireToken("t").start();
        servers.add(server);
        ServedNamespace namespace = server.createNamespace("app");
        CloudflareKvBinding client = CloudflareKvBinding.builder()
                .baseUrl(URI.create(server.baseUrl()))
                .apiToken("t")
                .accountId(server.accountId())
                .namespaceId(namespace.id())
                .retries(RetryPolicy.defaults())
                .jsonCodec(codec)
                .build();
        return new Target(client, namespace.kv());
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("targets")
    void valuesAreWrittenAndReadByTheApplicationsMapper(
            KvJsonCodec codec, Function<ApplicationMapperTest, Target> targets) {
        Target target = targets.apply(this);
        Todo todo = new Todo("tea 😀", new Money(250));

        target.binding().putJson("todo:1", todo);

        assertThat(target.stored().get("todo:1")).isEqualTo("{\"item_title\":\"tea 😀\",\"price\":\"2.50 EUR\"}");
        assertThat(target.binding().getJson("todo:1", Todo.class)).isEqualTo(todo);
        assertThat(target.binding().get(List.of("todo:1"), KvType.json(Todo.class)))
                .isEqualTo(Map.of("todo:1", todo));
        assertThat(target.binding()
                        .getWithMetadata("todo:1", KvType.json(new TypeReference<Map<String, String>>() {}))
                        .value())
                .isEqualTo(Map.of("item_title", "tea 😀", "price", "2.50 EUR"));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("targets")
    void typedMetadataIsWrittenAndReadByTheApplicationsMapper(
            KvJsonCodec codec, Function<ApplicationMapperTest, Target> targets) {
        Target target = targets.apply(this);
        Owner owner = new Owner("Ada", new Money(1999));

        target.binding().put("todo:1", "tea", PutOptions.defaults().withMetadata(owner));

        assertThat(target.stored().entry("todo:1").orElseThrow().metadataJson())
                .hasValue("{\"display_name\":\"Ada\",\"budget\":\"19.99 EUR\"}");
        assertThat(target.binding().getWithMetadata("todo:1").metadata(Owner.class))
                .isEqualTo(owner);
        assertThat(target.binding()
                        .getWithMetadata("todo:1")
                        .metadata()
                        .get("display_name")
                        .textValue())
                .isEqualTo("Ada");
        assertThat(target.binding().list().keys().get(0).metadata(Owner.class)).isEqualTo(owner);
        assertThat(target.binding()
                        .getWithMetadata(List.of("todo:1"), KvType.TEXT)
                        .get("todo:1")
                        .metadata(new TypeReference<Map<String, String>>() {}))
                .isEqualTo(Map.of("display_name", "Ada", "budget", "19.99 EUR"));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("targets")
    void aValueThatIsNotJsonOfTheTypeFailsWithTheSameMessageShape(
            KvJsonCodec codec, Function<ApplicationMapperTest, Target> targets) {
        Target target = targets.apply(this);
        target.stored().put("todo:1", "{\"item_title\": [1]}");

        assertThatThrownBy(() -> target.binding().getJson("todo:1", Todo.class))
                .isInstanceOf(UncheckedIOException.class)
                .satisfies(e -> assertThat(e)
                        .hasMessage("Value of key \"todo:1\" is not JSON of type " + Todo.class.getName() + ": "
                                + e.getCause().getMessage()))
                .hasCauseInstanceOf(IOException.class);
        assertThat(target.binding().getWithMetadata("todo:1").<Owner>metadata(Owner.class))
                .as("no metadata")
                .isNull();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("targets")
    void metadataThatDoesNotMapOntoTheTypeNamesItAndTheType(
            KvJsonCodec codec, Function<ApplicationMapperTest, Target> targets) {
        Target target = targets.apply(this);
        target.binding().put("todo:1", "tea", PutOptions.defaults().withMetadata(Map.of("budget", List.of(1))));

        assertThatThrownBy(() -> target.binding().getWithMetadata("todo:1").metadata(Owner.class))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("Metadata {\"budget\":[1]} cannot be read as " + Owner.class.getName() + ": ")
                .hasCauseInstanceOf(IOException.class);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("targets")
    void aValueTheMapperCannotWriteIsRefusedAndNothingIsStored(
            KvJsonCodec codec, Function<ApplicationMapperTest, Target> targets) {
        Target target = targets.apply(this);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> target.binding().putJson("todo:1", new Exploding()))
                .withMessageStartingWith("KV put() could not serialise the value as JSON: ")
                .withMessageContaining("boom");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> target.binding()
                        .put("todo:1", "tea", PutOptions.defaults().withMetadata(new Exploding())))
                .withMessageStartingWith("KV put() could not serialise the metadata as JSON: ")
                .withMessageContaining("boom");
        assertThat(target.stored().size()).isZero();
    }

    @Test
    void bulkFilesKeepMetadataThroughAJackson3Namespace() {
        FakeKvNamespace kv = FakeKvNamespace.builder()
                .jsonCodec(KvJsonCodec.jackson3(jackson3Mapper()))
                .build();
        kv.importBulk(
                "[{\"key\":\"a\",\"value\":\"1\",\"metadata\":{\"display_name\":\"Ada\",\"budget\":\"1.00 EUR\"}}]");

        assertThat(kv.getWithMetadata("a").metadata(Owner.class)).isEqualTo(new Owner("Ada", new Money(100)));
        assertThat(kv.exportBulk()).contains("\"display_name\" : \"Ada\"");
    }

    @Test
    void aNamespaceGivesItsCodecAndOnlyAJackson2MapperItWasGiven() {
        KvJsonCodec jackson3 = KvJsonCodec.jackson3(jackson3Mapper());
        FakeKvNamespace kv =
                FakeKvNamespace.builder().name("TODO").jsonCodec(jackson3).build();
        ObjectMapper mapper = jackson2Mapper();

        assertThat(kv.jsonCodec()).isSameAs(jackson3);
        assertThatIllegalStateException()
                .isThrownBy(kv::objectMapper)
                .withMessage("FakeKvNamespace TODO was built with jsonCodec(KvJsonCodec.jackson3("
                        + "tools.jackson.databind.json.JsonMapper)), which has no Jackson 2 ObjectMapper to give;"
                        + " jsonCodec() reads and writes its JSON");
        assertThat(FakeKvNamespace.builder().objectMapper(mapper).build().objectMapper())
                .isSameAs(mapper);
        assertThat(FakeKvNamespace.builder().objectMapper(mapper).build().jsonCodec())
                .hasToString("KvJsonCodec.jackson2(com.fasterxml.jackson.databind.ObjectMapper)");
        assertThat(FakeKvNamespace.create().jsonCodec()).isSameAs(KvJsonCodec.defaults());
        assertThat(FakeKvNamespace.builder()
                        .jsonCodec(jackson3)
                        .objectMapper(mapper)
                        .build()
                        .objectMapper())
                .as("the later call wins")
                .isSameAs(mapper);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FakeKvNamespace.builder().jsonCodec(null))
                .withMessage("jsonCodec must not be null: pass KvJsonCodec.jackson3(mapper),"
                        + " KvJsonCodec.jackson2(mapper) or KvJsonCodec.defaults()");
    }
}
