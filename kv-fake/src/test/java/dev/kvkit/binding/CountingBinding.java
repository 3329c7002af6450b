package dev.kvkit.binding;

import dev.kvkit.GetOptions;
import dev.kvkit.KvBinding;
import dev.kvkit.KvListPage;
import dev.kvkit.KvType;
import dev.kvkit.KvValueWithMetadata;
import dev.kvkit.ListOptions;
import dev.kvkit.PutOptions;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A binding that forwards to another and records the list and bulk requests it was given. */
final class CountingBinding implements KvBinding {

    private final KvBinding target;
    final List<ListOptions> lists = new ArrayList<>();
    final List<List<String>> bulkReads = new ArrayList<>();

    CountingBinding(KvBinding target) {
        this.target = target;
    }

    @Override
    public <T> T get(String key, KvType<T> type, GetOptions options) {
        return target.get(key, type, options);
    }

    @Override
    public <T> KvValueWithMetadata<T> getWithMetadata(String key, KvType<T> type, GetOptions options) {
        return target.getWithMetadata(key, type, options);
    }

    @Override
    public <T> Map<String, T> get(Collection<String> keys, KvType<T> type, GetOptions options) {
        bulkReads.add(List.copyOf(keys));
        return target.get(keys, type, options);
    }

    @Override
    public <T> Map<String, KvValueWithMetadata<T>> getWithMetadata(
            Collection<String> keys, KvType<T> type, GetOptions options) {
        return target.getWithMetadata(keys, type, options);
    }

    @Override
    public void put(String key, String value, PutOptions options) {
        target.put(key, value, options);
    }

    @Override
    public void put(String key, byte[] value, PutOptions options) {
        target.put(key, value, options);
    }

    @Override
    public void put(String key, InputStream value, PutOptions options) {
        target.put(key, value, options);
    }

    @Override
    public void putJson(String key, Object value, PutOptions options) {
        target.putJson(key, value, options);
    }

    @Override
    public void delete(String key) {
        target.delete(key);
    }

    @Override
    public KvListPage list(ListOptions options) {
        lists.add(options);
        return target.list(options);
    }
}
