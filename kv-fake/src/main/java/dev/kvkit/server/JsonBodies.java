package dev.kvkit.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;

/**
 * JSON request bodies, parsed as JSON and never matched as text: wrangler and SDK 4.x to 6.x send
 * them pretty-printed, SDK 7.x compact. Anything that is not one JSON value is a 400.
 */
final class JsonBodies {

    private static final ObjectReader READER = Envelope.JSON
            .reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private JsonBodies() {}

    static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw ApiError.badRequest("Request body is empty; expected JSON");
        }
        try {
            JsonNode node = READER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw ApiError.badRequest("Request body is empty; expected JSON");
            }
            return node;
        } catch (IOException e) {
            throw ApiError.badRequest("Malformed JSON in request body: " + firstLine(e.getMessage()));
        }
    }

    /**
     * Parses metadata sent as text. What the real API answers for metadata that is not JSON is [U];
     * this is Local Explorer's answer, 400/10001 {@code Invalid metadata JSON}. Empty text is not
     * JSON either.
     */
    static JsonNode metadata(byte[] text) {
        try {
            JsonNode node = READER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw ApiError.badRequest("Invalid metadata JSON");
            }
            return node;
        } catch (IOException e) {
            throw ApiError.badRequest("Invalid metadata JSON");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "not JSON";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
