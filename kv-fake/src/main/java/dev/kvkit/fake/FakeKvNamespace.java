package dev.kvkit.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kvkit.KvBinding;
import dev.kvkit.KvJsonCodec;
import dev.kvkit.internal.BindingChecks;
import dev.kvkit.internal.DefaultObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory Workers KV namespace that behaves like the real one, down to its error texts: key,
 * value and metadata limits, expiration by absolute time and TTL, typed and bulk reads, and lists
 * paginated in UTF-8 byte order.
 *
 * <pre>{@code
 * TestClock clock = TestClock.create();
 * FakeKvNamespace kv = FakeKvNamespace.builder().name("TODO").clock(clock).build();
 *
 * TodoService service = new TodoService(kv, clock);  // takes a KvBinding and a Clock
 * service.add("Buy milk");
 *
 * assertThat(kv.keys()).containsExactly("to-do:1");
 * }</pre>
 *
 * <p>As a {@link KvBinding} it is the namespace seen from its default location, which sees its own
 * writes at once. It adds what tests need: a read-only view of live entries with their metadata and
 * expiration ({@link #entries()}), time-travel views ({@link #entriesAt(Instant)}), {@link #reset()},
 * and import and export of wrangler's bulk JSON format, so tests seed from the same files {@code
 * wrangler kv bulk put} takes.
 *
 * <p>Time comes from the namespace's clock, usually a {@link TestClock}: a key is expired once the
 * clock reaches its expiration, and moving the clock back does not revive it. Nothing runs in the
 * background.
 *
 * <p>Production's eventual consistency is there when a test asks for it: {@link #location(String)}
 * gives the namespace as seen from another location, with an edge cache that serves stale values
 * until it runs out on the clock; {@link Builder#enforceWriteRate(boolean)} refuses a second write
 * to a key within a second; {@link Builder#listStressMode(boolean)} makes list pages come back
 * short or empty before the end.
 *
 * <p>Thread-safe, and on the default location the single-key calls ({@code get}, {@code
 * getWithMetadata}, {@code put}, {@code putJson}, {@code delete}) are linearizable: each takes
 * effect at one instant, and the last write to a key wins, as long as the clock does not move
 * during a write (a write reads its instant when it starts, so a TTL write that a concurrent clock
 * move overtakes lands already expired). Calls over several keys are not atomic against concurrent
 * writes: a bulk read reads its keys one after the other, a {@code list} page and {@link
 * #entries()}, {@link #keys()}, {@link #size()} and {@link #exportBulk()} walk the keys in order,
 * {@link #importBulk(String)} stores item by item, and {@link #reset()} empties the store and then
 * each location's cache. Each of them may show some of a concurrent writer's changes and not
 * others; every key it returns is one that was live during the call, and a page is still in order
 * and without repeats.
 *
 * @since 0.1.0
 */
public final class FakeKvNamespace extends ForwardingKvBinding {

    private final String name;
    private final JsonCodec codec;
    /** The records, clock and rules every location of this namespace shares. */
    private final NamespaceCore core;
    /** The location this namespace reads and writes from as a {@link KvBinding}. */
    private final Location defaultLocation;

    private final ConcurrentHashMap<String, FakeKvLocation> locations = new ConcurrentHashMap<>();

    private FakeKvNamespace(Builder builder) {
        this.name = builder.name;
        this.codec = builder.codec == null ? JsonCodec.DEFAULT : builder.codec;
        this.core = new NamespaceCore(
                Timeline.on(builder.clock == null ? TestClock.create() : builder.clock),
                builder.limits,
                codec,
                builder.enforceWriteRate,
                builder.listStressMode);
        this.defaultLocation = Location.direct(core);
    }

    /**
     * Returns an empty namespace named {@code "KV"} with a fresh {@link TestClock} at {@link
     * TestClock#DEFAULT_START}, Cloudflare's limits and a plain {@code ObjectMapper}.
     *
     * @return a new namespace
     */
    public static FakeKvNamespace create() {
        return builder().build();
    }

    /**
     * Returns a builder for a namespace with a chosen name, clock, limits or {@code ObjectMapper}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ the binding

    @Override
    Location location() {
        return defaultLocation;
    }

    // ------------------------------------------------------------------ what tests need

    /**
     * Returns the binding name this namespace was created for, such as {@code "TODO"}.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the clock the namespace reads time from.
     *
     * @return the clock, a {@link TestClock} unless another was given
     */
    public Clock clock() {
        return core.timeline.clock();
    }

    /**
     * Returns the limits the namespace enforces.
     *
     * @return the limits profile
     */
    public KvLimits limits() {
        return core.limits;
    }

    /**
     * Returns the {@code ObjectMapper} used for JSON values and metadata: the one given to the
     * builder, or, for a namespace built without one, a copy of kvkit's default mapper (a plain {@code
     * new ObjectMapper()}). The default is shared by every such namespace so that a suite of thousands
     * of tests does not build and warm up a mapper per test; handing out a copy keeps it safe from
     * changes. A namespace given a {@link Builder#jsonCodec codec} has no mapper to give: {@link
     * #jsonCodec()} is what reads and writes its JSON.
     *
     * @return the mapper, configured as the namespace's
     * @throws IllegalStateException when the namespace was built with {@link Builder#jsonCodec}
     */
    public ObjectMapper objectMapper() {
        if (codec == JsonCodec.DEFAULT) {
            return DefaultObjectMapper.create();
        }
        if (codec.objectMapper() == null) {
            throw new IllegalStateException("FakeKvNamespace " + name + " was built with jsonCodec(" + codec.codec()
                    + "), which has no Jackson 2 ObjectMapper to give; jsonCodec() reads and writes its JSON");
        }
        return codec.objectMapper();
    }

    /**
     * Returns the codec that writes and reads the namespace's JSON values and metadata: the one given
     * to the builder, one over the {@link Builder#objectMapper ObjectMapper} given, or {@link
     * KvJsonCodec#defaults()}. It works whichever Jackson the application configures.
     *
     * @return the codec
     * @since 0.1.0
     */
    public KvJsonCodec jsonCodec() {
        return codec.codec();
    }

    /**
     * Returns whether a second write to one key within a second of the clock is refused with {@code
     * KV PUT failed: 429 Too Many Requests}; see {@link Builder#enforceWriteRate(boolean)}.
     *
     * @return {@code true} when the write rate is enforced
     */
    public boolean enforcesWriteRate() {
        return core.writeRate != null;
    }

    /**
     * Returns whether list pages may come back short or empty before the end; see {@link
     * Builder#listStressMode(boolean)}.
     *
     * @return {@code true} in list stress mode
     */
    public boolean listStressMode() {
        return core.listStressMode;
    }

    /**
     * Returns this namespace as seen from the named location, as a Worker in another data center
     * sees it: reads there are cached at the edge and may be stale, writes from elsewhere reach it
     * only when its cache runs out on the clock. See {@link FakeKvLocation} for the rules.
     *
     * <pre>{@code
     * KvBinding sydney = kv.location("syd");
     * KvBinding london = kv.location("lhr");
     * }</pre>
     *
     * <p>The same name gives the same location object. {@value FakeKvLocation#DEFAULT_NAME} is the
     * default location, the namespace itself: strong and without a cache.
     *
     * @param name 1 to 64 characters from {@code A-Z}, {@code a-z}, {@code 0-9}, {@code .}, {@code
     *     _} and {@code -}, compared exactly, such as {@code "syd"}
     * @return the location
     * @throws IllegalArgumentException when the name is blank or holds other characters
     */
    public FakeKvLocation location(String name) {
        FakeKvLocation.checkName(name);
        return locations.computeIfAbsent(
                name,
                n -> new FakeKvLocation(
                        this, n, FakeKvLocation.DEFAULT_NAME.equals(n) ? defaultLocation : Location.edgeCached(core)));
    }

    /**
     * Returns the default location, the one this namespace reads and writes from as a {@link
     * KvBinding}: the same as {@code location("default")}. Useful where a test treats every
     * location alike.
     *
     * @return the default location
     */
    public FakeKvLocation defaultLocation() {
        return location(FakeKvLocation.DEFAULT_NAME);
    }

    /**
     * Returns the live entries now, in UTF-8 byte order of their keys: a read-only snapshot.
     *
     * @return every live entry, keyed by name; the map's iteration order is list order
     */
    public Map<String, KvEntry> entries() {
        return view(core.timeline.now());
    }

    /**
     * Returns the entries that will be live at {@code instant}, if nothing writes in between: a
     * read-only snapshot. The clock is not moved, so a test can state what the namespace holds "30
     * minutes from now" and go on in the present.
     *
     * @param instant when to look
     * @return every entry live at that instant, in list order
     */
    public Map<String, KvEntry> entriesAt(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return view(core.timeline.at(instant.toEpochMilli()));
    }

    /**
     * Returns the live entry of one key now.
     *
     * @param key the key name
     * @return the entry, or empty when the key is missing or expired
     */
    public Optional<KvEntry> entry(String key) {
        Objects.requireNonNull(key, "key");
        return entry(key, core.timeline.now());
    }

    /**
     * Returns the entry of one key as it will be at {@code instant}, if nothing writes in between.
     *
     * @param key the key name
     * @param instant when to look
     * @return the entry, or empty when the key is missing or will have expired
     */
    public Optional<KvEntry> entryAt(String key, Instant instant) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(instant, "instant");
        return entry(key, core.timeline.at(instant.toEpochMilli()));
    }

    /**
     * Returns the names of the live keys now, in list order.
     *
     * @return the key names
     */
    public List<String> keys() {
        return List.copyOf(entries().keySet());
    }

    /**
     * Returns how many keys are live now.
     *
     * @return the number of live keys
     */
    public int size() {
        return core.store.snapshot(core.timeline.now()).size();
    }

    /**
     * Returns whether no key is live now.
     *
     * @return {@code true} when the namespace is empty
     */
    public boolean isEmpty() {
        return size() == 0;
    }

    /**
     * Removes every entry, and forgets what every location has cached and which writes count against
     * the write rate. The clock is left where it is.
     */
    public void reset() {
        core.clear();
        locations.values().forEach(location -> location.location().forgetCaches());
    }

    /**
     * Stores the items of a wrangler bulk file ({@code [{"key", "value", "base64", "expiration",
     * "expiration_ttl", "metadata"}]}), as {@code wrangler kv bulk put} would. Every item is checked
     * with the rules of a write before any is stored, so a bad file changes nothing. Imports are
     * seeding, not writes from a location: they do not count against the write rate, and other
     * locations see them when their caches run out.
     *
     * @param json the file's content
     * @return how many items were stored
     * @throws IllegalArgumentException naming the item's index when the file or an item is invalid
     */
    public int importBulk(String json) {
        Objects.requireNonNull(json, "json");
        Map<String, StoredValue> records =
                WranglerBulkFormat.read(json, codec.treeMapper(), core.limits, codec, core.timeline.now());
        core.store.putAll(records);
        return records.size();
    }

    /**
     * Stores the items of a wrangler bulk file read from a stream, as {@link #importBulk(String)}.
     *
     * @param json the file's content, UTF-8; read to its end, not closed
     * @return how many items were stored
     */
    public int importBulk(InputStream json) {
        Objects.requireNonNull(json, "json");
        try {
            return importBulk(new String(json.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the bulk file", e);
        }
    }

    /**
     * Stores the items of a wrangler bulk file, as {@link #importBulk(String)}.
     *
     * @param file the file, UTF-8
     * @return how many items were stored
     * @throws IllegalArgumentException naming the file and the item's index when it is invalid
     */
    public int importBulk(Path file) {
        Objects.requireNonNull(file, "file");
        String json;
        try {
            json = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the bulk file " + file, e);
        }
        try {
            return importBulk(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the live entries as a wrangler bulk file: key order, text values as text, other values
     * in Base64, expirations as epoch seconds. Importing the result into an empty namespace at the
     * same instant gives the same entries, unless one expires sooner than the minimum expiration
     * ({@link KvLimits#minExpirationTtlSeconds()}): an import follows the rules of a write, as {@code
     * wrangler kv bulk put} does, and refuses that item.
     *
     * @return the file's content
     */
    public String exportBulk() {
        return WranglerBulkFormat.write(core.store.snapshot(core.timeline.now()), codec.treeMapper(), codec);
    }

    @Override
    public String toString() {
        int size = size();
        return "FakeKvNamespace[" + name + ", " + size + (size == 1 ? " key, " : " keys, ") + core.timeline.clock()
                + "]";
    }

    // ------------------------------------------------------------------ views

    private Map<String, KvEntry> view(Timeline.Moment moment) {
        Map<String, KvEntry> view = new LinkedHashMap<>();
        for (Map.Entry<String, StoredValue> entry : core.store.snapshot(moment)) {
            view.put(entry.getKey(), core.entry(entry.getKey(), entry.getValue()));
        }
        return Collections.unmodifiableMap(view);
    }

    private Optional<KvEntry> entry(String key, Timeline.Moment moment) {
        StoredValue stored = core.store.peek(key, moment);
        return stored == null ? Optional.empty() : Optional.of(core.entry(key, stored));
    }

    /**
     * Builds a {@link FakeKvNamespace}. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {

        private String name = "KV";
        private Clock clock;
        private KvLimits limits = KvLimits.cloudflare();
        private JsonCodec codec;
        private boolean enforceWriteRate;
        private boolean listStressMode;

        private Builder() {}

        /**
         * Sets the binding name, shown in reports and {@code toString}.
         *
         * @param name the binding name, such as {@code "TODO"}
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sets the clock; share it with the code under test. Defaults to a new {@link TestClock}.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the limits. Defaults to {@link KvLimits#cloudflare()}.
         *
         * @param limits the limits profile
         * @return this builder
         */
        public Builder limits(KvLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Sets the {@code ObjectMapper} for JSON values and metadata, with the application's own
         * modules. Defaults to a plain {@code new ObjectMapper()}, shared by namespaces and never
         * handed out.
         *
         * The same as {@link #jsonCodec jsonCodec(KvJsonCodec.jackson2(objectMapper))}, except that
         * {@link FakeKvNamespace#objectMapper()} then gives the mapper back; the later of the two
         * calls wins.
         *
         * @param objectMapper the mapper; not changed by the namespace
         * @return this builder
         */
        public Builder objectMapper(ObjectMapper objectMapper) {
            this.codec = new JsonCodec(Objects.requireNonNull(objectMapper, "objectMapper"));
            return this;
        }

        /**
         * Sets the codec for JSON values and metadata, for example over the application's Jackson 3
         * {@code JsonMapper}:
         *
         * <pre>{@code
         * FakeKvNamespace kv = FakeKvNamespace.builder().jsonCodec(KvJsonCodec.jackson3(jsonMapper)).build();
         * }</pre>
         *
         * <p>Defaults to {@link KvJsonCodec#defaults()}. Replaces an {@link #objectMapper} given
         * before; the later of the two calls wins.
         *
         * @param jsonCodec the codec
         * @return this builder
         * @throws IllegalArgumentException when {@code jsonCodec} is null
         * @since 0.1.0
         */
        public Builder jsonCodec(KvJsonCodec jsonCodec) {
            this.codec = new JsonCodec(BindingChecks.jsonCodec(jsonCodec));
            return this;
        }

        /**
         * Switches on Workers KV's write rate per key: a put or delete that would give a key more
         * than {@link KvLimits#maxWritesPerKeyPerSecond()} writes (1) within one second of the
         * clock, from any location, fails with {@code KV PUT failed: 429 Too Many Requests} ({@code
         * KV DELETE failed: ...} for a delete) and changes nothing. Writes count by their instants,
         * so after the clock is moved back, earlier writes now ahead of it count too. Deletes count
         * because a delete is a write to the key. Off by default, since most tests write faster than
         * the clock moves.
         *
         * @param enforce whether to enforce the write rate
         * @return this builder
         */
        public Builder enforceWriteRate(boolean enforce) {
            this.enforceWriteRate = enforce;
            return this;
        }

        /**
         * Switches on the list stress mode: list pages may come back short, or empty, while {@code
         * listComplete} is false, as production's do after deletions. The first page of a listing
         * that has keys is always empty, so a client that stops on a short page instead of on
         * {@code listComplete} misses keys. Pages are a fixed function of the calls, every key
         * still appears exactly once across the pages, and the final page is complete. Off by
         * default.
         *
         * @param enabled whether to shape list pages this way
         * @return this builder
         */
        public Builder listStressMode(boolean enabled) {
            this.listStressMode = enabled;
            return this;
        }

        /**
         * Builds an empty namespace.
         *
         * @return the namespace
         */
        public FakeKvNamespace build() {
            return new FakeKvNamespace(this);
        }
    }
}
