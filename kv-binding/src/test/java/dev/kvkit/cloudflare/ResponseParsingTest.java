package dev.kvkit.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kvkit.KvException;
import dev.kvkit.KvListKey;
import dev.kvkit.KvListPage;
import dev.kvkit.KvType;
import dev.kvkit.KvValueWithMetadata;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What each route's answer becomes. */
class ResponseParsingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Todo(String title, boolean done) {}

    private final StubServer stub = StubServer.start();
    private final CloudflareKvBinding kv = stub.binding();

    @AfterEach
    void stop() {
        stub.close();
    }

    private static StubServer.Reply value(String text) {
        return StubServer.Reply.bytes(200, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aMissingKeyReadsAsNullForEveryType() {
        stub.always(StubServer.Reply.missingKey());

        assertThat(kv.get("k")).isNull();
        assertThat(kv.getBytes("k")).isNull();
        assertThat(kv.getStream("k")).isNull();
        assertThat(kv.getJson("k")).isNull();
        assertThat(kv.getJson("k", Todo.class)).isNull();
    }

    @Test
    void textDecodesInvalidUtf8AsReplacementCharacters() {
        stub.reply(StubServer.Reply.bytes(200, new byte[] {'a', (byte) 0xFF, 'b', (byte) 0xE2, (byte) 0x82}));

        assertThat(kv.get("k")).isEqualTo("a\uFFFDb\uFFFD");
    }

    /**
     * As a Worker's {@code text()}: each maximal subpart of an ill-formed sequence is one U+FFFD, so
     * an encoded surrogate ({@code ED A0 80}) is three and a truncated four-byte lead two bytes long
     * is one, where the JDK's decoder answers differently.
     */
    @Test
    void textDecodesEachMaximalInvalidSubpartAsOneReplacementCharacterAsAWorkerDoes() {
        byte[] surrogate = {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'b'};
        stub.reply(StubServer.Reply.bytes(200, surrogate));
        assertThat(kv.get("k"))
                .isEqualTo("a\uFFFD\uFFFD\uFFFDb")
                .isNotEqualTo(new String(surrogate, StandardCharsets.UTF_8));

        stub.reply(StubServer.Reply.bytes(200, surrogate));
        assertThatThrownBy(() -> kv.getJson("k"))
                .as("parsed as the decoded text, as JSON.parse(await text())")
                .isInstanceOf(UncheckedIOException.class);

        byte[] jsonString = {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'};
        stub.reply(StubServer.Reply.bytes(200, jsonString));
        assertThat(kv.getJson("k").asText()).isEqualTo("\uFFFD\uFFFD\uFFFD");
    }

    @Test
    void bytesAreReturnedVerbatim() {
        byte[] value = {0, (byte) 0x80, (byte) 0xFF};
        stub.reply(StubServer.Reply.bytes(200, value));

        assertThat(kv.getBytes("k")).isEqualTo(value);
    }

    @Test
    void anEmptyValueIsAnEmptyStringNotNull() {
        stub.reply(StubServer.Reply.bytes(200, new byte[0]));

        assertThat(kv.get("k")).isEmpty();
    }

    @Test
    void streamGivesTheBodysBytes() throws Exception {
        stub.reply(value("streamed"));

        try (InputStream in = kv.getStream("k")) {
            assertThat(in.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("streamed");
        }
    }

    @Test
    void jsonReadsAsATreeAClassOrAGenericType() throws Exception {
        stub.reply(
                value("{\"title\":\"milk\",\"done\":true}"),
                value("{\"title\":\"milk\",\"done\":true}"),
                value("[{\"title\":\"a\",\"done\":false}]"));

        assertThat(kv.getJson("k")).isEqualTo(JSON.readTree("{\"title\":\"milk\",\"done\":true}"));
        assertThat(kv.getJson("k", Todo.class)).isEqualTo(new Todo("milk", true));
        assertThat(kv.get("k", KvType.json(new TypeReference<List<Todo>>() {}))).containsExactly(new Todo("a", false));
    }

    @Test
    void aValueThatIsNotJsonFailsAJsonReadWithTheFakesMessage() {
        stub.reply(value("{\"a\":1} trailing"), value(""));

        assertThatThrownBy(() -> kv.getJson("k"))
                .isExactlyInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith(
                        "Value of key \"k\" is not JSON of type com.fasterxml.jackson.databind.JsonNode: ");
        assertThatThrownBy(() -> kv.getJson("k"))
                .isExactlyInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("No content: an empty value is not JSON");
    }

    @Test
    void getWithMetadataOfTextReadsValueAndMetadataFromOneBulkAnswer() throws Exception {
        stub.reply(StubServer.Reply.envelope(
                "{\"values\":{\"k\":{\"value\":\"v\",\"metadata\":{\"n\":[1,\"x\"]},\"expiration\":2000000000}}}"));

        KvValueWithMetadata<String> result = kv.getWithMetadata("k");

        assertThat(result.value()).isEqualTo("v");
        assertThat(result.metadata().toString()).isEqualTo("{\"n\":[1,\"x\"]}");
        assertThat(result.cacheStatus()).isNull();
    }

    @Test
    void getWithMetadataOfJsonParsesTheValueHere() {
        stub.reply(StubServer.Reply.envelope(
                "{\"values\":{\"k\":{\"value\":\"{\\\"title\\\":\\\"t\\\",\\\"done\\\":false}\",\"metadata\":null}}}"));

        KvValueWithMetadata<Todo> result = kv.getWithMetadata("k", KvType.json(Todo.class));

        assertThat(result.value()).isEqualTo(new Todo("t", false));
        assertThat(result.metadata()).isNull();
    }

    @Test
    void getWithMetadataOfJsonThatIsNotJsonFailsAsASingleRead() {
        stub.reply(StubServer.Reply.envelope("{\"values\":{\"k\":{\"value\":\"nope\",\"metadata\":null}}}"));

        assertThatThrownBy(() -> kv.getWithMetadata("k", KvType.JSON))
                .isExactlyInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("Value of key \"k\" is not JSON");
    }

    @Test
    void getWithMetadataOfAMissingKeyHasNeitherValueNorMetadata() {
        stub.reply(StubServer.Reply.envelope("{\"values\":{\"k\":null}}"));

        KvValueWithMetadata<String> result = kv.getWithMetadata("k");

        assertThat(result.isPresent()).isFalse();
        assertThat(result.metadata()).isNull();
    }

    @Test
    void getWithMetadataOfBytesPairsTheMetadataAnswerWithTheValue() throws Exception {
        stub.reply(StubServer.Reply.envelope("[1,\"two\"]"), StubServer.Reply.bytes(200, new byte[] {9}));

        KvValueWithMetadata<byte[]> result = kv.getWithMetadata("k", KvType.BYTES);

        assertThat(result.value()).containsExactly(9);
        assertThat(result.metadata()).isEqualTo(JSON.readTree("[1,\"two\"]"));
    }

    @Test
    void getWithMetadataOfBytesWithoutMetadataHasNullMetadata() {
        stub.reply(StubServer.Reply.envelope("null"), StubServer.Reply.bytes(200, new byte[] {9}));

        assertThat(kv.getWithMetadata("k", KvType.BYTES).metadata()).isNull();
    }

    @Test
    void getWithMetadataOfBytesWhoseKeyVanishesBetweenTheTwoReadsIsMissing() {
        stub.reply(StubServer.Reply.envelope("{\"a\":1}"), StubServer.Reply.missingKey());

        KvValueWithMetadata<byte[]> result = kv.getWithMetadata("k", KvType.BYTES);

        assertThat(result.value()).isNull();
        assertThat(result.metadata()).isNull();
    }

    @Test
    void bulkGetAnswersEveryRequestedKeyInRequestOrder() {
        stub.reply(StubServer.Reply.envelope("{\"values\":{\"a\":\"1\",\"c\":null,\"b\":\"2\"}}"));

        Map<String, String> values = kv.get(List.of("c", "b", "a", "d", "b"));

        assertThat(values.keySet()).containsExactly("c", "b", "a", "d");
        assertThat(values).containsEntry("a", "1").containsEntry("b", "2").containsEntry("c", null);
        assertThat(values.get("d")).isNull();
        assertThatThrownBy(() -> values.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void bulkGetOfJsonDecodesEachValue() {
        stub.reply(StubServer.Reply.envelope(
                "{\"values\":{\"a\":\"{\\\"title\\\":\\\"x\\\",\\\"done\\\":true}\",\"b\":null}}"));

        Map<String, Todo> values = kv.get(List.of("a", "b"), KvType.json(Todo.class));

        assertThat(values).containsEntry("a", new Todo("x", true)).containsEntry("b", null);
    }

    @Test
    void bulkGetOfJsonFailsWholeWhenAnyValueIsNotJson() {
        stub.reply(StubServer.Reply.envelope("{\"values\":{\"a\":\"1\",\"b\":\"not json\"}}"));

        assertThatThrownBy(() -> kv.get(List.of("a", "b"), KvType.JSON))
                .isExactlyInstanceOf(KvException.class)
                .hasMessage(
                        "KV GET_BULK failed: 400 At least one of the requested keys corresponds to a non-json value");
    }

    @Test
    void bulkGetOfJsonCountsAnEmptyValueAsNotJson() {
        stub.reply(StubServer.Reply.envelope("{\"values\":{\"a\":{\"value\":\"\",\"metadata\":null}}}"));

        assertThatThrownBy(() -> kv.getWithMetadata(List.of("a"), KvType.JSON))
                .isExactlyInstanceOf(KvException.class)
                .hasMessageEndingWith("non-json value");
    }

    @Test
    void bulkGetWithMetadataGivesValueAndMetadataPerKey() throws Exception {
        stub.reply(StubServer.Reply.envelope(
                "{\"values\":{\"a\":{\"value\":\"1\",\"metadata\":{\"m\":true}},\"b\":null}}"));

        Map<String, KvValueWithMetadata<String>> values = kv.getWithMetadata(List.of("a", "b"));

        assertThat(values.get("a").value()).isEqualTo("1");
        assertThat(values.get("a").metadata()).isEqualTo(JSON.readTree("{\"m\":true}"));
        assertThat(values.get("a").cacheStatus()).isNull();
        assertThat(values).containsKey("b");
        assertThat(values.get("b")).isNull();
    }

    @Test
    void listReadsNamesExpirationsMetadataAndTheCursor() throws Exception {
        stub.reply(StubServer.Reply.list(
                "[{\"name\":\"a\"},{\"name\":\"b\",\"expiration\":2000000000,\"metadata\":{\"big\":123456789012345678901234567890}}]",
                "{\"count\":2,\"cursor\":\"next-page\"}"));

        KvListPage page = kv.list();

        assertThat(page.names()).containsExactly("a", "b");
        assertThat(page.keys().get(0)).isEqualTo(KvListKey.of("a"));
        assertThat(page.keys().get(1).expiration()).isEqualTo(2_000_000_000L);
        assertThat(page.keys().get(1).metadata().toString()).isEqualTo("{\"big\":123456789012345678901234567890}");
        assertThat(page.listComplete()).isFalse();
        assertThat(page.cursor()).isEqualTo("next-page");
    }

    @Test
    void listKeepsEachKeysMetadataAsTheBytesTheServerSent() {
        String[] metadata = {
            "{\"n\":1.50E+3,\"s\":\"caf\\u00e9 \\\"q\\\" \u00e9\uD83C\uDF89\",\"a\":[{},[],null]}",
            "\"just a string with a \\\" and a }\"",
            "-0.000",
            "123456789012345678901234567890",
            "true",
            "[1,\"]\",{\"x\":{}}]",
        };
        StringBuilder result = new StringBuilder("[");
        for (int i = 0; i < metadata.length; i++) {
            result.append(i == 0 ? "" : ",")
                    .append("{\"metadata\" : ")
                    .append(metadata[i])
                    .append(" , \"name\":\"k")
                    .append(i)
                    .append("\"}");
        }
        stub.reply(StubServer.Reply.list(result.append("]").toString(), "{\"cursor\":\"\"}"));

        KvListPage page = kv.list();

        assertThat(page.keys())
                .extracting(key -> new String(
                        dev.kvkit.internal.SerializedResults.get().metadataJson(key), StandardCharsets.UTF_8))
                .containsExactly(metadata);
        assertThat(page.keys().get(0).metadata().get("s").asText()).isEqualTo("caf\u00e9 \"q\" \u00e9\uD83C\uDF89");
        assertThat(page.keys().get(2).metadata().decimalValue()).isEqualByComparingTo("0");
    }

    /** The reader expects the field order of the key before; a key of another shape reads the same. */
    @Test
    void listReadsKeysWhoseFieldsComeInAnyOrderAndChangeOrderWithinAPage() {
        stub.reply(StubServer.Reply.list(
                "[{\"name\":\"a\",\"expiration\":2000000001,\"metadata\":{\"n\":1}},"
                        + "{\"name\":\"b\",\"metadata\":{\"n\":2}},"
                        + "{\"name\":\"c\",\"metadata\":{\"n\":3},\"expiration\":2000000003},"
                        + "{\"expiration\":2000000004,\"name\":\"d\"},"
                        + "{\"name\":\"e\",\"expiration\":2000000005},"
                        + "{\"metadata\":{\"n\":6},\"name\":\"f\"},"
                        + "{\"name\":\"g\"},"
                        + "{\"name\":\"h\",\"other\":true,\"metadata\":{\"n\":8}}]",
                "{\"cursor\":\"\"}"));

        KvListPage page = kv.list();

        assertThat(page.names()).containsExactly("a", "b", "c", "d", "e", "f", "g", "h");
        assertThat(page.keys())
                .extracting(KvListKey::expiration)
                .containsExactly(
                        2_000_000_001L, null, 2_000_000_003L, 2_000_000_004L, 2_000_000_005L, null, null, null);
        assertThat(page.keys())
                .extracting(
                        key -> key.metadata() == null ? null : key.metadata().toString())
                .containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}", null, null, "{\"n\":6}", null, "{\"n\":8}");
    }

    @Test
    void listSkipsFieldsItDoesNotKnowAndReadsAnExplicitNull() {
        stub.reply(StubServer.Reply.list(
                "[{\"name\":\"a\",\"extra\":{\"name\":\"not this\",\"metadata\":1},\"metadata\":null,"
                        + "\"expiration\":null,\"more\":[1,2]}]",
                "{\"cursor\":\"\",\"cursors\":{\"before\":\"x\"},\"count\":1}"));

        KvListPage page = kv.list();

        assertThat(page.keys()).containsExactly(KvListKey.of("a"));
        assertThat(page.listComplete()).isTrue();
    }

    @Test
    void aListAnswerThatIsNotAKeyListFailsWithTheStatusAndWhatWasWrong() {
        stub.reply(
                StubServer.Reply.list("{\"name\":\"a\"}", "{}"),
                StubServer.Reply.list("[{\"metadata\":1}]", "{}"),
                StubServer.Reply.list("[{\"name\":7}]", "{}"),
                StubServer.Reply.raw(200, "[]"),
                StubServer.Reply.raw(200, "{\"result\":[{\"name\":\"a\""));

        assertThatThrownBy(kv::list)
                .isInstanceOf(KvTransportException.class)
                .hasMessageContaining(
                        "answered 200 with a body that is not Cloudflare's envelope: result is not a JSON array");
        assertThatThrownBy(kv::list).hasMessageContaining("not Cloudflare's envelope: A key of result has no name");
        assertThatThrownBy(kv::list)
                .hasMessageContaining("not Cloudflare's envelope: a key's name is not a JSON string");
        assertThatThrownBy(kv::list).hasMessageContaining("not Cloudflare's envelope: the answer is not a JSON object");
        assertThatThrownBy(kv::list)
                .isInstanceOf(KvTransportException.class)
                .hasMessageContaining("not Cloudflare's envelope: Unexpected end-of-input");
    }

    @Test
    void anEmptyCursorMeansTheListIsComplete() {
        stub.reply(StubServer.Reply.list("[{\"name\":\"a\"}]", "{\"count\":1,\"cursor\":\"\"}"));

        KvListPage page = kv.list();

        assertThat(page.listComplete()).isTrue();
        assertThat(page.cursor()).isNull();
    }

    @Test
    void anAbsentCursorMeansTheListIsComplete() {
        stub.reply(StubServer.Reply.list("[]", "{\"count\":0}"));

        assertThat(kv.list().listComplete()).isTrue();
    }

    @Test
    void cursorsAfterIsReadWhenCursorIsAbsent() {
        stub.reply(StubServer.Reply.list("[{\"name\":\"a\"}]", "{\"count\":1,\"cursors\":{\"after\":\"c2\"}}"));

        KvListPage page = kv.list();

        assertThat(page.listComplete()).isFalse();
        assertThat(page.cursor()).isEqualTo("c2");
    }

    @Test
    void anEmptyPageThatIsNotCompleteKeepsItsCursor() {
        stub.reply(StubServer.Reply.list("[]", "{\"count\":0,\"cursor\":\"more\"}"));

        KvListPage page = kv.list();

        assertThat(page.keys()).isEmpty();
        assertThat(page.listComplete()).isFalse();
    }

    @Test
    void writesAcceptEitherResultShape() {
        stub.reply(StubServer.Reply.envelope("null"), StubServer.Reply.envelope("{}"));

        kv.put("k", "v");
        kv.delete("k");

        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void listMetadataIsParsedByTheBindingsMapperOnEachRead() throws Exception {
        stub.reply(StubServer.Reply.list("[{\"name\":\"a\",\"metadata\":{\"x\":[1]}}]", "{\"cursor\":\"\"}"));

        KvListKey key = kv.list().keys().get(0);
        JsonNode first = key.metadata();
        ((com.fasterxml.jackson.databind.node.ObjectNode) first).put("changed", true);

        assertThat(key.metadata()).isEqualTo(JSON.readTree("{\"x\":[1]}"));
    }

    @Test
    void getWithMetadataOfAStreamGivesTheOpenBodyAndTheMetadata() throws Exception {
        stub.reply(StubServer.Reply.envelope("{\"v\":2}"), value("streamed"));

        KvValueWithMetadata<InputStream> result = kv.getWithMetadata("k", KvType.STREAM);

        assertThat(result.metadata()).isEqualTo(JSON.readTree("{\"v\":2}"));
        try (InputStream in = result.value()) {
            assertThat(in.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("streamed");
        }
    }
}
