package dev.kvkit.cloudflare;

import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding of one path segment or one query value: every UTF-8 byte outside the
 * unreserved set {@code A-Z a-z 0-9 - . _ ~} becomes {@code %XX}. That is stricter than the official
 * SDK (which leaves {@code :@!$&'()*+,;=} raw) and than {@code encodeURIComponent}, and it is what no
 * server can misread: {@code /}, {@code ?}, {@code #}, {@code %} and {@code +} all arrive as part of
 * the key, and a space is never a {@code +}.
 */
final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {}

    /** Encodes text without lone surrogates; callers make sure of that. */
    static String encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder encoded = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return encoded.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }
}
