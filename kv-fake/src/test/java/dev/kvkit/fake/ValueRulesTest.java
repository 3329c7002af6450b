package dev.kvkit.fake;

import static dev.kvkit.fake.Refusals.assertArgumentRefusal;
import static dev.kvkit.fake.Refusals.assertRefusedWithoutChange;
import static dev.kvkit.fake.Refusals.assertServiceRefusal;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import dev.kvkit.KvListKey;
import dev.kvkit.KvOperation;
import dev.kvkit.KvType;
import dev.kvkit.ListOptions;
import dev.kvkit.PutOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Spec section "Values": the value types, empty values, the size limit, and whole-record replacement. */
class ValueRulesTest {

    private static final int CLOUDFLARE_LIMIT = 26_214_400;

    private final TestClock clock = TestClock.create();
    private final FakeKvNamespace kv = Namespaces.seeded(clock);

    record Todo(String title, boolean done) {}

    @Nested
    class ValueTypes {

        @Test
        void textIsStoredAsUtf8() {
            kv.put("text", "héllo 😀");

            assertThat(kv.getBytes("text")).isEqualTo("héllo 😀".getBytes(StandardCharsets.UTF_8));
            assertThat(kv.get("text")).isEqualTo("héllo 😀");
        }

        @Test
        void bytesAreCopiedOnPutAndOnRead() {
            byte[] value = {1, 2, 3};
            kv.put("bytes", value);
            value[0] = 9;
            kv.getBytes("bytes")[1] = 9;

            assertThat(kv.getBytes("bytes")).containsExactly(1, 2, 3);
        }

        @Test
        void aStreamIsReadToItsEndAndLeftOpen() throws IOException {
            boolean[] closed = {false};
            InputStream stream = new ByteArrayInputStream("streamed".getBytes(StandardCharsets.UTF_8)) {
                @Override
                public void close() {
                    closed[0] = true;
                }
            };

            kv.put("stream", stream);

            assertThat(kv.get("stream")).isEqualTo("streamed");
            assertThat(stream.available()).isZero();
            assertThat(closed[0]).isFalse();
        }

        @Test
        void anObjectIsStoredAsItsJsonText() {
            kv.putJson("todo", new Todo("Buy milk", false));

            assertThat(kv.get("todo")).isEqualTo("{\"title\":\"Buy milk\",\"done\":false}");
            assertThat(kv.getJson("todo", Todo.class)).isEqualTo(new Todo("Buy milk", false));
        }

        @Test
        void aStringWrittenAsJsonKeepsItsQuotes() {
            kv.putJson("quoted", "text");

            assertThat(kv.get("quoted")).isEqualTo("\"text\"");
            assertThat(kv.getJson("quoted").asText()).isEqualTo("text");
        }

        @Test
        void aValueThatCannotBeSerialisedIsRefusedWithJacksonsReason() {
            IllegalArgumentException refusal = assertRefusedWithoutChange(
                    kv, () -> kv.putJson(Namespaces.EXISTING, new Object()), IllegalArgumentException.class);

            assertThat(refusal.getCause()).isInstanceOf(InvalidDefinitionException.class);
            assertThat(refusal)
                    .hasMessage("KV put() could not serialise the value as JSON: "
                            + refusal.getCause().getMessage());
        }

        @Test
        void aStreamThatFailsIsReportedAndChangesNothing() {
            InputStream failing = new InputStream() {
                @Override
                public int read() throws IOException {
                    throw new IOException("disk gone");
                }
            };

            UncheckedIOException refusal = assertRefusedWithoutChange(
                    kv, () -> kv.put(Namespaces.EXISTING, failing), UncheckedIOException.class);

            assertThat(refusal).hasMessage("KV put() could not read the value stream");
            assertThat(refusal.getCause()).hasMessage("disk gone");
        }
    }

    @Nested
    class NullValues {

        private static final String MESSAGE =
                "KV put() accepts only text, bytes, a stream or a JSON-serialisable object as a value, but was: null";

        @Test
        void everyPutRefusesANullValue() {
            assertArgumentRefusal(kv, () -> kv.put(Namespaces.EXISTING, (String) null), MESSAGE);
            assertArgumentRefusal(kv, () -> kv.put(Namespaces.EXISTING, (byte[]) null), MESSAGE);
            assertArgumentRefusal(kv, () -> kv.put(Namespaces.EXISTING, (InputStream) null), MESSAGE);
            assertArgumentRefusal(kv, () -> kv.putJson(Namespaces.EXISTING, null), MESSAGE);
        }

        @Test
        void nullOptionsAreRefused() {
            assertArgumentRefusal(kv, () -> kv.put(Namespaces.EXISTING, "v", null), "options must not be null");
        }
    }

