package dev.kvkit.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A read-only view of one stored entry, for tests: its value, metadata, expiration and when it was
 * written, which the binding itself never shows together.
 *
 * <p>An entry is a snapshot: it does not change when the key is written again. Thread-safe.
 *
 * @since 0.1.0
 */
public final class KvEntry {

    private final String key;
    private final StoredValue stored;
    private final JsonCodec codec;
    private final Timeline timeline;

    KvEntry(String key, StoredValue stored, JsonCodec codec, Timeline timeline) {
        this.key = key;
        this.stored = stored;
        this.codec = codec;
        this.timeline = timeline;
    }

    /**
     * Returns the key name.
     *
     * @return the key
     */
    public String key() {
        return key;
    }

    /**
     * Returns a copy of the value's bytes.
     *
     * @return the value, a fresh array
     */
    public byte[] value() {
        return stored.value.clone();
    }

    /**
     * Returns the value as UTF-8 text, invalid bytes becoming U+FFFD.
     *
     * @return the value as text
     */
    public String valueAsText() {
        return stored.text();
    }

    /**
     * Returns the value's size in bytes.
     *
     * @return the size
     */
    public int valueSize() {
        return stored.value.length;
    }

    /**
     * Returns the metadata, freshly parsed.
     *
     * @return the metadata, or empty when the entry has none
     */
    public Optional<JsonNode> metadata() {
        return Optional.ofNullable(codec.tree(stored.metadataJson));
    }

    /**
     * Returns the metadata's JSON text as stored.
     *
     * @return the JSON text, or empty when the entry has none
     */
    public Optional<String> metadataJson() {
        return Optional.ofNullable(stored.metadataJson).map(json -> new String(json, StandardCharsets.UTF_8));
    }

    /**
     * Returns when the entry expires.
     *
     * @return the expiration, whole seconds, or empty when it never does
     */
    public Optional<Instant> expiration() {
        return stored.expires() ? Optional.of(Instant.ofEpochSecond(stored.expirationSeconds())) : Optional.empty();
    }

    /**
     * Returns when the entry was written, by the namespace's clock.
     *
     * @return the instant of the write
     */
    public Instant writtenAt() {
        return Instant.ofEpochMilli(stored.writtenAtMillis);
    }

    /**
     * Returns whether a read at {@code instant} would see this entry, if nothing else wrote the key:
     * the same answer {@link FakeKvNamespace#entryAt(String, Instant)} gives. Moving the clock back
     * never revives a key, so once the clock has been at or past the expiration, the entry is not
     * live at any instant, an earlier one included.
     *
     * @param instant the instant of the read
     * @return {@code false} once the expiration has been reached
     */
    public boolean isLiveAt(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return timeline.at(instant.toEpochMilli()).sees(stored);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("KvEntry[key=\"").append(key).append("\", value=");
        text.append(Abbreviation.of(stored));
        metadataJson().ifPresent(json -> text.append(", metadata=").append(json));
        expiration().ifPresent(at -> text.append(", expiration=").append(at));
        return text.append(']').toString();
    }
}
