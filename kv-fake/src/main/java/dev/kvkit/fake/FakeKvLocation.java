package dev.kvkit.fake;

import dev.kvkit.GetOptions;
import dev.kvkit.KvBinding;
import dev.kvkit.KvListPage;
import dev.kvkit.KvType;
import dev.kvkit.KvValueWithMetadata;
import dev.kvkit.ListOptions;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@link FakeKvNamespace} as seen from one location, as a Worker running in another Cloudflare
 * data center sees it. Get one with {@link FakeKvNamespace#location(String)}; hand it to the code
 * under test as its {@link KvBinding}.
 *
 * <pre>{@code
 * FakeKvLocation sydney = kv.location("syd");
 * kv.put("config", "v1");
 * sydney.get("config");                       // "v1", now cached in syd for 60 s
 * kv.put("config", "v2");                     // written from the default location
 * assertThat(sydney.get("config")).isEqualTo("v1");   // stale
 * clock.advance(Duration.ofSeconds(60));
 * assertThat(sydney.get("config")).isEqualTo("v2");
 * }</pre>
 *
 * <p>Every location other than the {@linkplain #isDefault() default} one keeps an edge cache, all
 * of it driven by the namespace's clock:
 *
 * <ul>
 *   <li>A read caches what it saw, a value with its metadata or a miss, for the read's cacheTtl
 *       (default {@link KvLimits#defaultCacheTtlSeconds()}, 60 s). Reads serve the cached answer
 *       while it is younger than their own cacheTtl, so a read with a lower cacheTtl refetches an
 *       older answer, and shortens the cached answer's life for later reads.
 *   <li>A write (put or delete) from this location is seen here at once: it replaces the cached
 *       answer, which then lives for the default cacheTtl. Writes from elsewhere are seen only when
 *       the cached answer runs out on the clock.
 *   <li>A key's expiration beats the cache: a cached value past its expiration is never served.
 *   <li>Bulk reads go through the same cache, key by key. A refused bulk read (a bad key name,
 *       a value that is not JSON, the total size) caches nothing.
 *   <li>{@code list} pages are cached per prefix, cursor and limit for the default cacheTtl (60 s),
 *       even across this location's own writes, as Cloudflare documents list changes taking up to
 *       60 s to show. Keys that expire meanwhile are still dropped from a cached page.
 *   <li>{@code getWithMetadata} reports {@code cacheStatus} {@code "HIT"} when the location's
 *       cache answered (a cached miss too) and {@code "MISS"} when the location fetched the
 *       record; bulk reads report none.
 * </ul>
 *
 * <p>Writes from every location go to the one store, where the last write wins, so a
 * read-modify-write from two locations loses an update, as in production. The default location
 * has no cache: it is the namespace itself, strong and read-your-writes, with a null {@code
 * cacheStatus}.
 *
 * <p>Thread-safe and deterministic: the same calls and clock moves give the same results.
 *
 * @since 0.1.0
 */
public final class FakeKvLocation extends ForwardingKvBinding {

    /** The name of the default location, the one the namespace itself reads and writes from. */
    public static final String DEFAULT_NAME = "default";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final FakeKvNamespace namespace;
    private final String name;
    private final Location location;

    /** Names a location of {@code namespace}; only the namespace makes them, one per name. */
    FakeKvLocation(FakeKvNamespace namespace, String name, Location location) {
        this.namespace = namespace;
        this.name = name;
        this.location = location;
    }

    /** Checks a location name, with a message saying what is allowed. */
    static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A location name must be 1 to 64 characters from A-Z, a-z, 0-9, '.',"
                    + " '_' and '-', such as \"syd\" or \"eu-west\", but was: \"" + name + "\"");
        }
        return name;
    }

    // ------------------------------------------------------------------ the binding

    /**
     * {@inheritDoc}
     *
     * <p>From a location other than the default one, {@code cacheStatus} is {@code "HIT"} when
     * this location's cache answered (a cached miss too) and {@code "MISS"} when it fetched the
     * record; from the default location it is null.
     */
    @Override
    public <T> KvValueWithMetadata<T> getWithMetadata(String key, KvType<T> type, GetOptions options) {
        return super.getWithMetadata(key, type, options);
    }

    @Override
    Location location() {
        return location;
    }

    // ------------------------------------------------------------------ what tests need

    /**
     * Returns the location's name, such as {@code "syd"}; {@value #DEFAULT_NAME} for the default
     * location.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the namespace this location reads and writes.
     *
     * @return the namespace
     */
    public FakeKvNamespace namespace() {
        return namespace;
    }

    /**
     * Returns whether this is the default location: the namespace itself, strong and without a
     * cache.
     *
     * @return {@code true} for the default location
     */
    public boolean isDefault() {
        return DEFAULT_NAME.equals(name);
    }

    /**
     * Returns the instant from which a plain read (default cacheTtl) from this location returns the
     * key's current value, metadata and expiration, or its current absence, if nothing writes to
     * the key in between. Neither the clock nor the cache is touched, so a test can state when a
     * write will reach this location and go on in the present.
     *
     * <pre>{@code
     * Instant visible = sydney.seesCurrentValueFrom("config");
     * assertThat(visible).isEqualTo(clock.instant().plusSeconds(45));
     * }</pre>
     *
     * @param key the key name
     * @return now when this location already sees the current value or would fetch it; otherwise
     *     when its cached answer stops being served
     */
    public Instant seesCurrentValueFrom(String key) {
        return seesCurrentValueFrom(key, GetOptions.defaults());
    }

    /**
     * Returns the instant from which reads with these options (their cacheTtl) from this location
     * return the key's current value, as {@link #seesCurrentValueFrom(String)}.
     *
     * @param key the key name
     * @param options the options of the reads, for their cacheTtl
     * @return now, or when this location's cached answer stops being served to such reads
     * @throws dev.kvkit.KvException when the cacheTtl is below the minimum, as a read would
     */
    public Instant seesCurrentValueFrom(String key, GetOptions options) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(options, "options");
        return Instant.ofEpochMilli(location.seesCurrentValueFrom(key, options));
    }

    /**
     * Returns what a plain read from this location would return now, with its metadata and
     * expiration, without reading: nothing is cached and the cache status of later reads does not
     * change. In the default location it is {@link FakeKvNamespace#entry(String)}.
     *
     * @param key the key name
     * @return the entry this location would serve, or empty when it would answer null (a miss,
     *     cached or not)
     */
    public Optional<KvEntry> entry(String key) {
        Objects.requireNonNull(key, "key");
        StoredValue seen = location.peek(key, GetOptions.defaults());
        return seen == null ? Optional.empty() : Optional.of(location.entry(key, seen));
    }

    /**
     * Returns the page a {@link #list(ListOptions) list} from this location would return now, from
     * the location's list cache when it holds the page, without caching it, as assertions need:
     * looking must not change what the code under test sees next.
     *
     * <pre>{@code
     * KvListPage seen = sydney.listing(ListOptions.defaults().withPrefix("user:"));
     * }</pre>
     *
     * @param options prefix, limit and cursor, as for {@code list}
     * @return the page, as {@code list} would return it now
     * @throws dev.kvkit.KvException as {@code list} does, for a limit over 1000 or a bad cursor
     * @since 0.1.0
     */
    public KvListPage listing(ListOptions options) {
        return location.peekList(options);
    }

    @Override
    public String toString() {
        return "FakeKvLocation[" + namespace.name() + "@" + name + "]";
    }
}
