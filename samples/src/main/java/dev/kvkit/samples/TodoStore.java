package dev.kvkit.samples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kvkit.KvBinding;
import dev.kvkit.KvValueWithMetadata;
import dev.kvkit.PutOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * To-dos in Workers KV, one key each, named as in Cloudflare's binding documentation: {@code
 * to-do:123}. The value is the title; when it was created and done are in the key's metadata, so a
 * listing (such as {@link CompletedTodoCleanup}'s) sees them without reading a single value.
 *
 * <pre>{@code
 * TodoStore todos = new TodoStore(env.TODO, clock);
 * todos.add("123", "Buy milk");
 * todos.complete("123");
 * }</pre>
 *
 * <p>Thread-safe as far as the binding is: it keeps no state of its own.
 *
 * @since 0.1.0
 */
public final class TodoStore {

    /** The prefix of every to-do key. */
    public static final String PREFIX = "to-do:";

    private final KvBinding kv;
    private final Clock clock;

    /**
     * Creates a store over a namespace.
     *
     * @param kv the namespace, such as {@code env.TODO}
     * @param clock the clock that stamps creation and completion
     */
    public TodoStore(KvBinding kv, Clock clock) {
        this.kv = Objects.requireNonNull(kv, "kv");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Adds an open to-do, replacing any with the same id.
     *
     * @param id the id, not blank, such as {@code "123"}
     * @param title what is to be done, not blank
     * @return the to-do as stored
     * @throws IllegalArgumentException when the id or the title is blank
     */
    public Todo add(String id, String title) {
        Todo todo = new Todo(checkId(id), checkTitle(title), clock.instant(), null);
        store(todo);
        return todo;
    }

    /**
     * Returns the to-do with this id.
     *
     * @param id the id
     * @return the to-do, or empty when there is none
     */
    public Optional<Todo> find(String id) {
        String key = PREFIX + checkId(id);
        KvValueWithMetadata<String> stored = kv.getWithMetadata(key);
        if (!stored.isPresent()) {
            return Optional.empty();
        }
        JsonNode metadata = stored.metadata();
        return Optional.of(new Todo(
                id,
                stored.value(),
                StoredInstants.required(metadata, "createdAt", key),
                StoredInstants.optional(metadata, "doneAt", key)));
    }

    /**
     * Marks a to-do as done now. Completing a done to-do keeps its first completion time.
     *
     * @param id the id
     * @return the completed to-do
     * @throws NoSuchElementException when there is no to-do with this id
     */
    public Todo complete(String id) {
        Todo todo = find(id).orElseThrow(() -> new NoSuchElementException("No to-do with id \"" + id + "\""));
        if (todo.isDone()) {
            return todo;
        }
        Todo done = new Todo(todo.id(), todo.title(), todo.createdAt(), clock.instant());
        store(done);
        return done;
    }

    /**
     * Removes a to-do; removing one that does not exist does nothing, as in KV.
     *
     * @param id the id
     */
    public void remove(String id) {
        kv.delete(PREFIX + checkId(id));
    }

    /**
     * Reads when a to-do was completed from the metadata a list page or a read returns.
     *
     * @param key the to-do's key, for the message when the metadata is malformed
     * @param metadata the key's metadata, or {@code null}
     * @return the completion time, or {@code null} while open
     */
    static Instant doneAt(String key, JsonNode metadata) {
        return StoredInstants.optional(metadata, "doneAt", key);
    }

    private void store(Todo todo) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("createdAt", todo.createdAt().toString());
        if (todo.isDone()) {
            metadata.put("doneAt", todo.doneAt().toString());
        }
        kv.put(PREFIX + todo.id(), todo.title(), PutOptions.defaults().withMetadata(metadata));
    }

    private static String checkId(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A to-do id must not be blank, such as \"123\", but was: " + quoted(id));
        }
        return id;
    }

    private static String checkTitle(String title) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("A to-do title must not be blank, but was: " + quoted(title));
        }
        return title;
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }
}