    @Nested
    class EmptyValues {

        @Test
        void anEmptyTextIsStoredAndReadBackEmpty() {
            kv.put("empty", "");

            assertThat(kv.get("empty")).isEmpty();
            assertThat(kv.getBytes("empty")).isEmpty();
            assertThat(kv.keys()).contains("empty");
        }

        @Test
        void emptyBytesAndAnEmptyStreamAreStored() {
            kv.put("bytes", new byte[0]);
            kv.put("stream", InputStream.nullInputStream());

            assertThat(kv.get("bytes", KvType.BYTES)).isEmpty();
            assertThat(kv.get("stream")).isEmpty();
        }
    }

    @Nested
    class SizeLimit {

        @Test
        void aValueOfExactly25MebibytesIsAccepted() {
            kv.put("large", new byte[CLOUDFLARE_LIMIT]);

            assertThat(kv.entry("large")).get().extracting(KvEntry::valueSize).isEqualTo(CLOUDFLARE_LIMIT);
        }

        @Test
        void aValueOneByteOver25MebibytesIsRefused() {
            assertServiceRefusal(
                    kv,
                    () -> kv.put(Namespaces.EXISTING, new byte[CLOUDFLARE_LIMIT + 1]),
                    KvOperation.PUT,
                    413,
                    "KV PUT failed: 413 Value length of 26214401 exceeds limit of 26214400.");
        }

        @Test
        void textIsCountedInUtf8BytesNotChars() {
            FakeKvNamespace small = Namespaces.seeded(
                    clock, KvLimits.cloudflare().toBuilder().maxValueBytes(16).build());

            small.put("fits", "éééééééé"); // 8 chars, 16 bytes
            assertServiceRefusal(
                    small,
                    () -> small.put(Namespaces.EXISTING, "éééééééé!"),
                    KvOperation.PUT,
                    413,
                    "KV PUT failed: 413 Value length of 17 exceeds limit of 16.");
            assertThat(small.get("fits")).isEqualTo("éééééééé");
        }

        @Test
        void streamsAndJsonValuesAreCountedByTheirBytes() {
            FakeKvNamespace small = Namespaces.seeded(
                    clock, KvLimits.cloudflare().toBuilder().maxValueBytes(16).build());

            assertServiceRefusal(
                    small,
                    () -> small.put(Namespaces.EXISTING, new ByteArrayInputStream(new byte[17])),
                    KvOperation.PUT,
                    413,
                    "KV PUT failed: 413 Value length of 17 exceeds limit of 16.");
            assertServiceRefusal(
                    small,
                    () -> small.putJson(Namespaces.EXISTING, List.of(10, 20, 30, 40, 500)), // [10,20,30,40,500]
                    KvOperation.PUT,
                    413,
                    "KV PUT failed: 413 Value length of 17 exceeds limit of 16.");
        }
    }

    @Nested
    class WholeRecordReplacement {

        @Test
        void aPutWithoutMetadataClearsTheOldMetadata() {
            kv.put(Namespaces.EXISTING, "new value");

            assertThat(kv.getWithMetadata(Namespaces.EXISTING).metadata()).isNull();
            assertThat(kv.entry(Namespaces.EXISTING).orElseThrow().metadata()).isEmpty();
        }

        @Test
        void aPutWithoutExpirationClearsTheOldExpiration() {
            kv.put(Namespaces.EXISTING, "new value", PutOptions.defaults().withMetadata(Map.of("version", 2)));

            assertThat(kv.list().keys())
                    .contains(new KvListKey(
                            Namespaces.EXISTING, null, kv.objectMapper().valueToTree(Map.of("version", 2))));
            assertThat(kv.entriesAt(Instant.parse("2030-01-01T00:00:00Z"))).containsKey(Namespaces.EXISTING);
        }

        @Test
        void aPutWithOnlyATtlReplacesMetadataAndExpiration() {
            kv.put(Namespaces.EXISTING, "new value", PutOptions.defaults().withExpirationTtl(120));

            KvListKey listed = kv.list(ListOptions.defaults().withPrefix(Namespaces.EXISTING))
                    .keys()
                    .get(0);
            assertThat(listed.metadata()).isNull();
            assertThat(listed.expiration()).isEqualTo(clock.instant().getEpochSecond() + 120);
        }

        @Test
        void aPutOfAnotherValueTypeReplacesTheValue() {
            kv.put("k", "text");
            kv.put("k", new byte[] {(byte) 0xFF});

            assertThat(kv.getBytes("k")).containsExactly(0xFF);
        }
    }
}
