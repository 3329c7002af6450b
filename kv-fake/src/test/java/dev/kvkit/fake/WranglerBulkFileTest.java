package dev.kvkit.fake;

import static dev.kvkit.fake.Refusals.assertArgumentRefusal;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kvkit.PutOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Import and export of the file {@code wrangler kv bulk put} takes. */
class WranglerBulkFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestClock clock = TestClock.create();
    private final Instant start = clock.instant();
    private final long now = start.getEpochSecond();
    private final FakeKvNamespace kv = Namespaces.seeded(clock);

    /** Wraps items written with single quotes as a bulk file. */
    private static String file(String items) {
        return "[" + items.replace('\'', '"') + "]";
    }

    @Nested
    class Import {

        @Test
        void everyFieldIsApplied() {
            int stored = kv.importBulk(file("{'key':'text','value':'hello'},"
                    + "{'key':'binary','value':'/wAB','base64':true},"
                    + "{'key':'at','value':'v','expiration':" + (now + 600) + "},"
                    + "{'key':'ttl','value':'v','expiration_ttl':120},"
                    + "{'key':'described','value':'v','metadata':{'owner':'ada'}},"
                    + "{'key':'nulls','value':'v','expiration':null,'metadata':null,'base64':false}"));

            assertThat(stored).isEqualTo(6);
            assertThat(kv.get("text")).isEqualTo("hello");
            assertThat(kv.getBytes("binary")).containsExactly(0xFF, 0x00, 0x01);
            assertThat(kv.entry("at").orElseThrow().expiration()).contains(start.plusSeconds(600));
            assertThat(kv.entry("ttl").orElseThrow().expiration()).contains(start.plusSeconds(120));
            assertThat(kv.getWithMetadata("described").metadata().get("owner").asText())
                    .isEqualTo("ada");
            assertThat(kv.entry("nulls").orElseThrow().metadata()).isEmpty();
            assertThat(kv.entry("nulls").orElseThrow().expiration()).isEmpty();
        }

        @Test
        void anImportReplacesExistingRecordsWholly() {
            kv.importBulk(file("{'key':'existing','value':'imported'}"));

            assertThat(kv.entry(Namespaces.EXISTING).orElseThrow())
                    .hasToString("KvEntry[key=\"existing\", value=\"imported\"]");
        }

        @Test
        void theTtlWinsOverTheExpirationAsInAPut() {
            kv.importBulk(file("{'key':'k','value':'v','expiration':1,'expiration_ttl':60}"));

            assertThat(kv.entry("k").orElseThrow().expiration()).contains(start.plusSeconds(60));
        }

        @Test
        void aLaterItemForTheSameKeyWins() {
            int stored = kv.importBulk(file("{'key':'k','value':'first'},{'key':'k','value':'second'}"));

            assertThat(stored).isEqualTo(1);
            assertThat(kv.get("k")).isEqualTo("second");
        }

        @Test
        void aStreamIsReadAsUtf8() {
            kv.importBulk(
                    new ByteArrayInputStream(file("{'key':'é','value':'😀'}").getBytes(StandardCharsets.UTF_8)));

            assertThat(kv.get("é")).isEqualTo("😀");
        }

        @Test
        void aFileIsReadAsUtf8(@TempDir Path directory) throws IOException {
            Path bulk = Files.writeString(directory.resolve("bulk.json"), file("{'key':'é','value':'😀'}"));

            assertThat(kv.importBulk(bulk)).isEqualTo(1);
            assertThat(kv.get("é")).isEqualTo("😀");
        }

        @Test
        void anEmptyArrayImportsNothing() {
            assertThat(kv.importBulk("[]")).isZero();
        }
    }

    @Nested
    class BadFiles {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                an item that is not an object | 'text' | Bulk item 1: must be an object, but is: string
                an unknown field | {'key':'k','vlaue':'v'} | Bulk item 1: unknown field "vlaue"; allowed: key, value, base64, expiration, expiration_ttl, metadata
                no key | {'value':'v'} | Bulk item 1: "key" must be a string
                a key that is a number | {'key':1,'value':'v'} | Bulk item 1: "key" must be a string
                no value | {'key':'k'} | Bulk item 1: "value" must be a string
                a value that is an object | {'key':'k','value':{}} | Bulk item 1: "value" must be a string
                base64 that is a string | {'key':'k','value':'v','base64':'yes'} | Bulk item 1: "base64" must be true or false
                an expiration with a fraction | {'key':'k','value':'v','expiration':1.5} | Bulk item 1: "expiration" must be an integer number of seconds, but was: 1.5
                a ttl that is text | {'key':'k','value':'v','expiration_ttl':'60'} | Bulk item 1: "expiration_ttl" must be an integer number of seconds, but was: "60"
                an empty key | {'key':'','value':'v'} | Bulk item 1: Key name cannot be empty.
                a dot key | {'key':'.','value':'v'} | Bulk item 1: "." is not allowed as a key name.
                a short ttl | {'key':'k','value':'v','expiration_ttl':30} | Bulk item 1: KV PUT failed: 400 Invalid expiration_ttl of 30. Expiration TTL must be at least 60.
                an expiration in the past | {'key':'k','value':'v','expiration':5} | Bulk item 1: KV PUT failed: 400 Invalid expiration of 5. Please specify integer greater than the current number of seconds since the UNIX epoch.
                """)
        void aBadItemIsNamedByItsIndexAndNothingIsStored(String description, String badItem, String message) {
            String bulk = file("{'key':'good','value':'stored?'}," + badItem + ",{'key':'after','value':'v'}");

            assertArgumentRefusal(kv, () -> kv.importBulk(bulk), message);
        }

        @Test
        void metadataOverTheLimitIsNamedByIndex() {
            String bulk = file("{'key':'k','value':'v','metadata':'" + "x".repeat(1023) + "'}");

            assertArgumentRefusal(
                    kv,
                    () -> kv.importBulk(bulk),
                    "Bulk item 0: KV PUT failed: 413 Metadata length of 1025 exceeds limit of 1024.");
        }

        @Test
        void invalidBase64IsNamedByIndex() {
            IllegalArgumentException refusal = Refusals.assertRefusedWithoutChange(
                    kv,
                    () -> kv.importBulk(file("{'key':'k','value':'not base64!','base64':true}")),
                    IllegalArgumentException.class);

            assertThat(refusal).hasMessageStartingWith("Bulk item 0: \"value\" is not valid Base64: ");
        }

        @Test
        void aFileThatIsNotJsonIsRefused() {
            IllegalArgumentException refusal =
                    Refusals.assertRefusedWithoutChange(kv, () -> kv.importBulk("[{"), IllegalArgumentException.class);

            assertThat(refusal).hasMessageStartingWith("Bulk file is not JSON: ");
        }

        @Test
        void aFileThatIsNotAnArrayIsRefused() {
            assertArgumentRefusal(
                    kv,
                    () -> kv.importBulk("{\"key\":\"k\",\"value\":\"v\"}"),
                    "Bulk file must hold a JSON array of items, but holds: object");
        }

        @Test
        void aBadFileOnDiskIsNamedWithTheItemIndex(@TempDir Path directory) throws IOException {
            Path bulk = Files.writeString(
                    directory.resolve("bulk.json"), file("{'key':'good','value':'v'},{'key':'','value':'v'}"));

            assertArgumentRefusal(kv, () -> kv.importBulk(bulk), bulk + ": Bulk item 1: Key name cannot be empty.");
        }
    }

    @Nested
    class Export {

        @Test
        void exportWritesLiveEntriesInKeyOrderWithBinaryValuesInBase64() throws IOException {
            FakeKvNamespace fresh = FakeKvNamespace.builder().clock(clock).build();
            fresh.put("😀", "emoji");
            fresh.put("b", new byte[] {(byte) 0xFF, 0x00});
            fresh.put("a", "text", PutOptions.defaults().withExpirationTtl(60).withMetadata(Map.of("n", 1)));
            fresh.put("gone", "v", PutOptions.defaults().withExpirationTtl(60));
            fresh.delete("gone");

            JsonNode exported = JSON.readTree(fresh.exportBulk());

            assertThat(exported)
                    .isEqualTo(JSON.readTree(file("{'key':'a','value':'text','expiration':" + (now + 60)
                            + ",'metadata':{'n':1}},"
                            + "{'key':'b','value':'/wA=','base64':true},"
                            + "{'key':'😀','value':'emoji'}")));
        }

        @Test
        void anExportImportedAtTheSameInstantGivesTheSameEntries() {
            kv.put("binary", new byte[] {(byte) 0xC3, 0x28, 0x00});
            kv.put("empty", "");
            kv.put("json", "{\"a\":[1,2]}", PutOptions.defaults().withMetadata(new int[] {1, 2}));
            kv.put("later", "v", PutOptions.defaults().withExpiration(now + 3600));
            String exported = kv.exportBulk();

            FakeKvNamespace copy = FakeKvNamespace.builder().clock(clock).build();
            copy.importBulk(exported);

            assertThat(copy.exportBulk()).isEqualTo(exported);
            assertThat(copy.getBytes("binary")).containsExactly(0xC3, 0x28, 0x00);
            assertThat(copy.entries().keySet())
                    .containsExactlyElementsOf(kv.entries().keySet());
        }

        @Test
        void anEntryExpiringWithinTheMinimumCannotBeImportedAgain() {
            FakeKvNamespace fresh = FakeKvNamespace.builder().clock(clock).build();
            fresh.put("soon", "v", PutOptions.defaults().withExpirationTtl(60));
            clock.advance(Duration.ofSeconds(30));
            String exported = fresh.exportBulk();

            FakeKvNamespace copy = FakeKvNamespace.builder().clock(clock).build();
            assertArgumentRefusal(
                    copy,
                    () -> copy.importBulk(exported),
                    "Bulk item 0: KV PUT failed: 400 Invalid expiration of " + (now + 60)
                            + ". Expiration times must be at least 60 seconds in the future.");
        }

        @Test
        void anEmptyNamespaceExportsAnEmptyArray() throws IOException {
            assertThat(JSON.readTree(FakeKvNamespace.create().exportBulk())).isEqualTo(JSON.createArrayNode());
        }
    }
}
