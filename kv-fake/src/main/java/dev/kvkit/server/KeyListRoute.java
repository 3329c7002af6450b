package dev.kvkit.server;

import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvkit.KvException;
import dev.kvkit.KvListKey;
import dev.kvkit.KvListPage;
import dev.kvkit.ListOptions;
import dev.kvkit.internal.SerializedResults;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** {@code GET /keys}: one page of key names, with {@code result_info.cursor} (spec section 1.5). */
final class KeyListRoute {

    // Field names written 1,000 times a page, encoded once.
    private static final SerializedString NAME = new SerializedString("name");
    private static final SerializedString EXPIRATION = new SerializedString("expiration");
    private static final SerializedString METADATA = new SerializedString("metadata");

    private final ApiContext context;

    KeyListRoute(ApiContext context) {
        this.context = context;
    }

    void list(Call call) throws IOException {
        NamespaceRegistry.Entry entry = context.namespace(call, "list keys");
        // Wrangler always sends prefix=, possibly empty: empty means no filter.
        String prefix = call.query.get("prefix").orElse("");
        Optional<String> cursor = call.query.nonEmpty("cursor");
        ListOptions options = ListOptions.defaults().withPrefix(prefix);
        Optional<String> limit = call.query.nonEmpty("limit");
        if (limit.isPresent()) {
            options = options.withLimit(limit(limit.get(), entry.kv.limits().maxListLimit()));
        }
        if (cursor.isPresent()) {
            options = options.withCursor(cursor.get());
        }
        KvListPage page;
        try {
            page = entry.kv.list(options);
        } catch (KvException e) {
            if (e.reason().startsWith("Invalid key_count_limit")) {
                throw new ApiError(400, ApiError.INVALID_LIMIT, e.reason());
            }
            throw e;
        }
        List<KvListKey> keys = page.keys();
        SerializedResults results = SerializedResults.get();
        Envelope.ResultWriter result = json -> {
            json.writeStartArray();
            for (KvListKey key : keys) {
                json.writeStartObject();
                json.writeFieldName(NAME);
                json.writeString(key.name());
                if (key.expiration() != null) {
                    json.writeFieldName(EXPIRATION);
                    json.writeNumber(key.expiration());
                }
                // The metadata as stored: JSON the fake's codec wrote, so it goes out unparsed.
                byte[] metadata = results.metadataJson(key);
                if (metadata != null) {
                    json.writeFieldName(METADATA);
                    json.writeRawValue(new RawJson(metadata));
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        };
        ObjectNode info = Envelope.JSON.createObjectNode();
        info.put("count", keys.size());
        // On the last page the cursor must be "": the SDK, wrangler and Local Explorer loop otherwise.
        // No result_info.cursors.after, which SDK 5.x reads: the real API has none, so 5.x stops after
        // page 1 there too, and the journal says so (see Journal).
        info.put("cursor", page.cursor() == null ? "" : page.cursor());
        context.journal.listed(call, entry.id, prefix, cursor.orElse(null), page.cursor());
        call.send(200, "application/json", Envelope.success(result, info));
    }

    /**
     * The {@code limit} parameter. The schema range is 10..1000 but what the real API does below 10
     * is [U]: 1..1000 is accepted, which keeps every client working. Zero, negative and non-integer
     * limits are refused with 400 (the binding would read them as "the default", but over REST they
     * can only be a client bug).
     */
    private static int limit(String text, int max) {
        long limit;
        try {
            limit = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw invalidLimit(text, "Please specify an integer between 1 and " + max + ".");
        }
        if (limit < 1) {
            throw invalidLimit(text, "Please specify an integer greater than 0.");
        }
        if (limit > Integer.MAX_VALUE) {
            // Past int range the fake cannot be asked; this is its text for a limit over the maximum.
            throw invalidLimit(text, "Please specify an integer less than " + max + ".");
        }
        return (int) limit;
    }

    private static ApiError invalidLimit(String limit, String advice) {
        return new ApiError(400, ApiError.INVALID_LIMIT, "Invalid key_count_limit of " + limit + ". " + advice);
    }
}
