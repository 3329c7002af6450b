package dev.kvkit.internal;

import java.nio.charset.StandardCharsets;

/**
 * Not API: UTF-8 as a Worker sees text, shared by kvkit's fake and its REST client so both count,
 * encode and decode alike. A lone surrogate counts and encodes as U+FFFD, three bytes; ill-formed
 * bytes decode as the WHATWG Encoding Standard says.
 */
public final class WorkerUtf8 {

    private WorkerUtf8() {}

    /**
     * Returns the UTF-8 length of {@code text}, counting a lone surrogate as U+FFFD.
     *
     * @param text the text
     * @return its length in UTF-8 bytes
     */
    public static int length(String text) {
        int bytes = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * Returns whether {@code text} holds a surrogate that is not half of a pair.
     *
     * @param text the text
     * @return whether a lone surrogate is in it
     */
    public static boolean hasLoneSurrogate(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Encodes {@code text} as UTF-8, a lone surrogate becoming U+FFFD as a Worker's encoder does.
     *
     * @param text the text
     * @return its UTF-8 bytes
     */
    public static byte[] encode(String text) {
        return toWellFormed(text).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Returns {@code text} with each lone surrogate replaced by U+FFFD, as JavaScript's {@code
     * String.prototype.toWellFormed()}: the text a Worker's UTF-8 encoder sees. For well-formed
     * strings, one starting with another is the same as its UTF-8 bytes starting with the other's.
     *
     * @param text the text
     * @return the text, well-formed
     */
    public static String toWellFormed(String text) {
        if (!hasLoneSurrogate(text)) {
            return text;
        }
        StringBuilder repaired = new StringBuilder(text.length());
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                repaired.append(c).append(text.charAt(++i));
            } else {
                repaired.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return repaired.toString();
    }

    /**
     * Decodes UTF-8 as a Worker does (the WHATWG Encoding Standard's UTF-8 decoder): each maximal
     * subpart of an ill-formed sequence becomes one U+FFFD, so {@code ED A0 80} (an encoded
     * surrogate) is three of them. A byte-order mark is kept, as U+FEFF.
     *
     * @param bytes the UTF-8 bytes, well-formed or not
     * @return the text a Worker reads from them
     */
    public static String decode(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        // The JDK's decoder agrees on well-formed input, and replaces anything ill-formed with
        // U+FFFD (only not always one per maximal subpart): an answer without one is the answer.
        return text.indexOf('\uFFFD') < 0 ? text : decodeReplacingMaximalSubparts(bytes);
    }

    /**
     * The Encoding Standard's UTF-8 decoder, step by step, with the replacement error mode.
     *
     * @param bytes the UTF-8 bytes
     * @return the decoded text
     */
    public static String decodeReplacingMaximalSubparts(byte[] bytes) {
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
}
