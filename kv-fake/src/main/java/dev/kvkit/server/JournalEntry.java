package dev.kvkit.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One request {@link KvApiServer} answered (or, for a reset-connection fault, did not), as the
 * server saw it: what came over the wire and what the server made of it.
 *
 * <p>Instances are immutable.
 *
 * @param sequence the request's number, from 1, in the order requests arrived
 * @param method the HTTP method, as sent
 * @param rawPath the path exactly as sent, percent-escapes and all
 * @param rawQuery the query string as sent, or {@code null} when there was none
 * @param operation the operation the request was routed to, or {@code null} when it matched no route
 * @param accountId the account segment, or {@code null} when the request matched no route
 * @param namespaceId the namespace segment, or {@code null} on routes without one
 * @param key the key as decoded from the path, or {@code null} on routes without one
 * @param parts what the body held, in short: the multipart fields with their kinds and sizes, the
 *     raw body's content type and size, the number of bulk items
 * @param status the HTTP status sent, or {@code 0} when the connection was closed without an answer
 * @param warnings likely client bugs the real API would hide, such as a key encoded twice; the same
 *     texts go out in the {@code X-Kvkit-Warning} response header
 * @since 0.1.0
 */
public record JournalEntry(
        long sequence,
        String method,
        String rawPath,
        String rawQuery,
        ApiOperation operation,
        String accountId,
        String namespaceId,
        String key,
        List<String> parts,
        int status,
        List<String> warnings) {

    /**
     * Copies the lists and checks the components that are never null.
     *
     * @param sequence the request's number
     * @param method the method
     * @param rawPath the raw path
     * @param rawQuery the raw query, or {@code null}
     * @param operation the operation, or {@code null}
     * @param accountId the account, or {@code null}
     * @param namespaceId the namespace, or {@code null}
     * @param key the decoded key, or {@code null}
     * @param parts the body summary
     * @param status the status, or {@code 0}
     * @param warnings the warnings
     */
    public JournalEntry {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        parts = List.copyOf(parts);
        warnings = List.copyOf(warnings);
    }

    /**
     * Returns the decoded key, if the route has one.
     *
     * @return the key, or empty on routes without one
     */
    public Optional<String> keyIfPresent() {
        return Optional.ofNullable(key);
    }

    JournalEntry withWarning(String warning) {
        List<String> more = new ArrayList<>(warnings);
        more.add(warning);
        return new JournalEntry(
                sequence, method, rawPath, rawQuery, operation, accountId, namespaceId, key, parts, status, more);
    }
}
