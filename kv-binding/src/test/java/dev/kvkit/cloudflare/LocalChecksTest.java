package dev.kvkit.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kvkit.GetOptions;
import dev.kvkit.KvException;
import dev.kvkit.KvOperation;
import dev.kvkit.KvType;
import dev.kvkit.ListOptions;
import dev.kvkit.PutOptions;
import dev.kvkit.internal.WorkerUtf8;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checks a Worker's binding makes before any request are made before any request here too, with
 * the fake's exact exception types and texts: the stub must see nothing.
 */
class LocalChecksTest {

    private static final StubServer STUB = StubServer.start();
    private static final CloudflareKvBinding KV = STUB.binding();

    private static final String LONG_KEY = "a".repeat(513);
    private static final String LONG_KEY_3_BYTE = "€".repeat(171);
    private static final String KEY_OF_512 = "€".repeat(170) + "ab";

    @AfterAll
    static void stop() {
        STUB.close();
    }

    @AfterEach
    void nothingWasSent() {
        assertThat(STUB.requests()).as("requests the stub saw").isEmpty();
    }

    private static Arguments refused(String name, Consumer<CloudflareKvBinding> call, Class<?> type, String message) {
        return Arguments.of(name, call, type, message);
    }

    private static Arguments kv(
            String name, Consumer<CloudflareKvBinding> call, KvOperation op, int status, String reason) {
        return refused(name, call, KvException.class, "KV " + op + " failed: " + status + " " + reason);
    }

