package dev.kvkit.fake;

import dev.kvkit.GetOptions;
import dev.kvkit.KvBinding;
import dev.kvkit.KvListPage;
import dev.kvkit.KvType;
import dev.kvkit.KvValueWithMetadata;
import dev.kvkit.ListOptions;
import dev.kvkit.PutOptions;
import java.io.InputStream;
import java.util.Collection;
import java.util.Map;

/**
 * A namespace seen from one location, as a {@link KvBinding}: every read and write goes to that
 * location's {@link LocationBinding}. {@link FakeKvNamespace} (the default location) and {@link
 * FakeKvLocation} share these delegations here rather than each spelling them out.
 */
abstract class KvBindingView implements KvBinding {

    /** Returns the rules and caches of the location this view reads and writes from. */
    abstract LocationBinding binding();

    @Override
    public <T> T get(String key, KvType<T> type, GetOptions options) {
        return binding().get(key, type, options);
    }

    @Override
    public <T> KvValueWithMetadata<T> getWithMetadata(String key, KvType<T> type, GetOptions options) {
        return binding().getWithMetadata(key, type, options);
    }

    @Override
    public <T> Map<String, T> get(Collection<String> keys, KvType<T> type, GetOptions options) {
        return binding().get(keys, type, options);
    }

    @Override
    public <T> Map<String, KvValueWithMetadata<T>> getWithMetadata(
            Collection<String> keys, KvType<T> type, GetOptions options) {
        return binding().getWithMetadata(keys, type, options);
    }

    @Override
    public void put(String key, String value, PutOptions options) {
        binding().put(key, value, options);
    }

    @Override
    public void put(String key, byte[] value, PutOptions options) {
        binding().put(key, value, options);
    }

    @Override
    public void put(String key, InputStream value, PutOptions options) {
        binding().put(key, value, options);
    }

    @Override
    public void putJson(String key, Object value, PutOptions options) {
        binding().putJson(key, value, options);
    }

    @Override
    public void delete(String key) {
        binding().delete(key);
    }

    @Override
    public KvListPage list(ListOptions options) {
        return binding().list(options);
    }
}
