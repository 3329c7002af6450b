package dev.kvkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kvkit.KvType;
import dev.kvkit.KvValueWithMetadata;
import dev.kvkit.PutOptions;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.KvEntry;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/** The single-key routes: write, read and delete a value, read its metadata (spec sections 1.3, 1.4). */
final class ValueRoutes {

    private final ApiContext context;

    ValueRoutes(ApiContext context) {
        this.context = context;
    }

    void put(Call call) throws IOException {
        NamespaceRegistry.Entry namespace = context.namespace(call, "put");
        FakeKvNamespace kv = namespace.kv;
        String key = call.key();
        warnIfEncodedTwice(call);
        byte[] body = context.body(call);
        String contentType = call.header("Content-Type");
        byte[] value;
        JsonNode metadata = null;
        if (Multipart.isMultipart(contentType)) {
            List<Multipart.Part> parts = Multipart.parse(contentType, body);
            Multipart.Part valuePart = null;
            Multipart.Part metadataPart = null;
            for (Multipart.Part part : parts) {
                call.parts.add(part.summary());
                // A repeated field keeps its first occurrence [U]; no client sends one twice.
                if (part.name().equals("value") && valuePart == null) {
                    valuePart = part;
                } else if (part.name().equals("metadata") && metadataPart == null) {
                    metadataPart = part;
                } else if (part.name().startsWith("metadata[")) {
                    // SDK 4.x and 7.x flatten object metadata into metadata[a] fields, which the real API
                    // drops without a word (cloudflare-typescript #2664). So does this one, but it says so.
                    call.warn("dropped multipart field \"" + part.name() + "\": the API ignores metadata[x] fields;"
                            + " send metadata as one JSON string field named \"metadata\"");
                } else {
                    // Other fields are ignored [U], as the real API ignores metadata[x]; the warning says so.
                    call.warn("ignored multipart field \"" + part.name() + "\"");
                }
            }
            if (valuePart == null) {
                throw ApiError.badRequest("Missing value field");
            }
            value = valuePart.body();
            if (metadataPart != null) {
                metadata = JsonBodies.metadata(metadataPart.body());
            }
        } else {
            // Any other content type is the value itself, verbatim, even JSON (cloudflare-python #2519).
            call.parts.add("raw body (" + (contentType == null ? "no content type" : contentType) + ", " + body.length
                    + " bytes)");
            value = body;
        }
        PutOptions options = ExpirationParameters.options(call.query);
        if (metadata != null) {
            options = options.withMetadata(metadata);
        }
        Persistence.Change change = context.persistence.begin();
        try {
            kv.put(key, value, options);
            change.key(namespace, key);
        } finally {
            change.save();
        }
        call.sendSuccess(null);
    }

    void get(Call call) throws IOException {
        FakeKvNamespace kv = context.namespace(call, "get").kv;
        String key = call.key();
        warnIfEncodedTwice(call);
        // The binding's read applies the fake's key rules; the entry gives value and expiration together.
        kv.get(key, KvType.STREAM);
        Optional<KvEntry> entry = kv.entry(key);
        if (entry.isEmpty()) {
            throw new ApiError(404, ApiError.KEY_NOT_FOUND, "get: 'key not found'");
        }
        entry.get()
                .expiration()
                .ifPresent(
                        at -> call.exchange.getResponseHeaders().set("expiration", Long.toString(at.getEpochSecond())));
        call.send(200, "application/octet-stream", entry.get().value());
    }

    void delete(Call call) throws IOException {
        NamespaceRegistry.Entry namespace = context.namespace(call, "remove key");
        warnIfEncodedTwice(call);
        Persistence.Change change = context.persistence.begin();
        try {
            namespace.kv.delete(call.key());
            change.key(namespace, call.key());
        } finally {
            change.save();
        }
        call.sendSuccess(null);
    }

    void metadata(Call call) throws IOException {
        FakeKvNamespace kv = context.namespace(call, "metadata").kv;
        warnIfEncodedTwice(call);
        KvValueWithMetadata<InputStream> read = kv.getWithMetadata(call.key(), KvType.STREAM);
        if (!read.isPresent()) {
            throw new ApiError(404, ApiError.KEY_NOT_FOUND, "metadata: 'key not found'");
        }
        call.sendSuccess(read.metadata());
    }

    /**
     * Flags a key that still holds percent-escapes after the one decoding: most likely a client that
     * encodes keys itself, as SDK 4.x's documentation advised, under SDK 7.x, which encodes them
     * again. The key is stored as decoded; the warning only helps find the bug.
     */
    static void warnIfEncodedTwice(Call call) {
        if (call.key() != null && PercentDecoding.looksEncoded(call.key())) {
            call.warn("key \"" + call.key() + "\" still holds percent-escapes after decoding;"
                    + " was it encoded twice? It is stored as shown");
        }
    }
}