    static Stream<Arguments> refusals() {
        String empty = "Key name cannot be empty.";
        String dot = "\".\" is not allowed as a key name.";
        String dots = "\"..\" is not allowed as a key name.";
        String tooLong = "UTF-8 encoded length of 513 exceeds key length limit of 512.";
        List<String> hundredAndOne = new ArrayList<>(Collections.nCopies(101, "a"));
        List<String> hundredAndOneWithEmpty = new ArrayList<>(Collections.nCopies(100, "a"));
        hundredAndOneWithEmpty.add("");
        return Stream.of(
                // single-key rules, in order, for every single-key call
                refused("get empty", kv -> kv.get(""), IllegalArgumentException.class, empty),
                refused("get dot", kv -> kv.get("."), IllegalArgumentException.class, dot),
                refused("get dot dot", kv -> kv.get(".."), IllegalArgumentException.class, dots),
                refused(
                        "get null key",
                        kv -> kv.get((String) null),
                        IllegalArgumentException.class,
                        "Key name must not be null"),
                kv("get 513 bytes", kv -> kv.get(LONG_KEY), KvOperation.GET, 414, tooLong),
                kv("get 513 bytes of 3-byte chars", kv -> kv.get(LONG_KEY_3_BYTE), KvOperation.GET, 414, tooLong),
                kv(
                        "get emoji key over the limit",
                        kv -> kv.get("\uD83D\uDE00".repeat(129)),
                        KvOperation.GET,
                        414,
                        "UTF-8 encoded length of 516 exceeds key length limit of 512."),
                refused(
                        "get null type",
                        kv -> kv.get("k", (KvType<?>) null),
                        IllegalArgumentException.class,
                        "type must not be null"),
                refused(
                        "get null options",
                        kv -> kv.get("k", KvType.TEXT, null),
                        IllegalArgumentException.class,
                        "options must not be null"),
                kv(
                        "get cacheTtl 29",
                        kv -> kv.get("k", GetOptions.defaults().withCacheTtl(29)),
                        KvOperation.GET,
                        400,
                        "Invalid cache_ttl of 29. Cache TTL must be at least 30."),
                refused("getWithMetadata empty", kv -> kv.getWithMetadata(""), IllegalArgumentException.class, empty),
                kv("getWithMetadata 513 bytes", kv -> kv.getWithMetadata(LONG_KEY), KvOperation.GET, 414, tooLong),
                kv(
                        "getWithMetadata cacheTtl 0",
                        kv -> kv.getWithMetadata(
                                "k", KvType.BYTES, GetOptions.defaults().withCacheTtl(0)),
                        KvOperation.GET,
                        400,
                        "Invalid cache_ttl of 0. Cache TTL must be at least 30."),
                refused("put empty", kv -> kv.put("", "v"), IllegalArgumentException.class, empty),
                refused("put dot", kv -> kv.put(".", "v"), IllegalArgumentException.class, dot),
                kv("put 513 bytes", kv -> kv.put(LONG_KEY, "v"), KvOperation.PUT, 414, tooLong),
                kv(
                        "put lone surrogate key",
                        kv -> kv.put("a\uD800", "v"),
                        KvOperation.PUT,
                        400,
                        "Could not URL-decode key name"),
                kv(
                        "get lone surrogate key",
                        kv -> kv.get("a\uD800"),
                        KvOperation.GET,
                        400,
                        "Could not URL-decode key name"),
                kv(
                        "get lone surrogate key before its cacheTtl",
                        kv -> kv.get("a\uD800", GetOptions.defaults().withCacheTtl(1)),
                        KvOperation.GET,
                        400,
                        "Could not URL-decode key name"),
                kv(
                        "getWithMetadata lone surrogate key",
                        kv -> kv.getWithMetadata("\uDC00b", KvType.BYTES),
                        KvOperation.GET,
                        400,
                        "Could not URL-decode key name"),
                kv(
                        "delete lone surrogate key",
                        kv -> kv.delete("\uD800"),
                        KvOperation.DELETE,
                        400,
                        "Could not URL-decode key name"),
                refused(
                        "put null options",
                        kv -> kv.put("k", "v", null),
                        IllegalArgumentException.class,
                        "options must not be null"),
                refused(
                        "put null text",
                        kv -> kv.put("k", (String) null),
                        IllegalArgumentException.class,
                        "KV put() accepts only text, bytes, a stream or a JSON-serialisable object as a value, but was: null"),
                refused(
                        "put null bytes",
                        kv -> kv.put("k", (byte[]) null),
                        IllegalArgumentException.class,
                        "KV put() accepts only text, bytes, a stream or a JSON-serialisable object as a value, but was: null"),
                refused(
                        "put null stream",
                        kv -> kv.put("k", (java.io.InputStream) null),
                        IllegalArgumentException.class,
                        "KV put() accepts only text, bytes, a stream or a JSON-serialisable object as a value, but was: null"),
                refused(
                        "putJson null",
                        kv -> kv.putJson("k", null),
                        IllegalArgumentException.class,
                        "KV put() accepts only text, bytes, a stream or a JSON-serialisable object as a value, but was: null"),
                kv(
                        "put ttl 0",
                        kv -> kv.put("k", "v", PutOptions.defaults().withExpirationTtl(0)),
                        KvOperation.PUT,
                        400,
                        "Invalid expiration_ttl of 0. Please specify integer greater than 0."),
                kv(
                        "put ttl -5",
                        kv -> kv.put("k", new byte[0], PutOptions.defaults().withExpirationTtl(-5)),
                        KvOperation.PUT,
                        400,
                        "Invalid expiration_ttl of -5. Please specify integer greater than 0."),
                kv(
                        "put ttl 59",
                        kv -> kv.put(
                                "k",
                                new ByteArrayInputStream(new byte[0]),
                                PutOptions.defaults().withExpirationTtl(59)),
                        KvOperation.PUT,
                        400,
                        "Invalid expiration_ttl of 59. Expiration TTL must be at least 60."),
                kv(
                        "ttl checked even with an expiration",
                        kv -> kv.putJson(
                                "k",
                                1,
                                PutOptions.defaults()
                                        .withExpiration(2_000_000_000L)
                                        .withExpirationTtl(30)),
                        KvOperation.PUT,
                        400,
                        "Invalid expiration_ttl of 30. Expiration TTL must be at least 60."),
                refused(
                        "put ttl over 32 bits",
                        kv -> kv.put("k", "v", PutOptions.defaults().withExpirationTtl(2_147_483_648L)),
                        IllegalArgumentException.class,
                        "Invalid expiration_ttl of 2147483648. The binding carries 32-bit integers: the largest allowed"
                                + " is 2147483647."),
                refused(
                        "put expiration over 32 bits",
                        kv -> kv.put("k", "v", PutOptions.defaults().withExpiration(2_147_483_648L)),
                        IllegalArgumentException.class,
                        "Invalid expiration of 2147483648. The binding carries 32-bit integers: the largest allowed"
                                + " is 2147483647."),
                refused(
                        "put expiration over 32 bits beside a valid ttl, which would win",
                        kv -> kv.put(
                                "k",
                                "v",
                                PutOptions.defaults().withExpirationTtl(60).withExpiration(2_147_483_648L)),
                        IllegalArgumentException.class,
                        "Invalid expiration of 2147483648. The binding carries 32-bit integers: the largest allowed"
                                + " is 2147483647."),
                refused(
                        "put expiration over 32 bits before the key's name",
                        kv -> kv.put(LONG_KEY, "v", PutOptions.defaults().withExpiration(2_147_483_648L)),
                        IllegalArgumentException.class,
                        "Invalid expiration of 2147483648. The binding carries 32-bit integers: the largest allowed"
                                + " is 2147483647."),
                refused(
                        "bulk put item: expiration over 32 bits beside a ttl, before the key's name",
                        kv -> KvBulkPut.of(
                                "",
                                "v",
                                PutOptions.defaults().withExpirationTtl(-1).withExpiration(2_147_483_648L)),
                        IllegalArgumentException.class,
                        "Invalid expiration of 2147483648. The binding carries 32-bit integers: the largest allowed"
                                + " is 2147483647."),
                refused(
                        "put null options before the key's name",
                        kv -> kv.put("", "v", null),
                        IllegalArgumentException.class,
                        "options must not be null"),
                kv("key checked before value", kv -> kv.put(LONG_KEY, (String) null), KvOperation.PUT, 414, tooLong),
                refused(
                        "value checked before ttl",
                        kv -> kv.put("k", (String) null, PutOptions.defaults().withExpirationTtl(1)),
                        IllegalArgumentException.class,
                        "KV put() accepts only text, bytes, a stream or a JSON-serialisable object as a value, but was: null"),
                refused("delete empty", kv -> kv.delete(""), IllegalArgumentException.class, empty),
                refused("delete dot dot", kv -> kv.delete(".."), IllegalArgumentException.class, dots),
                kv("delete 513 bytes", kv -> kv.delete(LONG_KEY), KvOperation.DELETE, 414, tooLong),
                // list
                refused(
                        "list null options",
                        kv -> kv.list(null),
                        IllegalArgumentException.class,
                        "options must not be null"),
                kv(
                        "list limit 1001",
                        kv -> kv.list(ListOptions.defaults().withLimit(1001)),
                        KvOperation.GET,
                        400,
                        "Invalid key_count_limit of 1001. Please specify an integer less than 1000."),
                kv(
                        "list prefix 513 bytes",
                        kv -> kv.list(ListOptions.defaults().withPrefix(LONG_KEY)),
                        KvOperation.GET,
                        414,
                        tooLong),
                kv(
                        "list limit before prefix",
                        kv -> kv.list(
                                ListOptions.defaults().withPrefix(LONG_KEY).withLimit(5000)),
                        KvOperation.GET,
                        400,
                        "Invalid key_count_limit of 5000. Please specify an integer less than 1000."),
                // bulk reads, in the fake's order
                kv(
                        "bulk bytes type",
                        kv -> kv.get(List.of("a"), KvType.BYTES),
                        KvOperation.GET_BULK,
                        400,
                        "\"arrayBuffer\" is not a valid type. Use \"json\" or \"text\""),
                kv(
                        "bulk stream type",
                        kv -> kv.getWithMetadata(List.of("a"), KvType.STREAM),
                        KvOperation.GET_BULK,
                        400,
                        "\"stream\" is not a valid type. Use \"json\" or \"text\""),
                kv(
                        "bulk type before count",
                        kv -> kv.get(hundredAndOne, KvType.BYTES),
                        KvOperation.GET_BULK,
                        400,
                        "\"arrayBuffer\" is not a valid type. Use \"json\" or \"text\""),
                refused(
                        "bulk null key",
                        kv -> kv.get(java.util.Arrays.asList("a", null)),
                        IllegalArgumentException.class,
                        "A key in keys must not be null"),
                refused(
                        "bulk null keys",
                        kv -> kv.get((List<String>) null),
                        IllegalArgumentException.class,
                        "keys must not be null"),
                kv(
                        "bulk 101 keys, duplicates counted",
                        kv -> kv.get(hundredAndOne),
                        KvOperation.GET_BULK,
                        400,
                        "You can request a maximum of 100 keys"),
                kv(
                        "bulk count before key names",
                        kv -> kv.get(hundredAndOneWithEmpty),
                        KvOperation.GET_BULK,
                        400,
                        "You can request a maximum of 100 keys"),
                kv(
                        "bulk no keys",
                        kv -> kv.get(List.of()),
                        KvOperation.GET_BULK,
                        400,
                        "You must request a minimum of 1 key"),
                kv(
                        "bulk empty key",
                        kv -> kv.get(List.of("a", "")),
                        KvOperation.GET_BULK,
                        400,
                        "Key names must not be empty"),
                kv(
                        "bulk dot key",
                        kv -> kv.getWithMetadata(List.of(".")),
                        KvOperation.GET_BULK,
                        400,
                        "Illegal key name \".\". Please use a different name."),
                kv(
                        "bulk dot dot key",
                        kv -> kv.get(List.of(".."), KvType.JSON),
                        KvOperation.GET_BULK,
                        400,
                        "Illegal key name \"..\". Please use a different name."),
                kv("bulk long key", kv -> kv.get(List.of("a", LONG_KEY)), KvOperation.GET_BULK, 414, tooLong),
                kv(
                        "bulk keys in request order",
                        kv -> kv.get(List.of(LONG_KEY, "")),
                        KvOperation.GET_BULK,
                        414,
                        tooLong),
                kv(
                        "bulk cacheTtl after keys",
                        kv -> kv.get(
                                List.of("a"), KvType.TEXT, GetOptions.defaults().withCacheTtl(5)),
                        KvOperation.GET_BULK,
                        400,
                        "Invalid cache_ttl of 5. Cache TTL must be at least 30."),
                kv(
                        "bulk cacheTtl after the first key's name, before the next one's",
                        kv -> kv.get(
                                List.of("a", ""),
                                KvType.TEXT,
                                GetOptions.defaults().withCacheTtl(5)),
                        KvOperation.GET_BULK,
                        400,
                        "Invalid cache_ttl of 5. Cache TTL must be at least 30."),
                kv(
                        "bulk json, the first key's name refused: nothing to ask about",
                        kv -> kv.get(List.of("", "a"), KvType.JSON),
                        KvOperation.GET_BULK,
                        400,
                        "Key names must not be empty"),
                kv(
                        "bulk key before cacheTtl",
                        kv -> kv.get(
                                List.of(""), KvType.TEXT, GetOptions.defaults().withCacheTtl(5)),
                        KvOperation.GET_BULK,
                        400,
                        "Key names must not be empty"),
                // beyond the binding
                refused(
                        "bulk delete empty key",
                        kv -> kv.deleteBulk(List.of("a", "")),
                        IllegalArgumentException.class,
                        empty),
                kv("bulk delete long key", kv -> kv.deleteBulk(List.of(LONG_KEY)), KvOperation.DELETE, 414, tooLong),
                refused(
                        "bulk put null items",
                        kv -> kv.putBulk(null),
                        IllegalArgumentException.class,
                        "items must not be null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusedBeforeAnyRequestWithTheFakesText(
            String name, Consumer<CloudflareKvBinding> call, Class<? extends Throwable> type, String message) {
        assertThatThrownBy(() -> call.accept(KV)).isExactlyInstanceOf(type).hasMessage(message);
    }

    /**
     * A Worker's binding checks a JSON bulk read key by key, so a value that is not JSON is refused
     * before a later key's bad name. Only the service holds the values: the client asks for the keys
     * that passed, once, and only when a later name is refused.
     */
    @Test
    void aJsonBulkReadReportsAValueThatIsNotJsonBeforeALaterKeysRefusedName() {
        STUB.reply(StubServer.Reply.envelope("{\"values\":{\"n\":\"1\",\"text\":\"not json\"}}"));

        assertThatThrownBy(() -> KV.get(List.of("n", "text", "", "after"), KvType.JSON))
                .isExactlyInstanceOf(KvException.class)
                .hasMessage(
                        "KV GET_BULK failed: 400 At least one of the requested keys corresponds to a non-json value");

        assertThat(STUB.onlyRequest().bodyText()).isEqualTo("{\"keys\":[\"n\",\"text\"],\"type\":\"text\"}");
        STUB.requestsClear();
    }

    @Test
    void aJsonBulkReadReportsTheRefusedNameWhenTheKeysBeforeItHoldJson() {
        STUB.reply(StubServer.Reply.envelope("{\"values\":{\"n\":\"1\",\"missing\":null}}"));

        assertThatThrownBy(() -> KV.get(List.of("n", "missing", ".."), KvType.JSON))
                .isExactlyInstanceOf(KvException.class)
                .hasMessage("KV GET_BULK failed: 400 Illegal key name \"..\". Please use a different name.");

        assertThat(STUB.requests()).hasSize(1);
        STUB.requestsClear();
    }

    @Test
    void aJsonBulkReadReportsTheRefusedNameWhenTheServiceCannotSayWhatTheKeysBeforeItHold() {
        STUB.reply(StubServer.Reply.error(500, 10001, "internal error"));

        assertThatThrownBy(() -> KV.get(List.of("n", ""), KvType.JSON))
                .isExactlyInstanceOf(KvException.class)
                .hasMessage("KV GET_BULK failed: 400 Key names must not be empty");

        assertThat(STUB.requests()).hasSize(1);
        STUB.requestsClear();
    }

    @Test
    void aKeyOfExactly512BytesIsSent() {
        assertThat(WorkerUtf8.length(KEY_OF_512)).isEqualTo(512);
        STUB.reply(StubServer.Reply.missingKey());

        assertThat(KV.get(KEY_OF_512)).isNull();

        assertThat(STUB.requests()).hasSize(1);
        STUB.requestsClear();
    }

    @Test
    void metadataThatCannotBeSerialisedIsRefusedWithTheMappersReason() {
        assertThatThrownBy(() -> KV.put("k", "v", PutOptions.defaults().withMetadata(new Object())))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("KV put() could not serialise the metadata as JSON: No serializer found");
    }

    @Test
    void aValueThatCannotBeSerialisedIsRefusedWithTheMappersReason() {
        assertThatThrownBy(() -> KV.putJson("k", new Object()))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("KV put() could not serialise the value as JSON: No serializer found");
    }

    @Test
    void bulkPutItemsAreCheckedWhenMade() {
        assertThatThrownBy(() -> KvBulkPut.of("", "v"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("Key name cannot be empty.");
        assertThatThrownBy(() -> KvBulkPut.of("k", (byte[]) null))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("KV put() accepts only");
        assertThatThrownBy(() -> KvBulkPut.of("k", "v", PutOptions.defaults().withExpirationTtl(10)))
                .isExactlyInstanceOf(KvException.class)
                .hasMessage("KV PUT failed: 400 Invalid expiration_ttl of 10. Expiration TTL must be at least 60.");
    }

    @Test
    void bulkCallsAndListsOfALoneSurrogateFindNothingWithoutAsking() {
        assertThat(KV.get(List.of("\uD800"))).hasSize(1).containsEntry("\uD800", null);
        assertThat(KV.list(ListOptions.defaults().withPrefix("\uD800")).listComplete())
                .isTrue();
        assertThat(KV.deleteBulk(List.of("\uD800")).successfulKeyCount()).isEqualTo(1);
    }

    @Test
    void emptyBulkWritesSendNothing() {
        assertThat(KV.putBulk(List.of())).isEqualTo(new KvBulkResult(0, List.of()));
        assertThat(KV.deleteBulk(List.of())).isEqualTo(new KvBulkResult(0, List.of()));
    }

    @Test
    void aRefusalAboutOneKeyNamesItAndAListPrefixNamesNone() {
        assertThatThrownBy(() -> KV.put(LONG_KEY, "v"))
                .isInstanceOfSatisfying(
                        KvException.class, e -> assertThat(e.key()).contains(LONG_KEY));
        assertThatThrownBy(() -> KV.get("k", GetOptions.defaults().withCacheTtl(1)))
                .isInstanceOfSatisfying(
                        KvException.class, e -> assertThat(e.key()).contains("k"));
        assertThatThrownBy(() -> KV.put("k", "v", PutOptions.defaults().withExpirationTtl(1)))
                .isInstanceOfSatisfying(
                        KvException.class, e -> assertThat(e.key()).contains("k"));
        assertThatThrownBy(() -> KV.get(List.of("a", "."), KvType.TEXT))
                .isInstanceOfSatisfying(
                        KvException.class, e -> assertThat(e.key()).contains("."));
        assertThatThrownBy(() ->
                        KV.get(List.of("a"), KvType.TEXT, GetOptions.defaults().withCacheTtl(1)))
                .isInstanceOfSatisfying(
                        KvException.class, e -> assertThat(e.key()).isEmpty());
        assertThatThrownBy(() -> KV.list(ListOptions.defaults().withPrefix(LONG_KEY)))
                .isInstanceOfSatisfying(
                        KvException.class, e -> assertThat(e.key()).isEmpty());
    }
}
