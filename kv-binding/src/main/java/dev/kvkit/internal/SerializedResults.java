package dev.kvkit.internal;

import dev.kvkit.KvJsonCodec;
import dev.kvkit.KvListKey;
import dev.kvkit.KvListPage;
import dev.kvkit.KvValueWithMetadata;
import java.util.List;

/**
 * Not API: how kvkit's own bindings build results whose metadata stays serialised until read.
 *
 * <p>{@link KvListKey} and {@link KvValueWithMetadata} offer users only constructors that take a
 * parsed tree. kvkit's bindings keep metadata as the JSON bytes they stored or received and let the
 * result parse it on demand, which is what keeps a 1000-key list page cheap. The result classes hand
 * this bridge their private factories when they are loaded; nothing else can install it. This package
 * is left out of the published Javadoc and may change in any release.
 */
public abstract class SerializedResults {

    private static volatile SerializedResults installed;

    /** For the implementation inside {@code dev.kvkit} only. */
    protected SerializedResults() {}

    /**
     * Called once, by {@code dev.kvkit} while its result classes load.
     *
     * @param results the implementation
     * @throws IllegalStateException when one is installed already, or when called from outside {@code
     *     dev.kvkit}
     */
    public static synchronized void install(SerializedResults results) {
        if (results.getClass().getNestHost() != KvListKey.class) {
            throw new IllegalStateException("SerializedResults is installed by dev.kvkit.KvListKey only");
        }
        if (installed != null) {
            throw new IllegalStateException("SerializedResults is installed already; it is not an extension point");
        }
        installed = results;
    }

    /**
     * Returns the implementation.
     *
     * @return the bridge to the result factories
     */
    public static SerializedResults get() {
        SerializedResults results = installed;
        if (results == null) {
            // Loading the result class runs its static initialiser, which installs the bridge.
            KvListKey.of("").name();
            results = installed;
        }
        return results;
    }

    /**
     * Returns a list key whose metadata is parsed from {@code metadataJson} only when read.
     *
     * @param name the key name
     * @param expiration when the key expires, in epoch seconds, or {@code null}
     * @param metadataJson the metadata's UTF-8 JSON text, or {@code null}; not copied
     * @param codec the codec that parses it and maps it onto Java types
     * @return the key
     */
    public abstract KvListKey listKey(String name, Long expiration, byte[] metadataJson, KvJsonCodec codec);

    /**
     * Returns a list page over {@code keys} without copying them: the caller built the list, holds
     * no other reference to it and never changes it.
     *
     * @param keys the page's keys, none null
     * @param listComplete whether no keys follow
     * @param cursor the cursor of the next page, or {@code null}
     * @return the page
     * @throws NullPointerException when a key is null
     * @throws IllegalArgumentException as {@link KvListPage#KvListPage} for the cursor
     */
    public abstract KvListPage listPage(List<KvListKey> keys, boolean listComplete, String cursor);

    /**
     * Returns a read result whose metadata is parsed from {@code metadataJson} only when read.
     *
     * @param value the value, or {@code null} when the key does not exist
     * @param metadataJson the metadata's UTF-8 JSON text, or {@code null}; not copied
     * @param codec the codec that parses it and maps it onto Java types
     * @param cacheStatus how the reading location's cache answered, or {@code null}
     * @param <T> the value's Java type
     * @return the result
     */
    public abstract <T> KvValueWithMetadata<T> valueWithMetadata(
            T value, byte[] metadataJson, KvJsonCodec codec, String cacheStatus);

    /**
     * Returns a list key's metadata as UTF-8 JSON text without parsing it: the stored bytes
     * themselves when the key was built from them (callers must not change them), else the tree
     * written out.
     *
     * @param key the key
     * @return the metadata's JSON text, or {@code null} when the key has none
     */
    public abstract byte[] metadataJson(KvListKey key);
}
