package dev.kvkit.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests the server answered, newest last, bounded so that a long run cannot fill the heap:
 * past its capacity the oldest entries go.
 *
 * <p>It also watches key listings: a page that came back with a cursor whose next page the client
 * never asked for is the mark of a client that stops after page 1 (SDK 5.x reads {@code
 * result_info.cursors.after}, which the API does not send). Nothing tells the server when a client
 * is done, so those pages are noted when someone looks: when the journal is read, and at reset and
 * close. A note goes on the entry of the page's request. A client that pages on after a look is not
 * noted again, but the note already made stays.
 *
 * <p>Thread-safe.
 */
final class Journal {

    private final int capacity;
    private long sequence;
    private final LinkedHashMap<Long, JournalEntry> entries = new LinkedHashMap<>();
    /** Pages with a cursor, by (namespace, prefix, cursor), to the sequence of their request. */
    private final Map<List<String>, Long> openListings = new LinkedHashMap<>();

    Journal(int capacity) {
        this.capacity = capacity;
    }

    synchronized long next() {
        return ++sequence;
    }

    synchronized void add(JournalEntry entry) {
        entries.put(entry.sequence(), entry);
        if (entries.size() > capacity) {
            Iterator<Long> oldest = entries.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** Notes a key list request: the page it continued (if any) is followed, its own cursor is open. */
    synchronized void listed(Call call, String namespaceId, String prefix, String cursorAsked, String cursorGiven) {
        String account = call.route.accountId();
        if (cursorAsked != null) {
            openListings.remove(List.of(account, namespaceId, prefix, cursorAsked));
        }
        if (cursorGiven != null) {
            openListings.put(List.of(account, namespaceId, prefix, cursorGiven), call.sequence);
            if (openListings.size() > capacity) {
                Iterator<List<String>> oldest = openListings.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
        }
    }

    /** Returns the entries, oldest first, after noting the listings nobody continued. */
    synchronized List<JournalEntry> entries() {
        noteOpenListings();
        return List.copyOf(entries.values());
    }

    synchronized void clear() {
        noteOpenListings();
        entries.clear();
    }

    synchronized void noteOpenListings() {
        for (Map.Entry<List<String>, Long> open : openListings.entrySet()) {
            JournalEntry entry = entries.get(open.getValue());
            if (entry != null) {
                entries.put(
                        entry.sequence(),
                        entry.withWarning("key list stopped early: this page had cursor \""
                                + open.getKey().get(3)
                                + "\" but the next page was never asked for; page on result_info.cursor until it is"
                                + " empty (SDK 5.x reads result_info.cursors.after and stops after page 1)"));
            }
        }
        openListings.clear();
    }

    static ArrayNode json(List<JournalEntry> entries) {
        ArrayNode array = Envelope.JSON.createArrayNode();
        for (JournalEntry entry : entries) {
            ObjectNode node = array.addObject();
            node.put("sequence", entry.sequence());
            node.put("method", entry.method());
            node.put("rawPath", entry.rawPath());
            node.put("rawQuery", entry.rawQuery());
            node.put(
                    "operation",
                    entry.operation() == null ? null : entry.operation().name());
            node.put("accountId", entry.accountId());
            node.put("namespaceId", entry.namespaceId());
            node.put("key", entry.key());
            ArrayNode parts = node.putArray("parts");
            entry.parts().forEach(parts::add);
            node.put("status", entry.status());
            ArrayNode warnings = node.putArray("warnings");
            entry.warnings().forEach(warnings::add);
        }
        return array;
    }
}
