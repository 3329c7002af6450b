package dev.kvkit.cloudflare;

import dev.kvkit.PutOptions;
import dev.kvkit.internal.BindingChecks;
import dev.kvkit.internal.WorkerUtf8;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * One item of {@link CloudflareKvBinding#putBulk(java.util.Collection)}: a key, a text or binary
 * value, and the same options as a single write.
 *
 * <pre>{@code
 * kv.putBulk(List.of(
 *         KvBulkPut.of("flag:dark-mode", "on"),
 *         KvBulkPut.of("avatar:42", pngBytes, PutOptions.defaults().withExpirationTtl(86_400))));
 * }</pre>
 *
 * <p>The key and the expiration options are checked when the item is made, with the texts of a
 * single write; the metadata is serialised by the binding's mapper when the items are sent. Binary
 * values travel base64-encoded. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class KvBulkPut {

    private final String key;
    private final String value;
    private final boolean base64;
    private final int byteCount;
    private final PutOptions options;

    private KvBulkPut(String key, String value, boolean base64, int byteCount, PutOptions options) {
        this.key = key;
        this.value = value;
        this.base64 = base64;
        this.byteCount = byteCount;
        this.options = options;
    }

    /**
     * Returns an item with a text value and no options.
     *
     * @param key the key name
     * @param value the value, stored as UTF-8
     * @return the item
     * @since 0.1.0
     */
    public static KvBulkPut of(String key, String value) {
        return of(key, value, PutOptions.defaults());
    }

    /**
     * Returns an item with a text value.
     *
     * @param key the key name
     * @param value the value, stored as UTF-8 (a lone surrogate as U+FFFD, as a single write stores it)
     * @param options expiration and metadata
     * @return the item
     * @throws IllegalArgumentException if the key, the value or the options are refused as a single
     *     write refuses them
     * @throws dev.kvkit.KvException if the key is too long or the TTL out of range
     * @since 0.1.0
     */
    public static KvBulkPut of(String key, String value, PutOptions options) {
        ClientChecks.write(key, options);
        if (value == null) {
            throw BindingChecks.nullValue();
        }
        ClientChecks.expiration(key, options);
        byte[] bytes = WorkerUtf8.encode(value);
        return new KvBulkPut(key, new String(bytes, StandardCharsets.UTF_8), false, bytes.length, options);
    }

    /**
     * Returns an item with a binary value and no options.
     *
     * @param key the key name
     * @param value the value; encoded at once, so later changes to the array do not matter
     * @return the item
     * @since 0.1.0
     */
    public static KvBulkPut of(String key, byte[] value) {
        return of(key, value, PutOptions.defaults());
    }

    /**
     * Returns an item with a binary value.
     *
     * @param key the key name
     * @param value the value; encoded at once, so later changes to the array do not matter
     * @param options expiration and metadata
     * @return the item
     * @throws IllegalArgumentException if the key, the value or the options are refused as a single
     *     write refuses them
     * @throws dev.kvkit.KvException if the key is too long or the TTL out of range
     * @since 0.1.0
     */
    public static KvBulkPut of(String key, byte[] value, PutOptions options) {
        ClientChecks.write(key, options);
        if (value == null) {
            throw BindingChecks.nullValue();
        }
        ClientChecks.expiration(key, options);
        return new KvBulkPut(key, Base64.getEncoder().encodeToString(value), true, value.length, options);
    }

    /**
     * Returns the key name.
     *
     * @return the key
     * @since 0.1.0
     */
    public String key() {
        return key;
    }

    /**
     * Returns the options: expiration and metadata.
     *
     * @return the options
     * @since 0.1.0
     */
    public PutOptions options() {
        return options;
    }

    /** The value as it travels: text, or base64 when {@link #base64()}. */
    String wireValue() {
        return value;
    }

    boolean base64() {
        return base64;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KvBulkPut that
                && key.equals(that.key)
                && value.equals(that.value)
                && base64 == that.base64
                && options.equals(that.options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, value, base64, options);
    }

    @Override
    public String toString() {
        return "KvBulkPut[key=\"" + key + "\", " + byteCount + (base64 ? " bytes" : " bytes of text")
                + (options.equals(PutOptions.defaults()) ? "" : ", " + options) + "]";
    }
}
