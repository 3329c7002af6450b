package dev.kvkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.KvType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Text reads decode UTF-8 as a Worker does, by the WHATWG Encoding Standard: each maximal subpart
 * of an ill-formed sequence becomes one U+FFFD (Unicode 16, section 3.9, "U+FFFD Substitution of
 * Maximal Subparts"), which is not what {@code new String(bytes, UTF_8)} does.
 */
class Utf8DecodeTest {

    private static final char R = '\uFFFD';

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static Stream<Arguments> maximalSubparts() {
        return Stream.of(
                // Unicode 16, table 3-8: the example the standard gives
                Arguments.of("61 F1 80 80 E1 80 C2 62 80 63 80 BF 64", "a" + R + R + R + "b" + R + "c" + R + R + "d"),
                // surrogates encoded as three bytes: ED takes only 80..9F next
                Arguments.of("ED A0 80", "" + R + R + R),
                Arguments.of("ED BF BF", "" + R + R + R),
                Arguments.of("ED A0 80 ED B0 80", "" + R + R + R + R + R + R),
                // overlong forms: C0 and C1 never lead, E0 takes A0..BF next, F0 takes 90..BF next
                Arguments.of("C0 80", "" + R + R),
                Arguments.of("C1 BF", "" + R + R),
                Arguments.of("E0 80 80", "" + R + R + R),
                Arguments.of("E0 9F BF", "" + R + R + R),
                Arguments.of("F0 80 80 80", "" + R + R + R + R),
                Arguments.of("F0 8F BF BF", "" + R + R + R + R),
                // beyond U+10FFFF: F4 takes 80..8F next, F5..FF never lead
                Arguments.of("F4 90 80 80", "" + R + R + R + R),
                Arguments.of("F5 80 80 80", "" + R + R + R + R),
                Arguments.of("F8 88 80 80 80", "" + R + R + R + R + R),
                Arguments.of("FE FF", "" + R + R),
                // truncated sequences: the valid prefix is one maximal subpart
                Arguments.of("E2 82", "" + R),
                Arguments.of("E2 82 41", R + "A"),
                Arguments.of("F0 9F 98", "" + R),
                Arguments.of("F0 9F 98 41 F0 9F", R + "A" + R),
                Arguments.of("C2", "" + R),
                Arguments.of("C2 C2 80", R + "\u0080"),
                // lone continuation bytes, each on its own
                Arguments.of("80 BF 80", "" + R + R + R),
                // an encoded U+FFFD and a byte-order mark are text like any other
                Arguments.of("EF BF BD FF", "" + R + R),
                Arguments.of("EF BB BF 41", "\uFEFFA"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("maximalSubparts")
    void eachMaximalSubpartBecomesOneReplacementCharacter(String bytes, String text) {
        assertThat(Utf8.decode(hex(bytes))).isEqualTo(text);
    }

    static Stream<Arguments> boundaries() {
        return Stream.of(
                Arguments.of("00", "\u0000"),
                Arguments.of("7F", "\u007F"),
                Arguments.of("C2 80", "\u0080"),
                Arguments.of("DF BF", "\u07FF"),
                Arguments.of("E0 A0 80", "\u0800"),
                Arguments.of("ED 9F BF", "\uD7FF"),
                Arguments.of("EE 80 80", "\uE000"),
                Arguments.of("EF BF BF", "\uFFFF"),
                Arguments.of("F0 90 80 80", "\uD800\uDC00"),
                Arguments.of("F4 8F BF BF", "\uDBFF\uDFFF"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boundaries")
    void theFirstAndLastCodePointOfEveryRangeDecode(String bytes, String text) {
        assertThat(Utf8.decode(hex(bytes))).isEqualTo(text);
    }

    @Test
    void theJdkDecoderDiffersWhereWorkersDoesNot() {
        byte[] surrogate = hex("ED A0 80");

        assertThat(new String(surrogate, StandardCharsets.UTF_8)).isNotEqualTo(Utf8.decode(surrogate));
    }

    @Nested
    class AgainstTheDefinition {

        /** Bytes around every boundary of the well-formed table (Unicode table 3-7). */
        private static final byte[] ALPHABET =
                hex("00 41 7F 80 8F 90 9F A0 BF C0 C1 C2 DF E0 E1 EC ED EE EF F0 F1 F3 F4 F5 FF");

        @Test
        void everySequenceOfUpToFourInterestingBytesDecodesAsTheDefinitionSays() {
            int n = ALPHABET.length;
            for (int length = 0; length <= 4; length++) {
                int count = (int) Math.pow(n, length);
                for (int index = 0; index < count; index++) {
                    byte[] bytes = new byte[length];
                    for (int i = 0, rest = index; i < length; i++, rest /= n) {
                        bytes[i] = ALPHABET[rest % n];
                    }
                    assertDecodesAsDefined(bytes);
                }
            }
        }

        @Test
        void randomMixturesOfTextAndBrokenSequencesDecodeAsTheDefinitionSays() {
            Random random = new Random(20260730);
            List<String> pieces = List.of(
                    "41", "C3 A9", "E2 82 AC", "F0 9F 98 80", "E2 82", "F0 9F", "ED A0 80", "C0 AF", "FF", "80");
            for (int run = 0; run < 20_000; run++) {
                StringBuilder hex = new StringBuilder();
                for (int piece = random.nextInt(8); piece >= 0; piece--) {
                    hex.append(pieces.get(random.nextInt(pieces.size()))).append(' ');
                }
                assertDecodesAsDefined(hex(hex.toString()));
            }
        }

        /** Both the JDK's shortcut for well-formed input and the decoder itself. */
        private void assertDecodesAsDefined(byte[] bytes) {
            String expected = byDefinition(bytes);
            String hex = HexFormat.ofDelimiter(" ").formatHex(bytes);
            assertThat(Utf8.decode(bytes)).as("decoding %s", hex).isEqualTo(expected);
            assertThat(Utf8.decodeReplacingMaximalSubparts(bytes))
                    .as("decoding %s without the shortcut", hex)
                    .isEqualTo(expected);
        }

        /**
         * The definition, slowly: a well-formed sequence decodes; otherwise the longest prefix of a
         * well-formed sequence, or else one byte, becomes one U+FFFD.
         */
        private static String byDefinition(byte[] bytes) {
            StringBuilder text = new StringBuilder();
            int i = 0;
            while (i < bytes.length) {
                int taken = 0;
                for (int length = Math.min(4, bytes.length - i); length >= 1 && taken == 0; length--) {
                    String decoded = strictly(bytes, i, length);
                    if (decoded != null && decoded.codePointCount(0, decoded.length()) == 1) {
                        text.append(decoded);
                        taken = length;
                    }
                }
                if (taken == 0) {
                    taken = 1;
                    for (int length = Math.min(3, bytes.length - i); length >= 1; length--) {
                        if (startsAWellFormedSequence(bytes, i, length)) {
                            taken = length;
                            break;
                        }
                    }
                    text.append(R);
                }
                i += taken;
            }
            return text.toString();
        }

        private static final Map<String, Boolean> STARTS = new HashMap<>();

        /** Whether some continuation bytes complete these into one well-formed sequence. */
        private static boolean startsAWellFormedSequence(byte[] bytes, int from, int length) {
            return STARTS.computeIfAbsent(
                    HexFormat.of().formatHex(bytes, from, from + length),
                    prefix -> canBeCompleted(bytes, from, length));
        }

        private static boolean canBeCompleted(byte[] bytes, int from, int length) {
            // Every range in table 3-7 starts and ends at one of these bytes.
            byte[] endpoints = hex("80 8F 90 9F A0 BF");
            for (int more = 1; more <= 4 - length; more++) {
                int combinations = (int) Math.pow(endpoints.length, more);
                for (int index = 0; index < combinations; index++) {
                    byte[] candidate = new byte[length + more];
                    System.arraycopy(bytes, from, candidate, 0, length);
                    for (int j = 0, rest = index; j < more; j++, rest /= endpoints.length) {
                        candidate[length + j] = endpoints[rest % endpoints.length];
                    }
                    String decoded = strictly(candidate, 0, candidate.length);
                    if (decoded != null && decoded.codePointCount(0, decoded.length()) == 1) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static String strictly(byte[] bytes, int from, int length) {
            try {
                return StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, from, length))
                        .toString();
            } catch (CharacterCodingException e) {
                return null;
            }
        }
    }

    @Nested
    class TextReads {

        private final FakeKvNamespace kv = FakeKvNamespace.create();

        @Test
        void everyTextReadDecodesAsWorkersDoes() {
            kv.put("k", hex("61 ED A0 80 62"));
            String expected = "a" + R + R + R + "b";

            assertThat(kv.get("k")).isEqualTo(expected);
            assertThat(kv.getWithMetadata("k").value()).isEqualTo(expected);
            assertThat(kv.get(List.of("k"))).containsEntry("k", expected);
            assertThat(kv.getWithMetadata(List.of("k"), KvType.TEXT).get("k").value())
                    .isEqualTo(expected);
            assertThat(kv.location("syd").get("k")).isEqualTo(expected);
            assertThat(kv.entry("k").orElseThrow().valueAsText()).isEqualTo(expected);
        }
    }
}
