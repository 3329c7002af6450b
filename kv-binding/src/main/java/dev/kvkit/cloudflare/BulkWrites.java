package dev.kvkit.cloudflare;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.kvkit.KvOperation;
import dev.kvkit.PutOptions;
import dev.kvkit.internal.BindingChecks;
import dev.kvkit.internal.WorkerUtf8;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The bulk write and delete routes, which a Worker's binding does not have: items in chunks of
 * 10,000, each chunk's body written just before it is sent, so a large import never holds more than
 * one request body.
 */
final class BulkWrites {

    /** The most keys one bulk write or delete request may carry. */
    static final int MAX_PER_REQUEST = 10_000;

    private final Transport transport;
    private final String path;
    private final ValueCodec codec;

    BulkWrites(Transport transport, String namespacePath, ValueCodec codec) {
        this.transport = transport;
        this.path = namespacePath;
        this.codec = codec;
    }

    KvBulkResult put(Collection<KvBulkPut> items) {
        BindingChecks.notNull(items, "items");
        List<KvBulkPut> checked = new ArrayList<>(items.size());
        for (KvBulkPut item : items) {
            BindingChecks.notNull(item, "An item in items");
            codec.metadata(item.options()); // refuses metadata that cannot be written before any request
            checked.add(item);
        }
        return send("PUT", "/bulk", checked, this::putBody, KvOperation.PUT);
    }

    KvBulkResult delete(Collection<String> keys) {
        BindingChecks.notNull(keys, "keys");
        List<String> sendable = new ArrayList<>(keys.size());
        int unsendable = 0;
        for (String key : keys) {
            ClientChecks.CHECKS.key(key, KvOperation.DELETE);
            if (WorkerUtf8.hasLoneSurrogate(key)) {
                unsendable++; // cannot exist, so it is deleted already, as delete(key) says
            } else {
                sendable.add(key);
            }
        }
        KvBulkResult sent = send("POST", "/bulk/delete", sendable, BulkWrites::deleteBody, KvOperation.DELETE);
        return new KvBulkResult(sent.successfulKeyCount() + unsendable, sent.unsuccessfulKeys());
    }

    private <T> KvBulkResult send(
            String method, String route, List<T> items, Function<List<T>, byte[]> body, KvOperation operation) {
        int successful = 0;
        List<String> unsuccessful = new ArrayList<>();
        for (int from = 0; from < items.size(); from += MAX_PER_REQUEST) {
            List<T> chunk = items.subList(from, Math.min(items.size(), from + MAX_PER_REQUEST));
            JsonNode result = transport
                    .sendForEnvelope(
                            CloudflareKvBinding.jsonCall(method, path + route, body.apply(chunk), operation, null))
                    .path("result");
            if (result.has("successful_key_count")) {
                successful += result.path("successful_key_count").asInt();
                result.path("unsuccessful_keys").forEach(key -> unsuccessful.add(key.asText()));
            } else {
                successful += chunk.size(); // the 2024 schema answered null on success
            }
        }
        return new KvBulkResult(successful, unsuccessful);
    }

    /** {@code [{"key", "value", "base64"?, "expiration_ttl" | "expiration"?, "metadata"?}]}. */
    private byte[] putBody(List<KvBulkPut> chunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = Transport.WIRE.getFactory().createGenerator(out)) {
            json.writeStartArray();
            for (KvBulkPut item : chunk) {
                json.writeStartObject();
                json.writeStringField("key", item.key());
                json.writeStringField("value", item.wireValue());
                if (item.base64()) {
                    json.writeBooleanField("base64", true);
                }
                PutOptions options = item.options();
                if (options.expirationTtl().isPresent()) {
                    json.writeNumberField(
                            "expiration_ttl", options.expirationTtl().getAsLong());
                } else if (options.expiration().isPresent()) {
                    json.writeNumberField("expiration", options.expiration().getAsLong());
                }
                byte[] metadata = codec.metadata(options);
                if (metadata != null) {
                    json.writeFieldName("metadata");
                    json.writeRawValue(new String(metadata, StandardCharsets.UTF_8));
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the bulk request", e);
        }
        return out.toByteArray();
    }

    /** {@code ["key", ...]}. */
    private static byte[] deleteBody(List<String> chunk) {
        ArrayNode body = Transport.WIRE.createArrayNode();
        chunk.forEach(body::add);
        return CloudflareKvBinding.writeJsonBytes(body);
    }
}
