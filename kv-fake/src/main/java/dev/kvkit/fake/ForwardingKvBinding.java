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
 * A {@link KvBinding} that forwards every call to a {@link Location}: {@link FakeKvNamespace} to its
 * default location, {@link FakeKvLocation} to its own. They share these forwards here rather than
 * each spelling them out.
 */
abstract class ForwardingKvBinding implements KvBinding {

    /** Returns the location every call goes to. */
    abstract Location location();

    @Override
    public <T> T get(String key, KvType<T> type, GetOptions options) {
        return location().get(key, type, options);
    }

    @Override
    public <T> KvValueWithMetadata<T> getWithMetadata(String key, KvType<T> type, GetOptions options) {
        return location().getWithMetadata(key, type, options);
    }

    @Override
    public <T> Map<String, T> get(Collection<String> keys, KvType<T> type, GetOptions options) {
        return location().get(keys, type, options);
    }

    @Override
    public <T> Map<String, KvValueWithMetadata<T>> getWithMetadata(
            Collection<String> keys, KvType<T> type, GetOptions options) {
        return location().getWithMetadata(keys, type, options);
    }

    @Override
    public void put(String key, String value, PutOptions options) {
        location().put(key, value, options);
    }

    @Override
    public void put(String key, byte[] value, PutOptions options) {
        location().put(key, value, options);
    }

    @Override
    public void put(String key, InputStream value, PutOptions options) {
        location().put(key, value, options);
    }

    @Override
    public void putJson(String key, Object value, PutOptions options) {
        location().putJson(key, value, options);
    }

    @Override
    public void delete(String key) {
        location().delete(key);
    }

    @Override
    public KvListPage list(ListOptions options) {
        return location().list(options);
    }
}
