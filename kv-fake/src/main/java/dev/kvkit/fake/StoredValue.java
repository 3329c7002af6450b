package dev.kvkit.fake;

import java.util.Arrays;

/**
 * One record of the store: value bytes, metadata as serialised JSON, expiration and the instant of
 * the write. Immutable except for a text view decoded on first text read, so a value is stored once
 * and not decoded again on every read.
 */
final class StoredValue {

    /** Marks a record that never expires. */
    static final long NEVER = 0;

    final byte[] value;
    final byte[] metadataJson;
    final long expirationSeconds;
    final long writtenAtMillis;
    /** Where the clock's history stood when written; see {@link Timeline#mark()}. */
    final long markAtWrite;

    private volatile String text;

    StoredValue(byte[] value, byte[] metadataJson, long expirationSeconds, long writtenAtMillis, long markAtWrite) {
        this.value = value;
        this.metadataJson = metadataJson;
        this.expirationSeconds = expirationSeconds;
        this.writtenAtMillis = writtenAtMillis;
        this.markAtWrite = markAtWrite;
    }

    /**
     * Returns whether a read at {@code nowMillis} sees this record. {@code latestSinceWriteMillis}
     * is the latest time the clock has reached since the write: once that reached the expiration,
     * moving the clock back does not revive the record.
     */
    boolean isLive(long nowMillis, long latestSinceWriteMillis) {
        return expirationSeconds == NEVER || Math.max(nowMillis, latestSinceWriteMillis) < expirationSeconds * 1000;
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
        return a.expirationSeconds == b.expirationSeconds
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
