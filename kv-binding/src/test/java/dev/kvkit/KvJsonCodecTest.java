package dev.kvkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every codec, Jackson 2 or Jackson 3, writes as {@code JSON.stringify} and reads as {@code
 * JSON.parse}, whatever its mapper allows: the same cases for each.
 */
class KvJsonCodecTest {

    private static final String EMOJI = "😀"; // U+1F600: a surrogate pair, four UTF-8 bytes

    /** Mappers that read everything JSON.parse refuses and escape what JSON.stringify does not. */
    static Stream<Named<KvJsonCodec>> codecs() {
        return Stream.of(
                Named.of("KvJsonCodec.defaults()", KvJsonCodec.defaults()),
                Named.of(
                        "a lenient Jackson 2 mapper",
                        KvJsonCodec.jackson2(com.fasterxml.jackson.databind.json.JsonMapper.builder()
                                .enable(com.fasterxml.jackson.core.json.JsonReadFeature.values())
                                .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.WRITE_HEX_UPPER_CASE)
                                .build())),
                Named.of(
                        "a plain Jackson 3 mapper",
                        KvJsonCodec.jackson3(JsonMapper.builder().build())),
                Named.of(
                        "a lenient Jackson 3 mapper",
                        KvJsonCodec.jackson3(JsonMapper.builder()
                                .enable(JsonReadFeature.values())
                                .enable(tools.jackson.core.json.JsonWriteFeature.WRITE_HEX_UPPER_CASE)
                                .enable(tools.jackson.core.json.JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
                                .build())));
    }

    static Stream<Arguments> notStrictJson() {
        return Stream.of(
                        Arguments.of("an empty value", ""),
                        Arguments.of("a byte-order mark before the number", "\uFEFF1"),
                        Arguments.of("a NUL after the number", "1\u0000"),
                        Arguments.of("a second value", "1 2"),
                        Arguments.of("a single-quoted string", "'a'"),
                        Arguments.of("an unquoted name", "{a:1}"),
                        Arguments.of("a trailing comma", "[1,]"),
                        Arguments.of("a missing value", "[1,,2]"),
                        Arguments.of("a comment", "1 // one"),
                        Arguments.of("a YAML comment", "1 # one"),
                        Arguments.of("NaN", "NaN"),
                        Arguments.of("a leading zero", "01"),
                        Arguments.of("a leading plus", "+1"),
                        Arguments.of("a leading decimal point", ".5"),
                        Arguments.of("a trailing decimal point", "5."),
                        Arguments.of("a raw control character in a string", "\"a\tb\""),
                        Arguments.of("a backslash before any character", "\"\\q\""),
                        Arguments.of("a record separator before the value", "\u001E1"))
                .flatMap(text -> codecs().map(codec -> Arguments.of(codec, text.get()[0], text.get()[1])));
    }

