package dev.kvkit.cloudflare;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.kvkit.KvJsonCodec;
import dev.kvkit.KvListKey;
import dev.kvkit.KvListPage;
import dev.kvkit.internal.SerializedResults;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the answer of {@code GET .../keys} in one pass over its bytes, without building a tree.
 *
 * <p>A page holds up to 1,000 keys with up to 1,024 bytes of metadata each, and reading them is most of
 * what a list costs the client. Each key's metadata is kept as the very bytes the server sent, sliced
 * out of the body by the parser's offsets, rather than parsed into a tree and written out again: that
 * is exact (numbers, escapes and all) and costs a copy. It is parsed only when the caller asks for it
 * ({@link SerializedResults#listKey}).
 *
 * <p>Fields it does not know are skipped, so a server that adds some still reads. What it cannot read
 * as Cloudflare's envelope (a {@code result} that is not an array, a key without a string name) is an
 * {@link IOException}, which the transport reports with the status.
 */
final class KeyListBody {

    private KeyListBody() {}

    static KvListPage read(byte[] body, KvJsonCodec codec) throws IOException {
        SerializedResults results = SerializedResults.get();
        List<KvListKey> keys = List.of();
        String cursor = "";
        String after = "";
        try (JsonParser parser = Transport.WIRE.getFactory().createParser(body)) {
            expect(parser, parser.nextToken(), JsonToken.START_OBJECT, "the answer");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "result" -> {
                        if (value != JsonToken.VALUE_NULL) {
                            expect(parser, value, JsonToken.START_ARRAY, "result");
                            // Sized for the page at once: a key takes a dozen bytes of the body or more
                            // ({"name":""},), and a page holds at most 1,000.
                            keys = new ArrayList<>(Math.min(body.length / 12 + 1, 1000));
                            Expected expected = new Expected();
                            while (parser.nextToken() != JsonToken.END_ARRAY) {
                                keys.add(key(parser, body, results, codec, expected));
                            }
                        }
                    }
                    case "result_info" -> {
                        if (value == JsonToken.START_OBJECT) {
                            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                                String name = parser.currentName();
                                JsonToken token = parser.nextToken();
                                if (name.equals("cursor") && token == JsonToken.VALUE_STRING) {
                                    cursor = parser.getText();
                                } else if (name.equals("cursors") && token == JsonToken.START_OBJECT) {
                                    after = after(parser);
                                } else {
                                    parser.skipChildren();
                                }
                            }
                        } else {
                            parser.skipChildren();
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
        }
        if (cursor.isEmpty()) {
            cursor = after;
        }
        return cursor.isEmpty() ? results.listPage(keys, true, null) : results.listPage(keys, false, cursor);
    }

    // The names of a key's fields, matched byte for byte by nextFieldName without hashing them.
    private static final SerializedString NAME = new SerializedString("name");
    private static final SerializedString EXPIRATION = new SerializedString("expiration");
    private static final SerializedString METADATA = new SerializedString("metadata");

    /**
     * One element of {@code result}: {@code name}, {@code expiration} and {@code metadata}, in any
     * order. Cloudflare and the emulator send them in that order, and one page's keys mostly share
     * a shape; so the parser is told which name to expect next (the one that followed it in the key
     * before), which it checks against the bytes before it parses a name the usual way.
     */
    private static KvListKey key(
            JsonParser parser, byte[] body, SerializedResults results, KvJsonCodec codec, Expected expected)
            throws IOException {
        expect(parser, parser.currentToken(), JsonToken.START_OBJECT, "a key of result");
        String name = null;
        Long expiration = null;
        byte[] metadata = null;
        SerializedString next = NAME;
        boolean justAfterName = false;
        while (true) {
            // nextFieldName moves to the next token whether or not it is the expected name.
            boolean matched;
            if (next != null) {
                matched = parser.nextFieldName(next);
            } else {
                parser.nextToken();
                matched = false;
            }
            if (!matched && parser.currentToken() != JsonToken.FIELD_NAME) {
                break;
            }
            String field = parser.currentName(); // set by nextFieldName too, matched or not
            if (justAfterName) {
                expected.afterName = field.equals("expiration") ? EXPIRATION : METADATA;
                justAfterName = false;
            }
            JsonToken value = parser.nextToken();
            switch (field) {
                case "name" -> {
                    expect(parser, value, JsonToken.VALUE_STRING, "a key's name");
                    name = parser.getText();
                    next = expected.afterName;
                    justAfterName = true;
                }
                case "expiration" -> {
                    if (value.isNumeric()) {
                        expiration = parser.getValueAsLong();
                    } else {
                        parser.skipChildren();
                    }
                    next = METADATA;
                }
                case "metadata" -> {
                    metadata = value == JsonToken.VALUE_NULL ? null : raw(parser, body);
                    next = null;
                }
                default -> {
                    parser.skipChildren();
                    next = null;
                }
            }
        }
        if (name == null) {
            throw new IOException("A key of result has no name");
        }
        return results.listKey(name, expiration, metadata, codec);
    }

    /** Which field followed {@code name} in the last key read: the one to expect after it in the next. */
    private static final class Expected {
        SerializedString afterName = METADATA;
    }

    /** {@code result_info.cursors.after}, which some servers send instead of {@code cursor}. */
    private static String after(JsonParser parser) throws IOException {
        String after = "";
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            if (name.equals("after") && token == JsonToken.VALUE_STRING) {
                after = parser.getText();
            } else {
                parser.skipChildren();
            }
        }
        return after;
    }

    /** The bytes of the value the parser is on, from its first byte to its last. */
    private static byte[] raw(JsonParser parser, byte[] body) throws IOException {
        long start = parser.currentTokenLocation().getByteOffset();
        JsonToken token = parser.currentToken();
        if (token.isStructStart()) {
            parser.skipChildren();
        } else if (token == JsonToken.VALUE_STRING) {
            // A string is read lazily; reading it moves the parser past its closing quote.
            parser.getText();
        }
        long end = parser.currentLocation().getByteOffset();
        if (start < 0 || end > body.length || start >= end) {
            throw new IOException("The parser lost its place in the answer");
        }
        return Arrays.copyOfRange(body, (int) start, (int) end);
    }

    private static void expect(JsonParser parser, JsonToken actual, JsonToken expected, String what)
            throws IOException {
        if (actual != expected) {
            throw new IOException(what + " is not a JSON "
                    + (expected == JsonToken.START_ARRAY
                            ? "array"
                            : expected == JsonToken.START_OBJECT ? "object" : "string")
                    + " (at " + parser.currentLocation().offsetDescription() + ")");
        }
    }
}
