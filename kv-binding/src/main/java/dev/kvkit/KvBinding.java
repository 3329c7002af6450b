package dev.kvkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.Collection;
import java.util.Map;

/**
 * A binding to a Workers KV namespace: every read and write a Worker has on {@code env.TODO},
 * in Java.
 *
 * <p>Write application code against this interface; tests hand it a {@code FakeKvNamespace} and
 * production a binding over Cloudflare's REST API.
 *
 * <pre>{@code
 * kv.put("to-do:123", "Buy milk", PutOptions.defaults().withExpirationTtl(3600));
 * String todo = kv.get("to-do:123");
 * KvListPage page = kv.list(ListOptions.defaults().withPrefix("to-do:"));
 * }</pre>
 *
 * <h2>Errors</h2>
 * Arguments the Workers binding refuses before any request (an empty key, {@code "."}, a {@code
 * null} value) raise {@link IllegalArgumentException}; rules the service enforces (sizes,
 * expirations, limits, rate limits) raise {@link KvException} with the service's exact text. A
 * refused call changes nothing.
 *
 * <h2>Absent values</h2>
 * As in Workers, a read of a missing or expired key returns {@code null}, and so do absent parts
 * of results ({@link KvValueWithMetadata#metadata()}, {@link KvListPage#cursor()}).
 *
 * <p>Implementations are thread-safe.
 *
 * @since 0.1.0
 */
public interface KvBinding {

    // ---------------------------------------------------------------- single reads

    /**
     * Reads a key's value as text.
     *
     * @param key the key name
     * @return the value, or {@code null} when the key is missing or expired
     */
    default String get(String key) {
        return get(key, KvType.TEXT, GetOptions.defaults());
    }

    /**
     * Reads a key's value as text, with options.
     *
     * @param key the key name
     * @param options the read options, such as cacheTtl
     * @return the value, or {@code null} when the key is missing or expired
     */
    default String get(String key, GetOptions options) {
        return get(key, KvType.TEXT, options);
    }

    /**
     * Reads a key's value as the given type.
     *
     * @param key the key name
     * @param type how to return the value
     * @param <T> the value's Java type
     * @return the value, or {@code null} when the key is missing or expired
     */
    default <T> T get(String key, KvType<T> type) {
        return get(key, type, GetOptions.defaults());
    }

    /**
     * Reads a key's value as the given type, with options.
     *
     * @param key the key name
     * @param type how to return the value
     * @param options the read options, such as cacheTtl
     * @param <T> the value's Java type
     * @return the value, or {@code null} when the key is missing or expired
     * @throws java.io.UncheckedIOException if a JSON read finds a value that is not JSON of the
     *     requested type
     */
    <T> T get(String key, KvType<T> type, GetOptions options);

    /**
     * Reads a key's value as JSON decoded into a class.
     *
     * @param key the key name
     * @param type the class to decode into
     * @param <T> the decoded type
     * @return the decoded value, or {@code null} when the key is missing or expired
     */
    default <T> T getJson(String key, Class<T> type) {
        return get(key, KvType.json(type), GetOptions.defaults());
    }

    /**
     * Reads a key's value as a JSON tree.
     *
     * @param key the key name
     * @return the tree, or {@code null} when the key is missing or expired
     */
    default JsonNode getJson(String key) {
        return get(key, KvType.JSON, GetOptions.defaults());
    }

    /**
     * Reads a key's value as bytes.
     *
     * @param key the key name
     * @return a fresh array the caller owns, or {@code null} when the key is missing or expired
     */
    default byte[] getBytes(String key) {
        return get(key, KvType.BYTES, GetOptions.defaults());
    }

    /**
     * Reads a key's value as a stream.
     *
     * @param key the key name
     * @return the value's bytes, or {@code null} when the key is missing or expired
     */
    default InputStream getStream(String key) {
        return get(key, KvType.STREAM, GetOptions.defaults());
    }

    /**
     * Reads a key's value as text, with its metadata.
     *
     * @param key the key name
     * @return the value and metadata, both {@code null} when the key is missing or expired
     */
    default KvValueWithMetadata<String> getWithMetadata(String key) {
        return getWithMetadata(key, KvType.TEXT, GetOptions.defaults());
    }

    /**
     * Reads a key's value as the given type, with its metadata.
     *
     * @param key the key name
     * @param type how to return the value
     * @param <T> the value's Java type
     * @return the value and metadata, both {@code null} when the key is missing or expired
     */
    default <T> KvValueWithMetadata<T> getWithMetadata(String key, KvType<T> type) {
        return getWithMetadata(key, type, GetOptions.defaults());
    }

    /**
     * Reads a key's value as the given type, with its metadata and options.
     *
     * @param key the key name
     * @param type how to return the value
     * @param options the read options, such as cacheTtl
     * @param <T> the value's Java type
     * @return the value and metadata, both {@code null} when the key is missing or expired
     */
    <T> KvValueWithMetadata<T> getWithMetadata(String key, KvType<T> type, GetOptions options);

    // ---------------------------------------------------------------- bulk reads

    /**
     * Reads up to 100 keys as text in one call.
     *
     * @param keys the key names; duplicates collapse
     * @return every requested key in request order, mapped to its value or to {@code null}
     */
    default Map<String, String> get(Collection<String> keys) {
        return get(keys, KvType.TEXT, GetOptions.defaults());
    }

