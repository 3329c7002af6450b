package dev.kvkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One key of a {@link KvListPage}: its name and, when set, its expiration and metadata.
 *
 * @param name the key name
 * @param expiration when the key expires, in seconds since the UNIX epoch, or {@code null} when it
 *     never does
 * @param metadata the key's metadata, parsed, or {@code null} when it has none
 * @since 0.1.0
 */
public record KvListKey(String name, Long expiration, JsonNode metadata) {

    /**
     * Checks the name.
     *
     * @param name the key name
     * @param expiration the expiration in epoch seconds, or {@code null}
     * @param metadata the metadata, or {@code null}
     */
    public KvListKey {
        Objects.requireNonNull(name, "name");
    }

    /**
     * Returns a key with neither expiration nor metadata.
     *
     * @param name the key name
     * @return the key
     */
    public static KvListKey of(String name) {
        return new KvListKey(name, null, null);
    }

    /**
     * Returns the expiration as an instant.
     *
     * @return when the key expires, or {@code null} when it never does
     */
    public Instant expirationInstant() {
        return expiration == null ? null : Instant.ofEpochSecond(expiration);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("KvListKey[name=\"").append(name).append('"');
        if (expiration != null) {
            text.append(", expiration=").append(expiration);
        }
        if (metadata != null) {
            text.append(", metadata=").append(metadata);
        }
        return text.append(']').toString();
    }
}
