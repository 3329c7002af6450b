package dev.kvkit.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Percent-decoding, done once and strictly: RFC 3986 for path segments ({@code +} stays {@code +})
 * and form rules for query parameters ({@code +} is a space). An invalid escape or bytes that are
 * not UTF-8 are refused, never replaced, so a key is stored exactly as the client meant it or not
 * at all.
 *
 * <p>The JDK server reads the request line as ISO-8859-1, one char per byte, so a char up to
 * {@code U+00FF} in the raw text is one byte off the wire; higher chars (possible only from Java
 * callers) are taken as their UTF-8 bytes.
 */
final class PercentDecoding {

    /** A percent-escape left in a decoded key: the sign of a key encoded twice. */
    private static final Pattern ESCAPE = Pattern.compile("%[0-9A-Fa-f]{2}");

    private PercentDecoding() {}

    /** Decodes a path segment (or, for keys, the rest of the path) with RFC 3986 rules. */
    static String path(String raw) {
        return decode(raw, false);
    }

    /** Decodes a query parameter name or value with form rules. */
    static String query(String raw) {
        return decode(raw, true);
    }

    /** Returns whether decoded text still holds a percent-escape such as {@code %2F} or {@code %25}. */
    static boolean looksEncoded(String decoded) {
        return ESCAPE.matcher(decoded).find();
    }

    private static String decode(String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0 && !(plusIsSpace && raw.indexOf('+') >= 0) && isAscii(raw)) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new MalformedEncoding("incomplete percent-escape \"" + raw.substring(i) + "\"");
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new MalformedEncoding("invalid percent-escape \"" + raw.substring(i, i + 3) + "\"");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (plusIsSpace && c == '+') {
                bytes.write(' ');
            } else if (c <= 0xFF) {
                bytes.write(c);
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < raw.length()) {
                    utf8 = raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(utf8);
            }
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = utf8.decode(ByteBuffer.wrap(bytes.toByteArray()));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new MalformedEncoding("the percent-decoded bytes are not UTF-8");
        }
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** Text that is not valid percent-encoded UTF-8. */
    static final class MalformedEncoding extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        MalformedEncoding(String message) {
            super(message);
        }
    }
}
