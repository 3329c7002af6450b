package dev.kvkit.fake;

import java.util.Arrays;

/**
 * One record of the store: value bytes, metadata as serialised JSON, expiration and the instant of
 * the write. Immutable except for a text view decoded on first text read, so a value is stored once
 * and not decoded again on every read.
 */
final class StoredValue {

    final byte[] value;
    final byte[] metadataJson;
    /** Whether the record expires at all: no expiration value is reserved to mean "never". */
    private final boolean expires;
    /** Meaningful only when {@link #expires}: a record may well expire at second 0 of the epoch. */
    private final long expirationSeconds;

    final long writtenAtMillis;
    /** Where the clock's history stood when written; see {@link Timeline#mark()}. */
    final long markAtWrite;

    private volatile String text;

    /** Makes a record; {@code expirationSeconds} is when it expires, in epoch seconds, or null for never. */
    StoredValue(byte[] value, byte[] metadataJson, Long expirationSeconds, long writtenAtMillis, long markAtWrite) {
        this.value = value;
        this.metadataJson = metadataJson;
        this.expires = expirationSeconds != null;
        this.expirationSeconds = expires ? expirationSeconds : 0;
        this.writtenAtMillis = writtenAtMillis;
        this.markAtWrite = markAtWrite;
    }

    boolean expires() {
        return expires;
    }

    /** Returns the expiration in epoch seconds; only for a record that {@linkplain #expires() expires}. */
    long expirationSeconds() {
        if (!expires) {
            throw new IllegalStateException("The record never expires");
        }
        return expirationSeconds;
    }

    /** Returns the expiration in epoch seconds, or null when the record never expires. */
    Long expirationOrNull() {
        return expires ? expirationSeconds : null;
    }

    /**
     * Returns whether two records (either may be null, for no record) hold the same value, metadata
     * and expiration: what a reader can tell apart, unlike the instant of the write.
     */
    static boolean sameContent(StoredValue a, StoredValue b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        return a.expires == b.expires
                && a.expirationSeconds == b.expirationSeconds
                && Arrays.equals(a.value, b.value)
                && Arrays.equals(a.metadataJson, b.metadataJson);
    }

    String text() {
        String decoded = text;
        if (decoded == null) {
            decoded = Utf8.decode(value);
            text = decoded;
        }
        return decoded;
    }
}
