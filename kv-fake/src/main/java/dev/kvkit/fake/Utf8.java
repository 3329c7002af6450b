package dev.kvkit.fake;

import dev.kvkit.internal.WorkerUtf8;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 as Workers sees it: lone surrogates count and encode as U+FFFD, three bytes, and ill-formed
 * bytes decode as the WHATWG Encoding Standard says.
 */
final class Utf8 {

    private Utf8() {}

    /** Encodes {@code text} as UTF-8, a lone surrogate becoming U+FFFD as a Worker's encoder does. */
    static byte[] encode(String text) {
        return WorkerUtf8.encode(text);
    }

    /** Returns {@code text} with each lone surrogate replaced by U+FFFD; see {@link WorkerUtf8#toWellFormed}. */
    static String toWellFormed(String text) {
        return WorkerUtf8.toWellFormed(text);
    }

    /**
     * Decodes UTF-8 as a Worker does (the WHATWG Encoding Standard's UTF-8 decoder): each maximal
     * subpart of an ill-formed sequence becomes one U+FFFD, so {@code ED A0 80} (an encoded
     * surrogate) is three of them. A byte-order mark is kept, as U+FEFF.
     */
    static String decode(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        // The JDK's decoder agrees on well-formed input, and replaces anything ill-formed with
        // U+FFFD (only not always one per maximal subpart): an answer without one is the answer.
        return text.indexOf('\uFFFD') < 0 ? text : decodeReplacingMaximalSubparts(bytes);
    }

    /** The Encoding Standard's UTF-8 decoder, step by step, with the replacement error mode. */
    static String decodeReplacingMaximalSubparts(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length);
        int needed = 0;
        int seen = 0;
        int codePoint = 0;
        int lower = 0x80;
        int upper = 0xBF;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (needed == 0) {
                if (b < 0x80) {
                    text.append((char) b);
                } else if (b >= 0xC2 && b <= 0xDF) {
                    needed = 1;
                    codePoint = b & 0x1F;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    lower = b == 0xE0 ? 0xA0 : 0x80; // no overlong forms
                    upper = b == 0xED ? 0x9F : 0xBF; // no surrogates
                    needed = 2;
                    codePoint = b & 0x0F;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    lower = b == 0xF0 ? 0x90 : 0x80; // no overlong forms
                    upper = b == 0xF4 ? 0x8F : 0xBF; // nothing beyond U+10FFFF
                    needed = 3;
                    codePoint = b & 0x07;
                } else {
                    text.append('\uFFFD'); // a continuation byte, C0, C1 or F5..FF: never a lead
                }
                continue;
            }
            if (b < lower || b > upper) {
                // The sequence so far is one maximal subpart; this byte starts afresh.
                text.append('\uFFFD');
                needed = 0;
                seen = 0;
                codePoint = 0;
                lower = 0x80;
                upper = 0xBF;
                i--;
                continue;
            }
            lower = 0x80;
            upper = 0xBF;
            codePoint = codePoint << 6 | b & 0x3F;
            if (++seen == needed) {
                text.appendCodePoint(codePoint);
                needed = 0;
                seen = 0;
                codePoint = 0;
            }
        }
        if (needed != 0) {
            text.append('\uFFFD'); // truncated at the end
        }
        return text.toString();
    }

    /** Returns whether {@code bytes} are well-formed UTF-8, so that text round-trips them. */
    static boolean isWellFormed(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
