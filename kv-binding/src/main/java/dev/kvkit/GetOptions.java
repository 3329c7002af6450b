package dev.kvkit;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Options of a read: how long the edge may cache what it read ({@code cacheTtl}, in seconds).
 *
 * <pre>{@code
 * String config = kv.get("config", GetOptions.defaults().withCacheTtl(300));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; every {@code with} method returns a new instance.
 *
 * @since 0.1.0
 */
public final class GetOptions {

    private static final GetOptions DEFAULTS = new GetOptions(null);

    private final Long cacheTtl;

    private GetOptions(Long cacheTtl) {
        this.cacheTtl = cacheTtl;
    }

    /**
     * Returns the options of a plain read: no cacheTtl, so the service default applies.
     *
     * @return the default options
     */
    public static GetOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a copy of these options with the given cacheTtl. The service checks the value: below
     * its minimum (30 seconds) the read fails with a {@link KvException}.
     *
     * @param seconds how long the reading location may cache the result
     * @return the new options
     */
    public GetOptions withCacheTtl(long seconds) {
        return new GetOptions(seconds);
    }

    /**
     * Returns the cacheTtl in seconds, if one was given.
     *
     * @return the cacheTtl, or empty for the service default
     */
    public OptionalLong cacheTtl() {
        return cacheTtl == null ? OptionalLong.empty() : OptionalLong.of(cacheTtl);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GetOptions that && Objects.equals(cacheTtl, that.cacheTtl);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(cacheTtl);
    }

    @Override
    public String toString() {
        return cacheTtl == null ? "GetOptions{}" : "GetOptions{cacheTtl=" + cacheTtl + "}";
    }
}
