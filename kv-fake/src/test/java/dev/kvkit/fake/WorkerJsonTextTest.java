package dev.kvkit.fake;

import static dev.kvkit.fake.Refusals.assertServiceRefusal;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.kvkit.KvJsonCodec;
import dev.kvkit.KvOperation;
import dev.kvkit.PutOptions;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Metadata and {@code putJson} values are the JSON text a Worker's {@code JSON.stringify} writes,
 * UTF-8 encoded: a supplementary character is its four UTF-8 bytes, not an escape of each of its
 * surrogates (as Jackson's byte writer writes it), a lone surrogate is escaped in lower case,
 * as are control characters. That holds for the application's own mapper too, and it decides the
 * metadata's size. Jackson 2 and Jackson 3 mappers alike.
 */
class WorkerJsonTextTest {

    private static final String EMOJI = "😀"; // U+1F600: a surrogate pair, four UTF-8 bytes

    record Note(String noteText) {}

    static Stream<Named<Supplier<FakeKvNamespace>>> namespaces() {
        return Stream.of(
                Named.of("the default mapper", () -> Namespaces.seeded(TestClock.create())),
                Named.of("an application's mapper", () -> {
                    FakeKvNamespace namespace = FakeKvNamespace.builder()
                            .name(SNAKE_CASE)
                            .objectMapper(
                                    new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE))
                            .build();
                    return withExisting(namespace);
                }),
                Named.of(
                        "a plain Jackson 3 mapper",
                        () -> withExisting(FakeKvNamespace.builder()
                                .jsonCodec(KvJsonCodec.jackson3(tools.jackson.databind.json.JsonMapper.builder()
                                        .build()))
                                .build())),
                Named.of(
                        "an application's Jackson 3 mapper",
                        () -> withExisting(FakeKvNamespace.builder()
                                .name(SNAKE_CASE)
                                .jsonCodec(KvJsonCodec.jackson3(tools.jackson.databind.json.JsonMapper.builder()
                                        .propertyNamingStrategy(
                                                tools.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
                                        .enable(tools.jackson.core.json.JsonWriteFeature.WRITE_HEX_UPPER_CASE)
                                        .build()))
                                .build())));
    }

    private static final String SNAKE_CASE = "SNAKE_CASE";

    private static FakeKvNamespace withExisting(FakeKvNamespace namespace) {
        namespace.put(Namespaces.EXISTING, "old value", PutOptions.defaults().withMetadata(1));
        return namespace;
    }

    private static String storedMetadata(FakeKvNamespace kv, String key) {
        return kv.entry(key).orElseThrow().metadataJson().orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("namespaces")
    void metadataWithSupplementaryCharactersIsCountedInUtf8BytesUpToTheLimit(Supplier<FakeKvNamespace> namespaces) {
        FakeKvNamespace kv = namespaces.get();

        kv.put("k", "v", PutOptions.defaults().withMetadata(EMOJI.repeat(255))); // 1020 bytes + 2 quotes

        assertThat(storedMetadata(kv, "k")).isEqualTo("\"" + EMOJI.repeat(255) + "\"");
        assertThat(storedMetadata(kv, "k").getBytes(StandardCharsets.UTF_8)).hasSize(1022);
        assertThat(kv.getWithMetadata("k").metadata().textValue()).isEqualTo(EMOJI.repeat(255));
    }

    @ParameterizedTest
    @MethodSource("namespaces")
    void metadataOverTheLimitNamesItsUtf8Length(Supplier<FakeKvNamespace> namespaces) {
        FakeKvNamespace kv = namespaces.get();

        assertServiceRefusal(
                kv,
                () -> kv.put(Namespaces.EXISTING, "v", PutOptions.defaults().withMetadata(EMOJI.repeat(256))),
                KvOperation.PUT,
                413,
                "KV PUT failed: 413 Metadata length of 1026 exceeds limit of 1024.");
    }

    @ParameterizedTest
    @MethodSource("namespaces")
    void putJsonStoresSupplementaryCharactersAsTheirUtf8Bytes(Supplier<FakeKvNamespace> namespaces) {
        FakeKvNamespace kv = namespaces.get();

        kv.putJson("k", Map.of(EMOJI, EMOJI));

        assertThat(kv.getBytes("k"))
                .isEqualTo(("{\"" + EMOJI + "\":\"" + EMOJI + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(kv.entry("k").orElseThrow().valueSize()).isEqualTo(15);
    }

    @ParameterizedTest
    @MethodSource("namespaces")
    void loneSurrogatesAndControlCharactersAreEscapedInLowerCase(Supplier<FakeKvNamespace> namespaces) {
        FakeKvNamespace kv = namespaces.get();

        kv.putJson("k", "a\uD83Db\uDE00\u001f", PutOptions.defaults().withMetadata("\uDBFF\u0001"));

        assertThat(kv.get("k")).isEqualTo("\"a\\ud83db\\ude00\\u001f\"");
        assertThat(storedMetadata(kv, "k")).isEqualTo("\"\\udbff\\u0001\"");
        assertThat(kv.getJson("k").textValue()).isEqualTo("a\uD83Db\uDE00\u001f");
    }

    @ParameterizedTest
    @MethodSource("namespaces")
    void theMappersOwnConfigurationStillApplies(Supplier<FakeKvNamespace> namespaces) {
        FakeKvNamespace kv = namespaces.get();
        boolean snakeCase = kv.name().equals(SNAKE_CASE);

        kv.putJson("k", new Note(EMOJI));

        assertThat(kv.get("k")).isEqualTo((snakeCase ? "{\"note_text\":\"" : "{\"noteText\":\"") + EMOJI + "\"}");
    }
}
