package dev.kvkit.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body (RFC 7578), split into its parts. Every malformed shape (no
 * boundary, no closing delimiter, a part without headers or a name) is a 400, never a 5xx.
 */
final class Multipart {

    private static final Pattern BOUNDARY = Pattern.compile("(?i);\\s*boundary=(\"([^\"]*)\"|([^;\\s]+))");
    private static final Pattern NAME = Pattern.compile("(?i);\\s*name=(\"((?:[^\"\\\\]|\\\\.)*)\"|([^;\\s]+))");
    private static final Pattern FILENAME =
            Pattern.compile("(?i);\\s*filename=(\"((?:[^\"\\\\]|\\\\.)*)\"|([^;\\s]+))");
    private static final byte[] CRLF_CRLF = {'\r', '\n', '\r', '\n'};

    private Multipart() {}

    /**
     * One part.
     *
     * @param name the form field name
     * @param filename the file name, or {@code null} for a text field
     * @param contentType the part's content type, or {@code null} when it has none
     * @param body the part's bytes
     */
    record Part(String name, String filename, String contentType, byte[] body) {

        /** A short description for the journal, such as {@code value (file "blob", application/octet-stream, 5 bytes)}. */
        String summary() {
            StringBuilder text = new StringBuilder(name).append(" (");
            text.append(filename == null ? "text" : "file \"" + filename + "\"");
            if (contentType != null) {
                text.append(", ").append(contentType);
            }
            return text.append(", ").append(body.length).append(" bytes)").toString();
        }
    }

    static boolean isMultipart(String contentType) {
        return contentType != null
                && contentType.trim().toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    static List<Part> parse(String contentType, byte[] body) {
        Matcher boundaryMatch = BOUNDARY.matcher(contentType);
        if (!boundaryMatch.find()) {
            throw malformed("the Content-Type has no boundary");
        }
        String boundaryText = boundaryMatch.group(2) != null ? boundaryMatch.group(2) : boundaryMatch.group(3);
        if (boundaryText.isEmpty() || boundaryText.length() > 200) {
            throw malformed("the boundary is empty or too long");
        }
        byte[] delimiter = ("--" + boundaryText).getBytes(StandardCharsets.ISO_8859_1);
        int start = indexOf(body, delimiter, 0);
        if (start < 0) {
            throw malformed("the body does not contain the boundary");
        }
        List<Part> parts = new ArrayList<>();
        int position = start + delimiter.length;
        while (true) {
            if (startsWith(body, position, new byte[] {'-', '-'})) {
                return parts; // the closing delimiter; an epilogue after it is ignored
            }
            position = skipLineEnd(body, position);
            int headersEnd = indexOf(body, CRLF_CRLF, position);
            int next = indexOf(body, concat(new byte[] {'\r', '\n'}, delimiter), position);
            if (next < 0) {
                throw malformed("the body ends before the closing boundary");
            }
            String headers;
            int bodyStart;
            if (startsWith(body, position, new byte[] {'\r', '\n'})) {
                headers = ""; // a part without headers
                bodyStart = position + 2;
            } else if (headersEnd < 0 || headersEnd > next) {
                throw malformed("a part has no blank line after its headers");
            } else {
                headers = new String(body, position, headersEnd - position, StandardCharsets.UTF_8);
                bodyStart = headersEnd + 4;
            }
            parts.add(part(headers, Arrays.copyOfRange(body, bodyStart, next)));
            position = next + 2 + delimiter.length;
        }
    }

    private static Part part(String headers, byte[] body) {
        String disposition = null;
        String type = null;
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("content-disposition")) {
                disposition = value;
            } else if (name.equals("content-type")) {
                type = value;
            }
        }
        if (disposition == null || !disposition.toLowerCase(Locale.ROOT).startsWith("form-data")) {
            throw malformed("a part has no Content-Disposition: form-data header");
        }
        String name = parameter(NAME, disposition);
        if (name == null) {
            throw malformed("a part has no name");
        }
        return new Part(name, parameter(FILENAME, disposition), type, body);
    }

    private static String parameter(Pattern pattern, String disposition) {
        Matcher matcher = pattern.matcher(disposition);
        if (!matcher.find()) {
            return null;
        }
        if (matcher.group(2) != null) {
            // Browsers and undici escape a quote in a name as %22; older encoders use a backslash.
            return matcher.group(2).replaceAll("\\\\(.)", "$1").replace("%22", "\"");
        }
        return matcher.group(3);
    }

    private static int skipLineEnd(byte[] body, int position) {
        // Transport padding (spaces, tabs) may follow a delimiter before its line break.
        int p = position;
        while (p < body.length && (body[p] == ' ' || body[p] == '\t')) {
            p++;
        }
        if (!startsWith(body, p, new byte[] {'\r', '\n'})) {
            throw malformed("a boundary is not followed by a line break");
        }
        return p + 2;
    }

    private static ApiError malformed(String why) {
        return ApiError.badRequest("Malformed multipart body: " + why);
    }

    private static boolean startsWith(byte[] body, int position, byte[] prefix) {
        if (position + prefix.length > body.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[position + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] body, byte[] target, int from) {
        outer:
        for (int i = Math.max(from, 0); i <= body.length - target.length; i++) {
            for (int j = 0; j < target.length; j++) {
                if (body[i + j] != target[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
