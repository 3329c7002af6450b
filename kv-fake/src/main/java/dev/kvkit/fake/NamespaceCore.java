package dev.kvkit.fake;

import dev.kvkit.internal.BindingChecks;

/**
 * What every location of one namespace shares: its records, its clock, its rules (limits, the JSON
 * codec and the {@link Answers} made with it, the write rate, the list stress mode). A {@link FakeKvNamespace} owns one core; each of its
 * locations is built over that core, never over the namespace object, so calls go one way only:
 * namespace, then location, then core.
 */
final class NamespaceCore {

    final EntryStore store = new EntryStore();
    final Timeline timeline;
    final KvLimits limits;
    final BindingChecks checks;
    final JsonCodec codec;
    final Answers answers;
    /** Null unless the namespace enforces the write rate. */
    final WriteRateLimit writeRate;

    final boolean listStressMode;
    /** The default cacheTtl in milliseconds: the life of what a location caches after its own write or list. */
    final long defaultCacheTtlMillis;

    NamespaceCore(
            Timeline timeline, KvLimits limits, JsonCodec codec, boolean enforceWriteRate, boolean listStressMode) {
        this.timeline = timeline;
        this.limits = limits;
        this.checks = limits.checks();
        this.codec = codec;
        this.answers = new Answers(codec);
        this.writeRate = enforceWriteRate ? new WriteRateLimit(limits.maxWritesPerKeyPerSecond()) : null;
        this.listStressMode = listStressMode;
        this.defaultCacheTtlMillis = Timeline.millis(limits.defaultCacheTtlSeconds());
    }

    /** The test-side view of a record this core holds. */
    KvEntry entry(String key, StoredValue stored) {
        return new KvEntry(key, stored, codec, timeline);
    }

    /** Forgets every record and which writes count against the write rate; locations forget their caches. */
    void clear() {
        store.clear();
        if (writeRate != null) {
            writeRate.clear();
        }
    }
}
