package dev.kvkit.fake;

import dev.kvkit.GetOptions;
import dev.kvkit.KvType;
import dev.kvkit.KvValueWithMetadata;
import java.util.Map;

/**
 * The default location's reads and writes: straight to the store, so it sees its own writes at
 * once, with no cache and a null cache status.
 */
final class DirectReads implements Reads {

    private final EntryStore store;
    private final Answers answers;

    DirectReads(NamespaceCore core) {
        this.store = core.store;
        this.answers = core.answers;
    }

    @Override
    public StoredValue get(String key, GetOptions options, Timeline.Moment moment) {
        return store.get(key, moment);
    }

    @Override
    public <T> KvValueWithMetadata<T> getWithMetadata(
            String key, KvType<T> type, GetOptions options, Timeline.Moment moment) {
        return answers.withMetadata(key, store.get(key, moment), type, null);
    }

    @Override
    public boolean readPeeked(Map<String, StoredValue> peeked, GetOptions options, Timeline.Moment moment) {
        return false; // the peeked values are what the store serves
    }

    @Override
    public StoredValue peek(String key, GetOptions options, Timeline.Moment moment) {
        return store.peek(key, moment);
    }

    @Override
    public long seesCurrentValueFrom(String key, GetOptions options, Timeline.Moment moment) {
        return moment.nowMillis();
    }

    @Override
    public void write(String key, StoredValue record, Timeline.Moment moment) {
        if (record == null) {
            store.remove(key);
        } else {
            store.put(key, record);
        }
    }

    @Override
    public void delete(String key) {
        store.remove(key); // no instant needed
    }

    @Override
    public void forget() {}
}
