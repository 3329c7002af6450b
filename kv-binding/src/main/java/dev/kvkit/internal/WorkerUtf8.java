package dev.kvkit.internal;

import java.nio.charset.StandardCharsets;

/**
 * Not API: UTF-8 as a Worker's encoder sees text, shared by kvkit's fake and its REST client so both
 * count and encode keys alike. A lone surrogate counts and encodes as U+FFFD, three bytes.
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
}
