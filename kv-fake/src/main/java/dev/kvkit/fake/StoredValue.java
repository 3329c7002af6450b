package dev.kvkit.fake;

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

    String text() {
        String decoded = text;
        if (decoded == null) {
            decoded = Utf8.decode(value);
            text = decoded;
        }
        return decoded;
    }
}
