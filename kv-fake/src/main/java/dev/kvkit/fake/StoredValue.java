package dev.kvkit.fake;

import java.util.Arrays;

/**
 * One record of the store: value bytes, metadata as serialised JSON, expiration and the instant of
 * the write. Immutable except for a text view decoded on first text read, so a value is stored once
 * and not decoded again on every read.
 *
 * <p>A record that never expires and one that does are two shapes, not one with a flag: no
 * expiration value is reserved to mean "never" (a record may well expire at second 0 of the epoch),
 * and the records that never expire, most of a store, carry no expiration field at all. A flag beside
 * the expiration would grow every record by 8 bytes ({@code MemoryFootprint}).
 */
sealed class StoredValue permits StoredValue.Expiring {

    final byte[] value;
    final byte[] metadataJson;
    final long writtenAtMillis;
    /** Where the clock's history stood when written; see {@link Timeline#mark()}. */
    final long markAtWrite;

    private volatile String text;

    private StoredValue(byte[] value, byte[] metadataJson, long writtenAtMillis, long markAtWrite) {
        this.value = value;
        this.metadataJson = metadataJson;
        this.writtenAtMillis = writtenAtMillis;
        this.markAtWrite = markAtWrite;
    }

    /** Makes a record; {@code expirationSeconds} is when it expires, in epoch seconds, or null for never. */
    static StoredValue of(
            byte[] value, byte[] metadataJson, Long expirationSeconds, long writtenAtMillis, long markAtWrite) {
        return expirationSeconds == null
                ? new StoredValue(value, metadataJson, writtenAtMillis, markAtWrite)
                : new Expiring(value, metadataJson, expirationSeconds, writtenAtMillis, markAtWrite);
    }

    /** Returns whether the record expires at all. */
    boolean expires() {
        return false;
    }

    /** Returns the expiration in epoch seconds; only for a record that {@linkplain #expires() expires}. */
    long expirationSeconds() {
        throw new IllegalStateException("The record never expires");
    }

    /** Returns the expiration in epoch seconds, or null when the record never expires. */
    Long expirationOrNull() {
        return null;
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
        return a.expires() == b.expires()
                && (!a.expires() || a.expirationSeconds() == b.expirationSeconds())
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

    /** A record that expires, at any second the clock can reach, 0 included. */
    static final class Expiring extends StoredValue {
        private final long expirationSeconds;

        private Expiring(
                byte[] value, byte[] metadataJson, long expirationSeconds, long writtenAtMillis, long markAtWrite) {
            super(value, metadataJson, writtenAtMillis, markAtWrite);
            this.expirationSeconds = expirationSeconds;
        }

        @Override
        boolean expires() {
            return true;
        }

        @Override
        long expirationSeconds() {
            return expirationSeconds;
        }

        @Override
        Long expirationOrNull() {
            return expirationSeconds;
        }
    }
}
