package dev.kvkit.samples;

import java.time.Instant;
import java.util.Objects;

/**
 * A to-do as {@link TodoStore} keeps it.
 *
 * @param id the id, the part of the key after {@code to-do:}
 * @param title what is to be done
 * @param createdAt when it was added
 * @param doneAt when it was completed, or {@code null} while it is open
 * @since 0.1.0
 */
public record Todo(String id, String title, Instant createdAt, Instant doneAt) {

    /**
     * Checks the required parts.
     *
     * @param id the id
     * @param title the title
     * @param createdAt when it was added
     * @param doneAt when it was completed, or {@code null}
     */
    public Todo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * Returns whether this to-do has been completed.
     *
     * @return {@code true} once completed
     */
    public boolean isDone() {
        return doneAt != null;
    }
}
