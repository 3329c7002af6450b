package dev.kvkit.fake;

import static dev.kvkit.fake.Refusals.assertRefusedWithoutChange;
import static dev.kvkit.fake.Refusals.assertServiceRefusal;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.kvkit.KvJsonCodec;
import dev.kvkit.KvOperation;
import dev.kvkit.KvType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A json read is {@code JSON.parse(await text())}: the value is decoded as text first (so invalid
 * UTF-8 in a string reads as U+FFFD) and then parsed as strict JSON, whatever leniency the
 * application's mapper allows elsewhere.
 */
class JsonReadsParseTextTest {

    private static final String NOT_JSON =
            "KV GET_BULK failed: 400 At least one of the requested keys corresponds to a non-json value";

    /** A mapper that reads everything JSON.parse refuses; the fake must not. */
    private static final JsonMapper LENIENT =
            JsonMapper.builder().enable(JsonReadFeature.values()).build();

    private final TestClock clock = TestClock.create();
    private final FakeKvNamespace kv = Namespaces.seeded(clock);
    private final FakeKvNamespace lenient =
            FakeKvNamespace.builder().clock(clock).objectMapper(LENIENT).build();
    private final FakeKvNamespace jackson3 = FakeKvNamespace.builder()
            .clock(clock)
            .jsonCodec(KvJsonCodec.jackson3(
                    tools.jackson.databind.json.JsonMapper.builder().build()))
            .build();
    private final FakeKvNamespace lenientJackson3 = FakeKvNamespace.builder()
            .clock(clock)
            .jsonCodec(KvJsonCodec.jackson3(tools.jackson.databind.json.JsonMapper.builder()
                    .enable(tools.jackson.core.json.JsonReadFeature.values())
                    .build()))
            .build();

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static Stream<Arguments> notStrictJson() {
        return Stream.of(
                Arguments.of("a byte-order mark before the number", hex("EF BB BF 31")),
                Arguments.of("a NUL after the number", hex("31 00")),
                Arguments.of("a single-quoted string", bytes("'a'")),
                Arguments.of("an unquoted name", bytes("{a:1}")),
                Arguments.of("a trailing comma", bytes("[1,]")),
                Arguments.of("a missing value", bytes("[1,,2]")),
                Arguments.of("a comment", bytes("1 // one")),
                Arguments.of("a YAML comment", bytes("1 # one")),
                Arguments.of("NaN", bytes("NaN")),
                Arguments.of("a leading zero", bytes("01")),
                Arguments.of("a leading plus", bytes("+1")),
                Arguments.of("a leading decimal point", bytes(".5")),
                Arguments.of("a trailing decimal point", bytes("5.")),
                Arguments.of("a raw control character in a string", bytes("\"a\tb\"")),
                Arguments.of("a backslash before any character", bytes("\"\\q\"")),
                Arguments.of("a record separator before the value", bytes("\u001E1")));
    }

    private static byte[] bytes(String text) {
        return Utf8.encode(text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notStrictJson")
    void aSingleJsonReadRefusesWhatJsonParseRefuses(String what, byte[] value) {
        for (FakeKvNamespace namespace : List.of(kv, lenient, jackson3, lenientJackson3)) {
            namespace.put("k", value);

            UncheckedIOException failure =
                    assertRefusedWithoutChange(namespace, () -> namespace.getJson("k"), UncheckedIOException.class);

            // A JsonNode is a Jackson 2 tree, which every codec reads with Jackson 2.
            assertThat(failure.getCause()).isInstanceOf(JsonProcessingException.class);
            assertThat(failure)
                    .hasMessage("Value of key \"k\" is not JSON of type com.fasterxml.jackson.databind.JsonNode: "
                            + failure.getCause().getMessage());
        }
        for (FakeKvNamespace namespace : List.of(jackson3, lenientJackson3)) {
            UncheckedIOException failure = assertRefusedWithoutChange(
                    namespace, () -> namespace.getJson("k", Object.class), UncheckedIOException.class);

            // Jackson 3's exceptions are unchecked: an IOException carries its message and it.
            assertThat(failure.getCause()).isExactlyInstanceOf(IOException.class);
            assertThat(failure.getCause().getCause()).isInstanceOf(tools.jackson.core.JacksonException.class);
            assertThat(failure)
                    .hasMessage("Value of key \"k\" is not JSON of type java.lang.Object: "
                            + failure.getCause().getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notStrictJson")
    void aBulkJsonReadRefusesWhatJsonParseRefusesAsANonJsonValue(String what, byte[] value) {
        for (FakeKvNamespace namespace : List.of(kv, lenient, jackson3, lenientJackson3)) {
            namespace.put("k", value);

            assertServiceRefusal(
                    namespace, () -> namespace.get(List.of("k"), KvType.JSON), KvOperation.GET_BULK, 400, NOT_JSON);
        }
    }

    @Test
    void invalidUtf8InAJsonStringReadsAsTheReplacementCharacter() {
        invalidUtf8InAJsonStringReadsAsTheReplacementCharacter(kv);
        invalidUtf8InAJsonStringReadsAsTheReplacementCharacter(jackson3);
    }

    private static void invalidUtf8InAJsonStringReadsAsTheReplacementCharacter(FakeKvNamespace kv) {
        kv.put("k", hex("22 61 FF 62 ED A0 80 22")); // "a<FF>b<ED A0 80>"
        String expected = "a\uFFFDb\uFFFD\uFFFD\uFFFD";

        assertThat(kv.getJson("k").textValue()).isEqualTo(expected);
        assertThat(kv.getWithMetadata("k", KvType.JSON).value().textValue()).isEqualTo(expected);
        Map<String, JsonNode> bulk = kv.get(List.of("k"), KvType.JSON);
        assertThat(bulk.get("k").textValue()).isEqualTo(expected);
        assertThat(kv.location("syd").getJson("k", String.class)).isEqualTo(expected);
    }

    @Test
    void whitespaceJsonAllowsAroundTheValueIsFine() {
        kv.put("k", " \t\r\n[1] \n");

        assertThat(kv.getJson("k").get(0).intValue()).isEqualTo(1);
        assertThat(kv.get(List.of("k"), KvType.JSON).get("k").get(0).intValue()).isEqualTo(1);
    }
}