    record Note(String noteText) {}

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void writesSupplementaryCharactersAsTheirFourUtf8Bytes(KvJsonCodec codec) {
        byte[] json = codec.write(Map.of(EMOJI, EMOJI));

        assertThat(json).isEqualTo(("{\"" + EMOJI + "\":\"" + EMOJI + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(json).hasSize(15);
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void escapesLoneSurrogatesAndControlCharactersInLowerCaseAndLeavesSlashesAlone(KvJsonCodec codec) {
        assertThat(text(codec.write("a\uD83Db\uDE00\u001f/c"))).isEqualTo("\"a\\ud83db\\ude00\\u001f/c\"");
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void writesAndReadsJackson2TreesAlsoInsideOtherValues(KvJsonCodec codec) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode().put("a", 1).put("b", EMOJI);

        assertThat(text(codec.write(tree))).isEqualTo("{\"a\":1,\"b\":\"" + EMOJI + "\"}");
        assertThat(text(codec.write(Map.of("tree", tree)))).isEqualTo("{\"tree\":{\"a\":1,\"b\":\"" + EMOJI + "\"}}");
        assertThat(codec.<JsonNode>read("{\"a\":1}", JsonNode.class)).isEqualTo(tree.without("b"));
        assertThat(codec.<ObjectNode>read("{\"a\":1}", ObjectNode.class)).isEqualTo(tree.without("b"));
        assertThat(codec.<TreeHolder>read("{\"tree\":{\"a\":1}}", TreeHolder.class)
                        .tree())
                .isEqualTo(tree.without("b"));
        assertThat(codec.readTree("[1,{\"a\":null}]").toString()).isEqualTo("[1,{\"a\":null}]");
    }

    record TreeHolder(JsonNode tree) {}

    @ParameterizedTest
    @MethodSource("codecs")
    void readsJsonAsClassesAndGenericTypes(KvJsonCodec codec) {
        assertThat(codec.<Note>read("{\"noteText\":\"hi\"}", Note.class)).isEqualTo(new Note("hi"));
        assertThat(codec.<Map<String, List<Integer>>>read(
                        " {\"a\": [1, 2]}\n", new TypeReference<Map<String, List<Integer>>>() {}.getType()))
                .isEqualTo(Map.of("a", List.of(1, 2)));
        assertThat(codec.<Object>read("null", Object.class)).isNull();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("notStrictJson")
    void readsOnlyWhatJsonParseReads(KvJsonCodec codec, String what, String text) {
        UncheckedIOException failure = (UncheckedIOException) catchThrowable(() -> codec.read(text, JsonNode.class));

        assertThat(failure.getCause()).isInstanceOf(IOException.class);
        assertThat(failure).hasMessage(failure.getCause().getMessage());
        UncheckedIOException typed = (UncheckedIOException) catchThrowable(() -> codec.read(text, Note.class));
        assertThat(typed.getCause()).isInstanceOf(IOException.class);
        assertThat(catchThrowable(() -> codec.readTree(text))).isInstanceOf(UncheckedIOException.class);
        if (text.isEmpty()) {
            assertThat(failure).hasMessage("No content: an empty value is not JSON");
        }
    }

    private static Throwable catchThrowable(Runnable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call::run);
        assertThat(thrown).isInstanceOf(UncheckedIOException.class);
        return thrown;
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void aValueTheMapperCannotWriteIsAnIllegalArgumentWithTheMappersMessage(KvJsonCodec codec) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> codec.write(new Exploding()))
                .withMessageContaining("boom")
                .satisfies(e -> assertThat(e.getCause()).isNotNull())
                .satisfies(e -> assertThat(e).hasMessage(e.getCause().getMessage()));
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void nullArgumentsAreRefusedByName(KvJsonCodec codec) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> codec.read(null, Note.class))
                .withMessage("json must not be null");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> codec.read("1", null))
                .withMessage("type must not be null");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> codec.readTree(null))
                .withMessage("json must not be null");
        assertThat(text(codec.write(null))).isEqualTo("null");
    }

    @Test
    void factoriesRefuseANullMapper() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KvJsonCodec.jackson2(null))
                .withMessage("mapper must not be null: pass the application's ObjectMapper");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KvJsonCodec.jackson3(null))
                .withMessage("mapper must not be null: pass the application's JsonMapper");
    }

    @Test
    void codecsSayWhatTheyAre() {
        assertThat(KvJsonCodec.defaults()).hasToString("KvJsonCodec.defaults()").isSameAs(KvJsonCodec.defaults());
        assertThat(KvJsonCodec.jackson2(new ObjectMapper()))
                .hasToString("KvJsonCodec.jackson2(com.fasterxml.jackson.databind.ObjectMapper)");
        assertThat(KvJsonCodec.jackson3(JsonMapper.builder().build()))
                .hasToString("KvJsonCodec.jackson3(tools.jackson.databind.json.JsonMapper)");
    }

    @Test
    void theJackson3MappersOwnConfigurationApplies() {
        KvJsonCodec codec = KvJsonCodec.jackson3(JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new tools.jackson.databind.module.SimpleModule()
                        .addSerializer(Money.class, new MoneySerializer())
                        .addDeserializer(Money.class, new MoneyDeserializer()))
                .build());

        assertThat(text(codec.write(new Priced("tea", new Money(250)))))
                .isEqualTo("{\"item_name\":\"tea\",\"unit_price\":\"2.50 EUR\"}");
        assertThat(codec.<Priced>read("{\"item_name\":\"tea\",\"unit_price\":\"2.50 EUR\"}", Priced.class))
                .isEqualTo(new Priced("tea", new Money(250)));
        assertThat(text(codec.write(java.time.Instant.parse("2026-01-02T03:04:05Z"))))
                .isEqualTo("\"2026-01-02T03:04:05Z\"");
    }

    @Test
    void aJackson3BindingFailureKeepsJackson3sExceptionAsTheCausesCause() {
        KvJsonCodec codec = KvJsonCodec.jackson3(JsonMapper.builder().build());

        assertThatThrownBy(() -> codec.read("{\"noteText\":[1]}", Note.class))
                .isInstanceOf(UncheckedIOException.class)
                .cause()
                .isInstanceOf(IOException.class)
                .cause()
                .isInstanceOf(tools.jackson.core.JacksonException.class);
    }

    /** A bean no mapper can write. */
    public static final class Exploding {
        public String getBoom() {
            throw new IllegalStateException("boom");
        }
    }

    record Money(long cents) {}

    record Priced(String itemName, Money unitPrice) {}

    static final class MoneySerializer extends tools.jackson.databind.ValueSerializer<Money> {
        @Override
        public void serialize(
                Money value,
                tools.jackson.core.JsonGenerator generator,
                tools.jackson.databind.SerializationContext c) {
            generator.writeString(String.format("%d.%02d EUR", value.cents() / 100, value.cents() % 100));
        }
    }

    static final class MoneyDeserializer extends tools.jackson.databind.ValueDeserializer<Money> {
        @Override
        public Money deserialize(
                tools.jackson.core.JsonParser parser, tools.jackson.databind.DeserializationContext c) {
            String text = parser.getValueAsString().replace(" EUR", "");
            return new Money(Math.round(Double.parseDouble(text) * 100));
        }
    }
}
