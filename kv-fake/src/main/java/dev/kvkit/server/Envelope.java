package dev.kvkit.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Cloudflare's response envelope: {@code {"result", "success", "errors", "messages"}}, with {@code
 * result_info} on list endpoints (spec section 1.1).
 */
final class Envelope {

    static final ObjectMapper JSON = new ObjectMapper();

    private Envelope() {}

    static byte[] success(JsonNode result, JsonNode resultInfo) {
        return success(json -> JSON.writeTree(json, result == null ? NullNode.getInstance() : result), resultInfo);
    }

    /** Writes a result straight to the generator, for answers too large to build as a tree first. */
    @FunctionalInterface
    interface ResultWriter {
        void write(JsonGenerator json) throws IOException;
    }

    /**
     * The success envelope, its result streamed: a 1,000-key page costs no tree of 1,000 nodes and
     * no parse of each key's stored metadata. {@link #success(JsonNode, JsonNode)} writes its tree
     * through here, so both have one layout.
     */
    static byte[] success(ResultWriter result, JsonNode resultInfo) {
        // Jackson's segmented buffer: a 100 kB page grows without copying what it holds so far.
        ByteArrayBuilder bytes = new ByteArrayBuilder();
        try (JsonGenerator json = JSON.getFactory().createGenerator(bytes)) {
            json.writeStartObject();
            json.writeFieldName("result");
            result.write(json);
            json.writeBooleanField("success", true);
            json.writeArrayFieldStart("errors");
            json.writeEndArray();
            json.writeArrayFieldStart("messages");
            json.writeEndArray();
            if (resultInfo != null) {
                json.writeFieldName("result_info");
                JSON.writeTree(json, resultInfo);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("A JSON answer could not be written", e);
        }
        return bytes.toByteArray();
    }

    static byte[] failure(ApiError error) {
        ObjectNode body = JSON.createObjectNode();
        if (!error.gateway()) {
            body.putNull("result");
        }
        body.put("success", false);
        ArrayNode errors = body.putArray("errors");
        ObjectNode first = errors.addObject();
        first.put("code", error.code());
        first.put("message", error.getMessage());
        if (!error.chain().isEmpty()) {
            ArrayNode chain = first.putArray("error_chain");
            for (ApiError link : error.chain()) {
                chain.addObject().put("code", link.code()).put("message", link.getMessage());
            }
        }
        if (!error.gateway()) {
            body.putArray("messages");
        }
        return bytes(body);
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written", e);
        }
    }
}
