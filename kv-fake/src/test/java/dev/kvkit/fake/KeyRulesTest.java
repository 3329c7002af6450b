package dev.kvkit.fake;

import static dev.kvkit.fake.Refusals.assertArgumentRefusal;
import static dev.kvkit.fake.Refusals.assertServiceRefusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.GetOptions;
import dev.kvkit.KvOperation;
import dev.kvkit.KvType;
import dev.kvkit.ListOptions;
import dev.kvkit.PutOptions;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec section "Keys": the checks of every single-key call, in order, and which odd keys are valid. */
class KeyRulesTest {

    private static final String KEY_OF_512_BYTES = "a".repeat(512);
    private static final String KEY_OF_513_BYTES = "a".repeat(513);

    private final TestClock clock = TestClock.create();
    private final FakeKvNamespace kv = Namespaces.seeded(clock);

    /** The single-key calls, each refusing the key it is given. */
    private List<Consumer<String>> singleKeyCalls() {
        return List.of(
                kv::get,
                kv::getWithMetadata,
                key -> kv.get(key, KvType.BYTES),
                key -> kv.put(key, "value"),
                key -> kv.put(key, new byte[] {1}),
                key -> kv.putJson(key, 1),
                kv::delete);
    }

    @Nested
    class EmptyKey {

        @Test
        void everySingleKeyCallRefusesAnEmptyKey() {
            for (Consumer<String> call : singleKeyCalls()) {
                assertArgumentRefusal(kv, () -> call.accept(""), "Key name cannot be empty.");
            }
        }
    }

    @Nested
    class DotKeys {

        @Test
        void everySingleKeyCallRefusesASingleDot() {
            for (Consumer<String> call : singleKeyCalls()) {
                assertArgumentRefusal(kv, () -> call.accept("."), "\".\" is not allowed as a key name.");
            }
        }

        @Test
        void everySingleKeyCallRefusesTwoDots() {
            for (Consumer<String> call : singleKeyCalls()) {
                assertArgumentRefusal(kv, () -> call.accept(".."), "\"..\" is not allowed as a key name.");
            }
        }

        @Test
        void threeDotsAreAValidKey() {
            kv.put("...", "dots");

            assertThat(kv.get("...")).isEqualTo("dots");
            assertThat(kv.keys()).contains("...");
        }
    }

    @Nested
    class KeyLength {

        @Test
        void getRefusesAKeyOver512BytesAsAGetFailure() {
            assertServiceRefusal(
                    kv,
                    () -> kv.get(KEY_OF_513_BYTES),
                    KvOperation.GET,
                    414,
                    "KV GET failed: 414 UTF-8 encoded length of 513 exceeds key length limit of 512.");
        }

        @Test
        void getWithMetadataReportsGetForAKeyOver512Bytes() {
            assertServiceRefusal(
                    kv,
                    () -> kv.getWithMetadata(KEY_OF_513_BYTES),
                    KvOperation.GET,
                    414,
                    "KV GET failed: 414 UTF-8 encoded length of 513 exceeds key length limit of 512.");
        }

        @Test
        void putRefusesAKeyOver512BytesAsAPutFailure() {
            assertServiceRefusal(
                    kv,
                    () -> kv.put(KEY_OF_513_BYTES, "value"),
                    KvOperation.PUT,
                    414,
                    "KV PUT failed: 414 UTF-8 encoded length of 513 exceeds key length limit of 512.");
        }

        @Test
        void deleteRefusesAKeyOver512BytesAsADeleteFailure() {
            assertServiceRefusal(
                    kv,
                    () -> kv.delete(KEY_OF_513_BYTES),
                    KvOperation.DELETE,
                    414,
                    "KV DELETE failed: 414 UTF-8 encoded length of 513 exceeds key length limit of 512.");
        }

        @Test
        void theLengthInTheMessageIsTheUtf8ByteCountNotTheCharCount() {
            String euros = "€".repeat(171); // 171 chars, 3 bytes each

            assertServiceRefusal(
                    kv,
                    () -> kv.put(euros, "value"),
                    KvOperation.PUT,
                    414,
                    "KV PUT failed: 414 UTF-8 encoded length of 513 exceeds key length limit of 512.");
        }

        @Test
        void aSupplementaryCharacterCountsFourBytes() {
            String emoji = "😀".repeat(129); // 258 chars, 516 bytes

            assertServiceRefusal(
                    kv,
                    () -> kv.get(emoji),
                    KvOperation.GET,
                    414,
                    "KV GET failed: 414 UTF-8 encoded length of 516 exceeds key length limit of 512.");
        }

        @Test
        void aKeyOfExactly512BytesIsAcceptedByEverySingleKeyCall() {
            String multiByte = "€".repeat(170) + "ab"; // 510 + 2 bytes

            for (String key : List.of(KEY_OF_512_BYTES, multiByte)) {
                kv.put(key, "at the limit");
                assertThat(kv.get(key)).isEqualTo("at the limit");
                assertThat(kv.getWithMetadata(key).value()).isEqualTo("at the limit");
                kv.delete(key);
                assertThat(kv.get(key)).isNull();
            }
        }

