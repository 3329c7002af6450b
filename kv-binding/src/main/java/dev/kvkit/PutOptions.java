package dev.kvkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Options of a write: when the key expires ({@code expiration} as epoch seconds, or {@code
 * expirationTtl} in seconds from now) and its metadata.
 *
 * <pre>{@code
 * kv.put("session:abc", token, PutOptions.defaults()
 *         .withExpirationTtl(Duration.ofMinutes(30))
 *         .withMetadata(Map.of("user", 42)));
 * }</pre>
 *
 * <p>Every write replaces the whole record: a write without metadata clears the key's old
 * metadata, a write without expiration makes the key permanent. When both {@code expiration} and
 * {@code expirationTtl} are set, the TTL wins and {@code expiration} is ignored, as in Workers KV.
 *
 * <p>Values are checked by the service when the write is made, not here. Instances are immutable
 * and thread-safe; every {@code with} method returns a new instance.
 *
 * @since 0.1.0
 */
public final class PutOptions {

    private static final PutOptions DEFAULTS = new PutOptions(null, null, null);

    private final Long expiration;
    private final Long expirationTtl;
    private final Object metadata;

    private PutOptions(Long expiration, Long expirationTtl, Object metadata) {
        this.expiration = expiration;
        this.expirationTtl = expirationTtl;
        this.metadata = metadata;
    }

    /**
     * Returns the options of a plain write: no expiration, no metadata.
     *
     * @return the default options
     */
    public static PutOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a copy of these options that makes the key expire at an absolute time.
     *
     * @param epochSeconds seconds since the UNIX epoch
     * @return the new options
     */
    public PutOptions withExpiration(long epochSeconds) {
        return new PutOptions(epochSeconds, expirationTtl, metadata);
    }

    /**
     * Returns a copy of these options that makes the key expire at an absolute time, truncated to
     * whole seconds as the service stores it.
     *
     * @param instant when the key expires
     * @return the new options
     */
    public PutOptions withExpiration(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return withExpiration(instant.getEpochSecond());
    }

    /**
     * Returns a copy of these options that makes the key expire the given number of seconds after
     * the write.
     *
     * @param seconds the time to live, at least 60
     * @return the new options
     */
    public PutOptions withExpirationTtl(long seconds) {
        return new PutOptions(expiration, seconds, metadata);
    }

    /**
     * Returns a copy of these options that makes the key expire the given time after the write.
     *
     * @param ttl the time to live, in whole seconds, at least 60 seconds
     * @return the new options
     * @throws IllegalArgumentException if {@code ttl} has a fraction of a second
     */
    public PutOptions withExpirationTtl(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.getNano() != 0) {
            throw new IllegalArgumentException("expirationTtl must be a whole number of seconds, but was: " + ttl);
        }
        return withExpirationTtl(ttl.getSeconds());
    }

    /**
     * Returns a copy of these options with metadata: any value the binding's {@code ObjectMapper}
     * can serialise (a map, a record, a string, a number, a {@code JsonNode}). Its JSON text may be
     * at most 1024 bytes.
     *
     * @param metadata the metadata, or {@code null} for none
     * @return the new options
     */
    public PutOptions withMetadata(Object metadata) {
        return new PutOptions(expiration, expirationTtl, metadata);
    }

    /**
     * Returns the absolute expiration in epoch seconds, if one was given.
     *
     * @return the expiration, or empty
     */
    public OptionalLong expiration() {
        return expiration == null ? OptionalLong.empty() : OptionalLong.of(expiration);
    }

    /**
     * Returns the time to live in seconds, if one was given.
     *
     * @return the TTL, or empty
     */
    public OptionalLong expirationTtl() {
        return expirationTtl == null ? OptionalLong.empty() : OptionalLong.of(expirationTtl);
    }

    /**
     * Returns the metadata, if any was given.
     *
     * @return the metadata, or empty
     */
    public Optional<Object> metadata() {
        return Optional.ofNullable(metadata);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PutOptions that
                && Objects.equals(expiration, that.expiration)
                && Objects.equals(expirationTtl, that.expirationTtl)
                && Objects.equals(metadata, that.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(expiration, expirationTtl, metadata);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>(3);
        if (expiration != null) {
            parts.add("expiration=" + expiration);
        }
        if (expirationTtl != null) {
            parts.add("expirationTtl=" + expirationTtl);
        }
        if (metadata != null) {
            parts.add("metadata=" + metadata);
        }
        return "PutOptions{" + String.join(", ", parts) + "}";
    }
}
