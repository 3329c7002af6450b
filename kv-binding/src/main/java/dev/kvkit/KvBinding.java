package dev.kvkit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Stream;

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
     * Reads a key's JSON value into a class, with options such as cacheTtl.
     *
     * @param key the key name
     * @param type the class to map the JSON onto
     * @param options the read options
     * @param <T> the value's Java type
     * @return the value, or {@code null} when the key is missing or expired
     * @since 0.1.0
     */
    default <T> T getJson(String key, Class<T> type, GetOptions options) {
        return get(key, KvType.json(type), options);
    }

    /**
     * Reads a key's JSON value into a generic type, such as {@code List<Todo>}.
     *
     * @param key the key name
     * @param type the type to map the JSON onto
     * @param <T> the value's Java type
     * @return the value, or {@code null} when the key is missing or expired
     * @since 0.1.0
     */
    default <T> T getJson(String key, TypeReference<T> type) {
        return get(key, KvType.json(type), GetOptions.defaults());
    }

    /**
     * Reads a key's JSON value into a generic type, with options such as cacheTtl.
     *
     * @param key the key name
     * @param type the type to map the JSON onto
     * @param options the read options
     * @param <T> the value's Java type
     * @return the value, or {@code null} when the key is missing or expired
     * @since 0.1.0
     */
    default <T> T getJson(String key, TypeReference<T> type, GetOptions options) {
        return get(key, KvType.json(type), options);
    }

    /**
     * Reads a key's text value and metadata, with options such as cacheTtl.
     *
     * @param key the key name
     * @param options the read options
     * @return the value and metadata; both {@code null} when the key is missing or expired
     * @since 0.1.0
     */
    default KvValueWithMetadata<String> getWithMetadata(String key, GetOptions options) {
        return getWithMetadata(key, KvType.TEXT, options);
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
     * Reads up to 100 keys as text in one call, with options such as cacheTtl.
     *
     * @param keys the key names; duplicates collapse
     * @param options the read options
     * @return every requested key in request order, mapped to its value or to {@code null}
     * @since 0.1.0
     */
    default Map<String, String> get(Collection<String> keys, GetOptions options) {
        return get(keys, KvType.TEXT, options);
    }

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
     * Reads up to 100 keys as text, with metadata and options such as cacheTtl, in one call.
     *
     * @param keys the key names; duplicates collapse
     * @param options the read options
     * @return every requested key in request order, mapped to its value and metadata, or to {@code
     *     null} when missing
     * @since 0.1.0
     */
    default Map<String, KvValueWithMetadata<String>> getWithMetadata(Collection<String> keys, GetOptions options) {
        return getWithMetadata(keys, KvType.TEXT, options);
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

    /**
     * Reads any number of keys, in bulk requests of at most 100 keys each: the loop every caller of
     * the 100-key bulk read otherwise writes. Each request is checked as {@link #get(Collection,
     * KvType, GetOptions)} checks it; the requests are separate, so the result is not one snapshot.
     *
     * <pre>{@code
     * Map<String, Todo> todos = kv.getAll(ids, KvType.json(Todo.class), GetOptions.defaults());
     * }</pre>
     *
     * @param keys the key names, any number; duplicates collapse
     * @param type {@link KvType#TEXT} or a JSON type
     * @param options the read options, such as cacheTtl
     * @param <T> the value's Java type
     * @return every requested key in request order, mapped to its value or to {@code null}; the map
     *     is unmodifiable
     * @since 0.1.0
     */
    default <T> Map<String, T> getAll(Collection<String> keys, KvType<T> type, GetOptions options) {
        return Paging.getAll(this, keys, type, options);
    }

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

    /**
     * Lists every key with the options' prefix, across pages, lazily: the next page is fetched
     * when the stream reaches it. The stream follows each page's cursor until a page says the
     * list is complete, so the short and empty pages Workers KV may return before the end do not
     * stop it early. The options' limit, when set, is the page size; its cursor, when set, is where
     * the walk starts.
     *
     * <pre>{@code
     * List<String> sessions = kv.listAll(ListOptions.defaults().withPrefix("session:"))
     *         .map(KvListKey::name)
     *         .toList();
     * }</pre>
     *
     * @param options prefix, page size and starting cursor
     * @return the keys in UTF-8 byte order; each page is requested once, when needed
     * @since 0.1.0
     */
    default Stream<KvListKey> listAll(ListOptions options) {
        return Paging.listAll(this, options);
    }

    /**
     * Lists the names of every key that starts with {@code prefix}, across pages, lazily; the form
     * the JSON-native platform's list returns.
     *
     * @param prefix the prefix; empty for every key
     * @return the key names in UTF-8 byte order
     * @since 0.1.0
     */
    default Stream<String> listKeyNames(String prefix) {
        return listAll(ListOptions.defaults().withPrefix(prefix)).map(KvListKey::name);
    }
}
