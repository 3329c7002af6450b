package dev.kvkit.junit.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kvkit.GetOptions;
import dev.kvkit.KvBinding;
import dev.kvkit.KvException;
import dev.kvkit.KvListKey;
import dev.kvkit.KvListPage;
import dev.kvkit.KvOperation;
import dev.kvkit.KvType;
import dev.kvkit.KvValueWithMetadata;
import dev.kvkit.ListOptions;
import dev.kvkit.PutOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The behaviour every {@link KvBinding} must share with Workers KV, written once: extend it, return a
 * fresh namespace from {@link #target()}, and run it. kvkit runs it against {@code FakeKvNamespace},
 * against {@code CloudflareKvBinding} talking to {@code KvApiServer}, and, given credentials, against
 * Cloudflare itself; run it against a binding of your own the same way.
 *
 * <pre>{@code
 * class MyBindingContractTest extends KvBindingContract {
 *     protected KvContractTarget target() {
 *         return KvContractTarget.of(new MyBinding(...), Instant::now);
 *     }
 * }
 * }</pre>
 *
 * <p>Every test checks Workers KV's exact message and that a refused call changed nothing. What a
 * target cannot do is stated by the target ({@link KvContractTarget}), never by skipping: without a
 * clock the suite can move, the expiry tests check the expiration the service reports.
 *
 * @since 0.1.0
 */
public abstract class KvBindingContract {

    private static final int MAX_VALUE_BYTES = 26_214_400;

    private KvContractTarget target;

    /** The binding under test, fresh for each test. */
    private KvBinding kv;

    /** For subclasses. */
    protected KvBindingContract() {}

    /**
     * Returns the target of one test: a binding to a fresh, empty namespace. Called before each test;
     * the target is closed after it.
     *
     * @return the target
     */
    protected abstract KvContractTarget target();

    /** Opens the test's target. */
    @BeforeEach
    final void openTarget() {
        target = target();
        kv = target.binding();
    }

    /** Closes the test's target; there is none when {@link #target()} aborted or failed. */
    @AfterEach
    final void closeTarget() {
        if (target != null) {
            target.close();
        }
    }

    // ------------------------------------------------------------------ helpers

    private static void refusedByBinding(String message, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }

    private static KvException refusedByService(KvOperation operation, int status, String reason, Executable call) {
        KvException e = assertThrows(KvException.class, call);
        assertEquals("KV " + operation + " failed: " + status + " " + reason, e.getMessage());
        assertEquals(operation, e.operation());
        assertEquals(status, e.status());
        return e;
    }

    private void putExisting() {
        kv.put(
                "existing",
                "old value",
                PutOptions.defaults().withExpirationTtl(3600).withMetadata(Map.of("v", 1)));
    }

    private void assertExistingUnchanged() {
        KvValueWithMetadata<String> read = kv.getWithMetadata("existing");
        assertEquals("old value", read.value());
        assertEquals(1, read.metadata().get("v").asInt());
        KvListKey listed =
                kv.list(ListOptions.defaults().withPrefix("existing")).keys().get(0);
        assertNotNull(listed.expiration(), "a refused write must not clear the expiration");
    }

    private long nowSeconds() {
        return target.now().getEpochSecond();
    }

    // ------------------------------------------------------------------ keys

    /** An empty key is refused by the binding, before any request. */
    @Test
    void anEmptyKeyIsRefusedByTheBinding() {
        refusedByBinding("Key name cannot be empty.", () -> kv.get(""));
        refusedByBinding("Key name cannot be empty.", () -> kv.put("", "v"));
        refusedByBinding("Key name cannot be empty.", () -> kv.delete(""));
    }

    /** {@code .} and {@code ..} are refused by the binding. */
    @Test
    void dotAndDotDotAreRefusedByTheBinding() {
        refusedByBinding("\".\" is not allowed as a key name.", () -> kv.put(".", "v"));
        refusedByBinding("\"..\" is not allowed as a key name.", () -> kv.get(".."));
    }

    /** A key of 513 UTF-8 bytes is refused with 414; 512 bytes are fine. */
    @Test
    void keysAreLimitedTo512Utf8Bytes() {
        String longest = "é".repeat(256);
        kv.put(longest, "v");
        assertEquals("v", kv.get(longest));
        refusedByService(
                KvOperation.PUT,
                414,
                "UTF-8 encoded length of 513 exceeds key length limit of 512.",
                () -> kv.put(longest + "x", "v"));
        refusedByService(
                KvOperation.GET,
                414,
                "UTF-8 encoded length of 513 exceeds key length limit of 512.",
                () -> kv.get(longest + "x"));
    }

    /** A key holding a lone surrogate cannot be encoded: every single-key call refuses it. */
    @Test
    void aKeyWithALoneSurrogateIsRefused() {
        refusedByService(KvOperation.PUT, 400, "Could not URL-decode key name", () -> kv.put("a\uD800b", "v"));
        refusedByService(KvOperation.GET, 400, "Could not URL-decode key name", () -> kv.get("a\uD800b"));
        refusedByService(KvOperation.GET, 400, "Could not URL-decode key name", () -> kv.getWithMetadata("\uDC00"));
        refusedByService(KvOperation.DELETE, 400, "Could not URL-decode key name", () -> kv.delete("a\uD800b"));
        assertTrue(kv.list().keys().isEmpty());
    }

    /** Every other key arrives byte-exact, whatever it holds. */
    @Test
    void everyOtherKeyRoundTripsByteExact() {
        List<String> keys = List.of(
                "a/b c?d%e#f:g@h!i+j&k=l",
                "...",
                "%2F",
                "%252F",
                "a+b",
                " leading and trailing ",
                "tab\tnewline\n",
                "nul\u0000",
                "emoji \uD83D\uDE00",
                "日本語",
                "~!$&'()*,;=");
        for (String key : keys) {
            kv.put(key, "value of " + key);
        }
        for (String key : keys) {
            assertEquals("value of " + key, kv.get(key), () -> "key " + key);
        }
        assertEquals(
                keys.stream().sorted(KvBindingContract::utf8Order).collect(Collectors.toList()),
                kv.list().names());
    }

    // ------------------------------------------------------------------ values

    /** Text, bytes, a stream and JSON all come back as written. */
    @Test
    void everyValueTypeRoundTrips() throws IOException {
        kv.put("text", "héllo \uD83D\uDE00");
        kv.put("bytes", new byte[] {0, (byte) 0xff, 1});
        kv.put("stream", new ByteArrayInputStream("streamed".getBytes(StandardCharsets.UTF_8)));
        kv.putJson("json", Map.of("name", "ada", "admin", true));
        kv.put("empty", "");

        assertEquals("héllo \uD83D\uDE00", kv.get("text"));
        assertArrayEquals(new byte[] {0, (byte) 0xff, 1}, kv.get("bytes", KvType.BYTES));
        try (InputStream in = kv.get("stream", KvType.STREAM)) {
            assertEquals("streamed", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        JsonNode json = kv.get("json", KvType.JSON);
        assertEquals("ada", json.get("name").asText());
        assertTrue(json.get("admin").asBoolean());
        assertEquals("", kv.get("empty"));
    }

    /** A missing key reads as null for every type. */
    @Test
    void aMissingKeyIsNullForEveryType() {
        assertNull(kv.get("missing"));
        assertNull(kv.get("missing", KvType.BYTES));
        assertNull(kv.get("missing", KvType.JSON));
        assertNull(kv.get("missing", KvType.STREAM));
        KvValueWithMetadata<String> read = kv.getWithMetadata("missing");
        assertNull(read.value());
        assertNull(read.metadata());
    }

    /** A value of exactly 25 MiB is stored; one byte more is refused with 413 and changes nothing. */
    @Test
    void valuesAreLimitedTo25MiB() {
        putExisting();
        byte[] limit = new byte[MAX_VALUE_BYTES];
        kv.put("big", limit);
        assertEquals(MAX_VALUE_BYTES, kv.get("big", KvType.BYTES).length);

        refusedByService(
                KvOperation.PUT,
                413,
                "Value length of 26214401 exceeds limit of 26214400.",
                () -> kv.put("existing", new byte[MAX_VALUE_BYTES + 1]));
        assertExistingUnchanged();
    }

    /** Text that is not valid UTF-8 reads with U+FFFD in place of the bad bytes. */
    @Test
    void invalidUtf8ReadsAsReplacementCharacters() {
        kv.put("bad", new byte[] {'a', (byte) 0xff, 'b'});

        assertEquals("a\uFFFDb", kv.get("bad"));
    }

    /** A JSON read of a value that is not JSON fails. */
    @Test
    void aJsonReadOfTextThatIsNotJsonFails() {
        kv.put("text", "not json");

        assertThrows(UncheckedIOException.class, () -> kv.get("text", KvType.JSON));
    }

    // ------------------------------------------------------------------ metadata

    /** Metadata comes back parsed, and a write without metadata clears it. */
    @Test
    void metadataRoundTripsAndAPlainWriteClearsIt() {
        kv.put("k", "v", PutOptions.defaults().withMetadata(Map.of("owner", "ada", "n", 3)));

        KvValueWithMetadata<String> read = kv.getWithMetadata("k");
        assertEquals("v", read.value());
        assertEquals("ada", read.metadata().get("owner").asText());
        assertEquals(3, read.metadata().get("n").asInt());
        assertEquals("ada", kv.list().keys().get(0).metadata().get("owner").asText());

        kv.put("k", "v2");
        assertNull(kv.getWithMetadata("k").metadata());
    }

    /** Metadata of 1024 serialised bytes is stored; 1025 are refused with 413 and change nothing. */
    @Test
    void metadataIsLimitedTo1024Bytes() {
        putExisting();
        String fits = "x".repeat(1022); // a JSON string counts its quotes
        kv.put("k", "v", PutOptions.defaults().withMetadata(fits));
        assertEquals(fits, kv.getWithMetadata("k").metadata().asText());

        refusedByService(
                KvOperation.PUT,
                413,
                "Metadata length of 1025 exceeds limit of 1024.",
                () -> kv.put("existing", "new", PutOptions.defaults().withMetadata(fits + "y")));
        assertExistingUnchanged();
    }

    // ------------------------------------------------------------------ expiration

    /** A TTL under 60 seconds, or not positive, is refused with the service's texts. */
    @Test
    void ttlsUnder60SecondsAreRefused() {
        putExisting();
        refusedByService(
                KvOperation.PUT,
                400,
                "Invalid expiration_ttl of 59. Expiration TTL must be at least 60.",
                () -> kv.put("existing", "new", PutOptions.defaults().withExpirationTtl(59)));
        refusedByService(
                KvOperation.PUT,
                400,
                "Invalid expiration_ttl of 0. Please specify integer greater than 0.",
                () -> kv.put("existing", "new", PutOptions.defaults().withExpirationTtl(0)));
        assertExistingUnchanged();
    }

    /** An absolute expiration must lie at least 60 seconds in the future. */
    @Test
    void expirationsLessThan60SecondsAheadAreRefused() {
        putExisting();
        long now = nowSeconds();
        refusedByService(
                KvOperation.PUT,
                400,
                "Invalid expiration of " + now
                        + ". Please specify integer greater than the current number of seconds since the UNIX epoch.",
                () -> kv.put("existing", "new", PutOptions.defaults().withExpiration(now)));
        refusedByService(
                KvOperation.PUT,
                400,
                "Invalid expiration of " + (now + 30) + ". Expiration times must be at least 60 seconds in the future.",
                () -> kv.put("existing", "new", PutOptions.defaults().withExpiration(now + 30)));
        assertExistingUnchanged();
    }

    /** A TTL write expires after its TTL: watched on a movable clock, read from the list otherwise. */
    @Test
    void aTtlWriteExpiresAfterItsTtl() {
        long before = nowSeconds();
        kv.put("session", "ada", PutOptions.defaults().withExpirationTtl(120));
        long after = nowSeconds();

        Long expiration = kv.list().keys().get(0).expiration();
        assertNotNull(expiration);
        assertTrue(
                expiration >= before + 120 && expiration <= after + 120,
                () -> "expiration " + expiration + " should be now + 120 (" + (before + 120) + ")");
        target.clock().ifPresent(advance -> {
            advance.accept(Duration.ofSeconds(119));
            assertEquals("ada", kv.get("session"));
            advance.accept(Duration.ofSeconds(1));
            assertNull(kv.get("session"));
            assertTrue(kv.list().keys().isEmpty(), "an expired key is not listed");
        });
    }

    /** An absolute expiration is kept as given; a write without one clears it. */
    @Test
    void anAbsoluteExpirationIsKeptAndAPlainWriteClearsIt() {
        long expiration = nowSeconds() + 3600;
        kv.put("k", "v", PutOptions.defaults().withExpiration(expiration));
        assertEquals(expiration, kv.list().keys().get(0).expiration());

        kv.put("k", "v2");
        assertNull(kv.list().keys().get(0).expiration());
        target.clock().ifPresent(advance -> {
            advance.accept(Duration.ofHours(2));
            assertEquals("v2", kv.get("k"));
        });
    }

    /** When both are given, the TTL wins and the expiration is ignored, even an invalid one. */
    @Test
    void theTtlWinsOverAnExpiration() {
        long before = nowSeconds();
        kv.put("k", "v", PutOptions.defaults().withExpirationTtl(600).withExpiration(1));

        long expiration = kv.list().keys().get(0).expiration();
        assertTrue(expiration >= before + 600 && expiration <= nowSeconds() + 600);
    }

    // ------------------------------------------------------------------ reads

    /** A cacheTtl under 30 seconds is refused, for missing keys too. */
    @Test
    void aCacheTtlUnder30SecondsIsRefused() {
        refusedByService(
                KvOperation.GET,
                400,
                "Invalid cache_ttl of 29. Cache TTL must be at least 30.",
                () -> kv.get("missing", GetOptions.defaults().withCacheTtl(29)));
        kv.put("k", "v");
        assertEquals("v", kv.get("k", GetOptions.defaults().withCacheTtl(30)));
    }

    // ------------------------------------------------------------------ bulk reads

    /** A bulk read answers in request order, duplicates collapsed, missing keys null. */
    @Test
    void aBulkReadAnswersInRequestOrder() {
        kv.put("b", "2");
        kv.put("a", "1");

        Map<String, String> values = kv.get(List.of("b", "missing", "a", "b"));

        assertEquals(List.of("b", "missing", "a"), new ArrayList<>(values.keySet()));
        assertEquals("2", values.get("b"));
        assertNull(values.get("missing"));
        assertEquals("1", values.get("a"));
    }

    /** A bulk read with metadata gives value and metadata per key. */
    @Test
    void aBulkReadWithMetadataGivesBoth() {
        kv.put("k", "{\"n\": 1}", PutOptions.defaults().withMetadata(Map.of("owner", "ada")));

        Map<String, KvValueWithMetadata<JsonNode>> values = kv.getWithMetadata(List.of("k", "missing"), KvType.JSON);

        assertNull(values.get("missing"));
        assertEquals(1, values.get("k").value().get("n").asInt());
        assertEquals("ada", values.get("k").metadata().get("owner").asText());
    }

    /** A bulk read of JSON parses each value. */
    @Test
    void aBulkJsonReadParsesEachValue() {
        kv.putJson("k", Map.of("n", 1));

        assertEquals(1, kv.get(List.of("k"), KvType.JSON).get("k").get("n").asInt());
    }

    /** A bulk read takes 1 to 100 keys, text or JSON, with the service's texts otherwise. */
    @Test
    void aBulkReadTakesOneTo100KeysOfTextOrJson() {
        List<String> hundred = IntStream.range(0, 100).mapToObj(i -> "k" + i).collect(Collectors.toList());
        assertEquals(100, kv.get(hundred).size());

        List<String> tooMany = new ArrayList<>(hundred);
        tooMany.add("k100");
        refusedByService(KvOperation.GET_BULK, 400, "You can request a maximum of 100 keys", () -> kv.get(tooMany));
        refusedByService(KvOperation.GET_BULK, 400, "You must request a minimum of 1 key", () -> kv.get(List.of()));
        refusedByService(
                KvOperation.GET_BULK,
                400,
                "\"arrayBuffer\" is not a valid type. Use \"json\" or \"text\"",
                () -> kv.get(List.of("k"), KvType.BYTES));
    }

    /** A bulk read checks each key's name with its own texts. */
    @Test
    void aBulkReadChecksKeyNames() {
        refusedByService(KvOperation.GET_BULK, 400, "Key names must not be empty", () -> kv.get(List.of("a", "")));
        refusedByService(
                KvOperation.GET_BULK,
                400,
                "Illegal key name \"..\". Please use a different name.",
                () -> kv.get(List.of("..")));
        refusedByService(
                KvOperation.GET_BULK,
                414,
                "UTF-8 encoded length of 513 exceeds key length limit of 512.",
                () -> kv.get(List.of("k".repeat(513))));
    }

    /** A bulk JSON read of a value that is not JSON is refused. */
    @Test
    void aBulkJsonReadOfTextIsRefused() {
        kv.put("text", "not json");

        refusedByService(
                KvOperation.GET_BULK,
                400,
                "At least one of the requested keys corresponds to a non-json value",
                () -> kv.get(List.of("text"), KvType.JSON));
    }

    /**
     * A bulk read checks key by key, in request order: the key's name, then the cacheTtl, then (JSON)
     * whether its value parses; the first refusal is the one reported.
     */
    @Test
    void aBulkReadChecksKeyByKeyInRequestOrder() {
        kv.put("n", "1");
        kv.put("text", "not json");
        GetOptions shortCache = GetOptions.defaults().withCacheTtl(10);
        String notJson = "At least one of the requested keys corresponds to a non-json value";

        refusedByService(
                KvOperation.GET_BULK,
                400,
                "Invalid cache_ttl of 10. Cache TTL must be at least 30.",
                () -> kv.get(List.of("a", ""), shortCache));
        refusedByService(
                KvOperation.GET_BULK, 400, "Key names must not be empty", () -> kv.get(List.of("", "a"), shortCache));
        refusedByService(KvOperation.GET_BULK, 400, notJson, () -> kv.get(List.of("n", "text", ""), KvType.JSON));
        refusedByService(
                KvOperation.GET_BULK,
                400,
                "Key names must not be empty",
                () -> kv.get(List.of("n", "", "text"), KvType.JSON));
        refusedByService(
                KvOperation.GET_BULK, 400, notJson, () -> kv.getWithMetadata(List.of("text", "."), KvType.JSON));

        assertEquals("not json", kv.get("text"));
        assertEquals("1", kv.get("n"));
    }

    // ------------------------------------------------------------------ lists

    /** Keys are listed in UTF-8 byte order, not in Java's UTF-16 order. */
    @Test
    void keysAreListedInUtf8ByteOrder() {
        List<String> keys = List.of("\uFFFF", "\uD83D\uDE00", "a", "B", "é", "a/b", "a.b");
        keys.forEach(key -> kv.put(key, "v"));

        assertEquals(
                keys.stream().sorted(KvBindingContract::utf8Order).collect(Collectors.toList()),
                kv.list().names());
    }

    /** A prefix selects keys; pages follow each other through cursors until the list is complete. */
    @Test
    void pagesFollowTheirCursorsToTheEnd() {
        for (int i = 0; i < 25; i++) {
            kv.put(String.format("user:%02d", i), "v");
        }
        kv.put("other", "v");

        List<String> names = new ArrayList<>();
        ListOptions options = ListOptions.defaults().withPrefix("user:").withLimit(10);
        KvListPage page;
        int pages = 0;
        do {
            page = kv.list(options);
            names.addAll(page.names());
            pages++;
            if (!page.listComplete()) {
                options = options.withCursor(page.cursor());
            }
        } while (!page.listComplete() && pages < 100);

        assertTrue(page.listComplete());
        assertEquals(25, names.size());
        assertEquals(names.stream().sorted().collect(Collectors.toList()), names);
        assertTrue(names.stream().allMatch(name -> name.startsWith("user:")));
    }

    /** A list limit over 1000 is refused. */
    @Test
    void aListLimitOver1000IsRefused() {
        refusedByService(
                KvOperation.GET,
                400,
                "Invalid key_count_limit of 1001. Please specify an integer less than 1000.",
                () -> kv.list(ListOptions.defaults().withLimit(1001)));
    }

    /** The walk over every page finds every key. */
    @Test
    void listAllFindsEveryKey() {
        for (int i = 0; i < 30; i++) {
            kv.put("k" + i, "v");
        }

        assertEquals(30, kv.listAll(ListOptions.defaults().withLimit(7)).count());
    }

    // ------------------------------------------------------------------ deletes and overwrites

    /** A delete removes the key; deleting a missing key succeeds. */
    @Test
    void deleteRemovesAndIsIdempotent() {
        kv.put("k", "v");
        kv.delete("k");
        kv.delete("k");
        kv.delete("never-there");

        assertNull(kv.get("k"));
        assertTrue(kv.list().keys().isEmpty());
    }

    /** The last write wins, replacing value, metadata and expiration together. */
    @Test
    void theLastWriteReplacesTheWholeRecord() {
        putExisting();
        kv.put("existing", "new value");

        KvValueWithMetadata<String> read = kv.getWithMetadata("existing");
        assertEquals("new value", read.value());
        assertNull(read.metadata());
        assertNull(kv.list().keys().get(0).expiration());
        assertFalse(kv.list().keys().isEmpty());
    }

    private static int utf8Order(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