        @Test
        void aTooLongKeyWithALoneSurrogateFailsOnLengthFirst() {
            String key = "a".repeat(510) + "\uD800"; // the surrogate counts 3 bytes, as U+FFFD

            assertServiceRefusal(
                    kv,
                    () -> kv.put(key, "value"),
                    KvOperation.PUT,
                    414,
                    "KV PUT failed: 414 UTF-8 encoded length of 513 exceeds key length limit of 512.");
        }
    }

    @Nested
    class LoneSurrogates {

        @ParameterizedTest
        @ValueSource(strings = {"a\uD800", "\uDC00b", "\uDC00\uD800", "\uD83D"})
        void putRefusesAKeyThatCannotBeEncoded(String key) {
            assertServiceRefusal(
                    kv,
                    () -> kv.put(key, "value"),
                    KvOperation.PUT,
                    400,
                    "KV PUT failed: 400 Could not URL-decode key name");
        }

        @Test
        void putRefusesALoneSurrogateForEveryValueType() {
            assertServiceRefusal(
                    kv,
                    () -> kv.put("\uD800", new byte[0]),
                    KvOperation.PUT,
                    400,
                    "KV PUT failed: 400 Could not URL-decode key name");
            assertServiceRefusal(
                    kv,
                    () -> kv.putJson("\uD800", 1),
                    KvOperation.PUT,
                    400,
                    "KV PUT failed: 400 Could not URL-decode key name");
        }

        @Test
        void readsAndDeletesRefuseAKeyThatCannotBeEncodedAsMiniflareDoes() {
            String message = "KV GET failed: 400 Could not URL-decode key name";
            assertServiceRefusal(kv, () -> kv.get("a\uD800"), KvOperation.GET, 400, message);
            assertServiceRefusal(
                    kv, () -> kv.get("a\uD800", GetOptions.defaults().withCacheTtl(1)), KvOperation.GET, 400, message);
            assertServiceRefusal(kv, () -> kv.getWithMetadata("\uDC00b"), KvOperation.GET, 400, message);
            assertServiceRefusal(
                    kv,
                    () -> kv.delete("a\uD800"),
                    KvOperation.DELETE,
                    400,
                    "KV DELETE failed: 400 Could not URL-decode key name");
        }

        @Test
        void aBulkReadOfALoneSurrogateKeyFindsNothing() {
            assertThat(kv.get(List.of("a\uD800")))
                    .containsExactly(org.assertj.core.api.Assertions.entry("a\uD800", null));
        }
    }

    @Nested
    class ValidKeys {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "...",
                    " ",
                    "a b",
                    "/",
                    "a/b/",
                    "?",
                    "#",
                    "%",
                    "%20",
                    "\u0000",
                    "a\u0000b",
                    "😀",
                    "\uE000",
                    "\uFFFF",
                    "+",
                    "key\n",
                    "é"
                })
        void anOddButValidKeyRoundTripsByteExact(String key) {
            kv.put(key, "value of " + key, PutOptions.defaults().withMetadata(key));

            assertThat(kv.get(key)).isEqualTo("value of " + key);
            assertThat(kv.getWithMetadata(key).metadata().asText()).isEqualTo(key);
            assertThat(kv.list(ListOptions.defaults().withPrefix(key)).names())
                    .first()
                    .isEqualTo(key);
            kv.delete(key);
            assertThat(kv.get(key)).isNull();
        }

        @Test
        void keysAreCaseSensitive() {
            kv.put("Key", "upper");
            kv.put("key", "lower");

            assertThat(kv.get("Key")).isEqualTo("upper");
            assertThat(kv.get("key")).isEqualTo("lower");
        }

        @Test
        void keysAreByteExactNotUrlDecodedOrNormalised() {
            kv.put("%20", "percent");
            kv.put("e\u0301", "decomposed");

            assertThat(kv.get(" ")).isNull();
            assertThat(kv.get("é")).isNull();
            assertThat(kv.get("%20")).isEqualTo("percent");
            assertThat(kv.get("e\u0301")).isEqualTo("decomposed");
        }
    }

    @Nested
    class NullKeys {

        @Test
        void everySingleKeyCallRefusesANullKeyWithAClearMessage() {
            for (Consumer<String> call : singleKeyCalls()) {
                assertArgumentRefusal(kv, () -> call.accept(null), "Key name must not be null");
            }
        }

        @Test
        void theKeyIsCheckedBeforeTheValue() {
            assertArgumentRefusal(kv, () -> kv.put(null, (String) null), "Key name must not be null");
            assertArgumentRefusal(kv, () -> kv.put("", (String) null), "Key name cannot be empty.");
        }
    }
}