    /**
     * Reads up to 100 keys as text or JSON in one call.
     *
     * @param keys the key names; duplicates collapse
     * @param type {@link KvType#TEXT} or a JSON type; other types are refused by the service
     * @param <T> the value's Java type
     * @return every requested key in request order, mapped to its value or to {@code null}
     */
    default <T> Map<String, T> get(Collection<String> keys, KvType<T> type) {
        return get(keys, type, GetOptions.defaults());
    }

    /**
     * Reads up to 100 keys as text or JSON in one call, with options.
     *
     * @param keys the key names; duplicates collapse
     * @param type {@link KvType#TEXT} or a JSON type; other types are refused by the service
     * @param options the read options, such as cacheTtl
     * @param <T> the value's Java type
     * @return every requested key in request order, mapped to its value or to {@code null}; the
     *     map is unmodifiable
     */
    <T> Map<String, T> get(Collection<String> keys, KvType<T> type, GetOptions options);

    /**
     * Reads up to 100 keys as text, with metadata, in one call.
     *
     * @param keys the key names; duplicates collapse
     * @return every requested key in request order, mapped to its value and metadata, or to {@code
     *     null} when missing
     */
    default Map<String, KvValueWithMetadata<String>> getWithMetadata(Collection<String> keys) {
        return getWithMetadata(keys, KvType.TEXT, GetOptions.defaults());
    }

    /**
     * Reads up to 100 keys as text or JSON, with metadata, in one call.
     *
     * @param keys the key names; duplicates collapse
     * @param type {@link KvType#TEXT} or a JSON type; other types are refused by the service
     * @param <T> the value's Java type
     * @return every requested key in request order, mapped to its value and metadata, or to {@code
     *     null} when missing
     */
    default <T> Map<String, KvValueWithMetadata<T>> getWithMetadata(Collection<String> keys, KvType<T> type) {
        return getWithMetadata(keys, type, GetOptions.defaults());
    }

    /**
     * Reads up to 100 keys as text or JSON, with metadata and options, in one call.
     *
     * @param keys the key names; duplicates collapse
     * @param type {@link KvType#TEXT} or a JSON type; other types are refused by the service
     * @param options the read options, such as cacheTtl
     * @param <T> the value's Java type
     * @return every requested key in request order, mapped to its value and metadata, or to {@code
     *     null} when missing; the map is unmodifiable
     */
    <T> Map<String, KvValueWithMetadata<T>> getWithMetadata(
            Collection<String> keys, KvType<T> type, GetOptions options);

    // ---------------------------------------------------------------- writes

    /**
     * Writes a text value, replacing the key's whole record.
     *
     * @param key the key name
     * @param value the value, stored as UTF-8
     */
    default void put(String key, String value) {
        put(key, value, PutOptions.defaults());
    }

    /**
     * Writes a text value with options, replacing the key's whole record.
     *
     * @param key the key name
     * @param value the value, stored as UTF-8
     * @param options expiration and metadata
     */
    void put(String key, String value, PutOptions options);

    /**
     * Writes a binary value, replacing the key's whole record.
     *
     * @param key the key name
     * @param value the value; the array is copied
     */
    default void put(String key, byte[] value) {
        put(key, value, PutOptions.defaults());
    }

    /**
     * Writes a binary value with options, replacing the key's whole record.
     *
     * @param key the key name
     * @param value the value; the array is copied
     * @param options expiration and metadata
     */
    void put(String key, byte[] value, PutOptions options);

    /**
     * Writes a value read from a stream, replacing the key's whole record. The stream is read to
     * its end but not closed.
     *
     * @param key the key name
     * @param value the value's bytes
     */
    default void put(String key, InputStream value) {
        put(key, value, PutOptions.defaults());
    }

    /**
     * Writes a value read from a stream with options, replacing the key's whole record. The
     * stream is read to its end but not closed.
     *
     * @param key the key name
     * @param value the value's bytes
     * @param options expiration and metadata
     */
    void put(String key, InputStream value, PutOptions options);

    /**
     * Writes any value the binding's {@code ObjectMapper} can serialise, as its JSON text.
     *
     * @param key the key name
     * @param value the value to serialise
     */
    default void putJson(String key, Object value) {
        putJson(key, value, PutOptions.defaults());
    }

    /**
     * Writes any value the binding's {@code ObjectMapper} can serialise, as its JSON text, with
     * options.
     *
     * @param key the key name
     * @param value the value to serialise
     * @param options expiration and metadata
     */
    void putJson(String key, Object value, PutOptions options);

    /**
     * Deletes a key. Deleting a missing or expired key succeeds.
     *
     * @param key the key name
     */
    void delete(String key);

    // ---------------------------------------------------------------- list

    /**
     * Lists the first page of keys, up to 1000, in UTF-8 byte order.
     *
     * @return the page
     */
    default KvListPage list() {
        return list(ListOptions.defaults());
    }

    /**
     * Lists one page of keys in UTF-8 byte order.
     *
     * @param options prefix, limit and cursor
     * @return the page
     */
    KvListPage list(ListOptions options);
}
