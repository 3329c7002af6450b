package dev.kvkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The namespace routes: create, list (paged), get, rename, delete (spec section 1.2). */
final class NamespaceRoutes {

    private static final Set<String> JURISDICTIONS = Set.of("eu", "fedramp", "us");

    private final ApiContext context;

    NamespaceRoutes(ApiContext context) {
        this.context = context;
    }

    void create(Call call) throws IOException {
        JsonNode body = context.json(call);
        String title = title(body, "create namespace");
        String jurisdiction = null;
        JsonNode jurisdictionNode = body.get("jurisdiction");
        if (jurisdictionNode != null && !jurisdictionNode.isNull()) {
            if (!jurisdictionNode.isTextual() || !JURISDICTIONS.contains(jurisdictionNode.asText())) {
                throw ApiError.badRequest("create namespace: 'jurisdiction must be one of eu, fedramp, us'");
            }
            jurisdiction = jurisdictionNode.asText();
        }
        Persistence.Change change = context.persistence.begin();
        NamespaceRegistry.Entry entry;
        try {
            entry = context.registry.create(call.route.accountId(), title, null, jurisdiction);
            change.namespace(entry);
        } finally {
            change.save();
        }
        call.sendSuccess(json(entry));
    }

    void list(Call call) throws IOException {
        int page = call.query.integer("page", 1, 1, Integer.MAX_VALUE, ApiError.MALFORMED_PAGE);
        // The 2026 schema allows 1..1000, the 2024 one 5..100; wrangler sends per_page=1000.
        int perPage = call.query.integer("per_page", 20, 1, 1000, ApiError.MALFORMED_PER_PAGE);
        List<NamespaceRegistry.Entry> namespaces = context.registry.list(call.route.accountId());
        String order = call.query.nonEmpty("order").orElse(null);
        String direction = call.query.nonEmpty("direction").orElse("asc");
        // Values outside the schema's enums are refused [U]: the service validates against its schema.
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw ApiError.badRequest("Invalid direction \"" + direction + "\": must be asc or desc");
        }
        if (order != null) {
            Comparator<NamespaceRegistry.Entry> comparator = switch (order) {
                case "id" -> Comparator.comparing(e -> e.id);
                case "title" ->
                    Comparator.<NamespaceRegistry.Entry, String>comparing(e -> e.title)
                            .thenComparing(e -> e.id);
                default -> throw ApiError.badRequest("Invalid order \"" + order + "\": must be id or title");
            };
            namespaces.sort(comparator);
        }
        if (direction.equals("desc")) {
            Collections.reverse(namespaces);
        }
        long from = (long) (page - 1) * perPage;
        ArrayNode result = Envelope.JSON.createArrayNode();
        // A page past the end is an empty result: the SDK's iterator stops only on an empty page.
        for (long i = from; i < Math.min(namespaces.size(), from + perPage); i++) {
            result.add(json(namespaces.get((int) i)));
        }
        ObjectNode info = Envelope.JSON.createObjectNode();
        info.put("page", page);
        info.put("per_page", perPage);
        info.put("count", result.size());
        info.put("total_count", namespaces.size());
        info.put("total_pages", (namespaces.size() + perPage - 1) / perPage);
        call.sendSuccess(result, info);
    }

    void get(Call call) throws IOException {
        call.sendSuccess(json(context.namespace(call, "get namespace")));
    }

    void rename(Call call) throws IOException {
        NamespaceRegistry.Entry entry = context.namespace(call, "rename namespace");
        String title = title(context.json(call), "rename namespace");
        Persistence.Change change = context.persistence.begin();
        try {
            context.registry.rename(entry, title);
            change.namespace(entry);
        } finally {
            change.save();
        }
        // The 2026 schema returns the updated namespace; wrangler 4 prints result.title from it.
        call.sendSuccess(json(entry));
    }

    void delete(Call call) throws IOException {
        NamespaceRegistry.Entry entry = context.namespace(call, "delete namespace");
        Persistence.Change change = context.persistence.begin();
        try {
            context.registry.delete(entry.accountId, entry.id);
            entry.kv.reset();
            change.namespaceDeleted(entry);
        } finally {
            change.save();
        }
        call.sendSuccess(null);
    }

    static ObjectNode json(NamespaceRegistry.Entry entry) {
        ObjectNode node = Envelope.JSON.createObjectNode();
        node.put("id", entry.id);
        node.put("title", entry.title);
        node.put("supports_url_encoding", true);
        if (entry.jurisdiction != null) {
            node.put("jurisdiction", entry.jurisdiction);
        }
        return node;
    }

    private static String title(JsonNode body, String operation) {
        if (!body.isObject()) {
            throw ApiError.badRequest(operation + ": 'request body must be a JSON object'");
        }
        JsonNode title = body.get("title");
        if (title == null
                || title.isNull()
                || (title.isTextual() && title.asText().isEmpty())) {
            throw new ApiError(400, ApiError.MISSING_TITLE, operation + ": 'missing title'");
        }
        if (!title.isTextual()) {
            throw ApiError.badRequest(operation + ": 'title must be a string'");
        }
        String text = title.asText();
        if (text.codePointCount(0, text.length()) > NamespaceRegistry.MAX_TITLE_LENGTH) {
            throw ApiError.badRequest(
                    operation + ": 'title must be at most " + NamespaceRegistry.MAX_TITLE_LENGTH + " characters'");
        }
        return text;
    }
}
