package dev.kvkit.fake;

import dev.kvkit.internal.BindingChecks;
import java.util.Objects;

/**
 * Every limit a fake namespace enforces, as one value: a platform profile.
 *
 * <p>{@link #cloudflare()} is Workers KV today and the default of every fake. {@link #jsonNative()}
 * is the stricter JSON-native KV platform (100 KB values). Build another profile from either:
 *
 * <pre>{@code
 * KvLimits tiny = KvLimits.cloudflare().toBuilder().maxValueBytes(1024).build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class KvLimits {

    private static final int MIB = 1024 * 1024;

    private static final KvLimits CLOUDFLARE = new Builder().build();

    private static final KvLimits JSON_NATIVE =
            new Builder().name("json-native").maxValueBytes(100 * 1024).build();

    private final String name;
    private final int maxKeyBytes;
    private final int maxValueBytes;
    private final int maxMetadataBytes;
    private final int maxListLimit;
    private final int maxBulkKeys;
    private final long maxBulkTotalBytes;
    private final long minExpirationTtlSeconds;
    private final long minCacheTtlSeconds;
    private final long defaultCacheTtlSeconds;
    private final int maxWritesPerKeyPerSecond;
    private final int maxRestBulkPairs;
    private final long maxRestBulkRequestBytes;
    /** The binding's checks against this profile, made once; derived, so not part of equality. */
    private final BindingChecks checks;

    private KvLimits(Builder builder) {
        this.name = builder.name;
        this.maxKeyBytes = builder.maxKeyBytes;
        this.maxValueBytes = builder.maxValueBytes;
        this.maxMetadataBytes = builder.maxMetadataBytes;
        this.maxListLimit = builder.maxListLimit;
        this.maxBulkKeys = builder.maxBulkKeys;
        this.maxBulkTotalBytes = builder.maxBulkTotalBytes;
        this.minExpirationTtlSeconds = builder.minExpirationTtlSeconds;
        this.minCacheTtlSeconds = builder.minCacheTtlSeconds;
        this.defaultCacheTtlSeconds = builder.defaultCacheTtlSeconds;
        this.maxWritesPerKeyPerSecond = builder.maxWritesPerKeyPerSecond;
        this.maxRestBulkPairs = builder.maxRestBulkPairs;
        this.maxRestBulkRequestBytes = builder.maxRestBulkRequestBytes;
        this.checks =
                new BindingChecks(maxKeyBytes, maxListLimit, maxBulkKeys, minExpirationTtlSeconds, minCacheTtlSeconds);
    }

    /**
     * Returns the limits of Cloudflare Workers KV: 512-byte keys, 25 MiB values, 1024-byte
     * metadata, 1000 keys per list page, 100 keys and 25 MiB per bulk read, 60-second minimum
     * expiration, cacheTtl of at least 30 (default 60) seconds, one write per key per second.
     *
     * @return the Cloudflare profile, the default of every fake
     */
    public static KvLimits cloudflare() {
        return CLOUDFLARE;
    }

    /**
     * Returns the limits of the stricter JSON-native KV platform: as {@link #cloudflare()}, but
     * values of at most 100 KB (102,400 bytes).
     *
     * @return the JSON-native profile
     */
    public static KvLimits jsonNative() {
        return JSON_NATIVE;
    }

    /**
     * Returns a builder starting from the Cloudflare profile.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder starting from this profile.
     *
     * @return a new builder holding this profile's limits
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns the profile's name, shown in {@link #toString()}.
     *
     * @return the name, such as {@code "cloudflare"}
     */
    public String name() {
        return name;
    }

    /**
     * Returns the longest key, in UTF-8 bytes.
     *
     * @return the key limit, inclusive
     */
    public int maxKeyBytes() {
        return maxKeyBytes;
    }

    /**
     * Returns the largest value, in bytes.
     *
     * @return the value limit, inclusive
     */
    public int maxValueBytes() {
        return maxValueBytes;
    }

    /**
     * Returns the largest metadata, in UTF-8 bytes of its JSON text.
     *
     * @return the metadata limit, inclusive
     */
    public int maxMetadataBytes() {
        return maxMetadataBytes;
    }

    /**
     * Returns the most keys one list page holds, and the page size when none is asked for.
     *
     * @return the list limit, inclusive
     */
    public int maxListLimit() {
        return maxListLimit;
    }

    /**
     * Returns the most keys one bulk read may ask for.
     *
     * @return the bulk key limit, inclusive
     */
    public int maxBulkKeys() {
        return maxBulkKeys;
    }

    /**
     * Returns the largest total size of the values one bulk read returns.
     *
     * @return the bulk size limit in bytes, inclusive
     */
    public long maxBulkTotalBytes() {
        return maxBulkTotalBytes;
    }

    /**
     * Returns the shortest expiration TTL, and how far in the future an absolute expiration must
     * be at least.
     *
     * @return the minimum in seconds
     */
    public long minExpirationTtlSeconds() {
        return minExpirationTtlSeconds;
    }

    /**
     * Returns the smallest cacheTtl a read may ask for.
     *
     * @return the minimum in seconds
     */
    public long minCacheTtlSeconds() {
        return minCacheTtlSeconds;
    }

    /**
     * Returns the cacheTtl of a read that asks for none.
     *
     * @return the default in seconds
     */
    public long defaultCacheTtlSeconds() {
        return defaultCacheTtlSeconds;
    }

    /**
     * Returns how many writes per second one key takes, when the namespace enforces the write rate.
     *
     * @return the write rate per key
     */
    public int maxWritesPerKeyPerSecond() {
        return maxWritesPerKeyPerSecond;
    }

    /**
     * Returns the most key-value pairs one REST bulk write or delete may carry.
     *
     * @return the pair limit, inclusive
     */
    public int maxRestBulkPairs() {
        return maxRestBulkPairs;
    }

    /**
     * Returns the largest REST bulk request, in bytes.
     *
     * @return the request limit, inclusive
     */
    public long maxRestBulkRequestBytes() {
        return maxRestBulkRequestBytes;
    }

    /** Returns the binding's checks (key names, cacheTtl, bulk and list arguments) against this profile. */
    BindingChecks checks() {
        return checks;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KvLimits that
                && name.equals(that.name)
                && maxKeyBytes == that.maxKeyBytes
                && maxValueBytes == that.maxValueBytes
                && maxMetadataBytes == that.maxMetadataBytes
                && maxListLimit == that.maxListLimit
                && maxBulkKeys == that.maxBulkKeys
                && maxBulkTotalBytes == that.maxBulkTotalBytes
                && minExpirationTtlSeconds == that.minExpirationTtlSeconds
                && minCacheTtlSeconds == that.minCacheTtlSeconds
                && defaultCacheTtlSeconds == that.defaultCacheTtlSeconds
                && maxWritesPerKeyPerSecond == that.maxWritesPerKeyPerSecond
                && maxRestBulkPairs == that.maxRestBulkPairs
                && maxRestBulkRequestBytes == that.maxRestBulkRequestBytes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                name,
                maxKeyBytes,
                maxValueBytes,
                maxMetadataBytes,
                maxListLimit,
                maxBulkKeys,
                maxBulkTotalBytes,
                minExpirationTtlSeconds,
                minCacheTtlSeconds,
                defaultCacheTtlSeconds,
                maxWritesPerKeyPerSecond,
                maxRestBulkPairs,
                maxRestBulkRequestBytes);
    }

    @Override
    public String toString() {
        return "KvLimits[" + name + ": key=" + maxKeyBytes + "B, value=" + maxValueBytes + "B, metadata="
                + maxMetadataBytes + "B, listPage=" + maxListLimit + ", bulk=" + maxBulkKeys + " keys/"
                + maxBulkTotalBytes + "B, minExpiration=" + minExpirationTtlSeconds + "s, cacheTtl="
                + minCacheTtlSeconds + "s.." + defaultCacheTtlSeconds + "s, writesPerKey="
                + maxWritesPerKeyPerSecond + "/s]";
    }

    /**
     * Builds a {@link KvLimits} profile. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {

        private String name = "cloudflare";
        private int maxKeyBytes = 512;
        private int maxValueBytes = 25 * MIB;
        private int maxMetadataBytes = 1024;
        private int maxListLimit = 1000;
        private int maxBulkKeys = 100;
        private long maxBulkTotalBytes = 25L * MIB;
        private long minExpirationTtlSeconds = 60;
        private long minCacheTtlSeconds = 30;
        private long defaultCacheTtlSeconds = 60;
        private int maxWritesPerKeyPerSecond = 1;
        private int maxRestBulkPairs = 10_000;
        private long maxRestBulkRequestBytes = 100L * 1000 * 1000;

        private Builder() {}

        private Builder(KvLimits from) {
            name = from.name;
            maxKeyBytes = from.maxKeyBytes;
            maxValueBytes = from.maxValueBytes;
            maxMetadataBytes = from.maxMetadataBytes;
            maxListLimit = from.maxListLimit;
            maxBulkKeys = from.maxBulkKeys;
            maxBulkTotalBytes = from.maxBulkTotalBytes;
            minExpirationTtlSeconds = from.minExpirationTtlSeconds;
            minCacheTtlSeconds = from.minCacheTtlSeconds;
            defaultCacheTtlSeconds = from.defaultCacheTtlSeconds;
            maxWritesPerKeyPerSecond = from.maxWritesPerKeyPerSecond;
            maxRestBulkPairs = from.maxRestBulkPairs;
            maxRestBulkRequestBytes = from.maxRestBulkRequestBytes;
        }

        /**
         * Sets the profile's name.
         *
         * @param name a short name, shown in {@code toString}
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sets the longest key in UTF-8 bytes.
         *
         * @param bytes at least 1
         * @return this builder
         */
        public Builder maxKeyBytes(int bytes) {
            this.maxKeyBytes = positive("maxKeyBytes", bytes);
            return this;
        }

        /**
         * Sets the largest value in bytes.
         *
         * @param bytes at least 1
         * @return this builder
         */
        public Builder maxValueBytes(int bytes) {
            this.maxValueBytes = positive("maxValueBytes", bytes);
            return this;
        }

        /**
         * Sets the largest metadata in UTF-8 bytes of JSON.
         *
         * @param bytes at least 1
         * @return this builder
         */
        public Builder maxMetadataBytes(int bytes) {
            this.maxMetadataBytes = positive("maxMetadataBytes", bytes);
            return this;
        }

        /**
         * Sets the most keys per list page, also the default page size.
         *
         * @param keys at least 1
         * @return this builder
         */
        public Builder maxListLimit(int keys) {
            this.maxListLimit = positive("maxListLimit", keys);
            return this;
        }

        /**
         * Sets the most keys per bulk read.
         *
         * @param keys at least 1
         * @return this builder
         */
        public Builder maxBulkKeys(int keys) {
            this.maxBulkKeys = positive("maxBulkKeys", keys);
            return this;
        }

        /**
         * Sets the largest total size of one bulk read's values.
         *
         * @param bytes at least 1
         * @return this builder
         */
        public Builder maxBulkTotalBytes(long bytes) {
            this.maxBulkTotalBytes = positive("maxBulkTotalBytes", bytes);
            return this;
        }

        /**
         * Sets the shortest expiration TTL, and the least distance of an absolute expiration.
         *
         * @param seconds at least 1
         * @return this builder
         */
        public Builder minExpirationTtlSeconds(long seconds) {
            this.minExpirationTtlSeconds = positive("minExpirationTtlSeconds", seconds);
            return this;
        }

        /**
         * Sets the smallest cacheTtl a read may ask for.
         *
         * @param seconds at least 1
         * @return this builder
         */
        public Builder minCacheTtlSeconds(long seconds) {
            this.minCacheTtlSeconds = positive("minCacheTtlSeconds", seconds);
            return this;
        }

        /**
         * Sets the cacheTtl of reads that ask for none.
         *
         * @param seconds at least 1
         * @return this builder
         */
        public Builder defaultCacheTtlSeconds(long seconds) {
            this.defaultCacheTtlSeconds = positive("defaultCacheTtlSeconds", seconds);
            return this;
        }

        /**
         * Sets how many writes per second one key takes when the write rate is enforced.
         *
         * @param writes at least 1
         * @return this builder
         */
        public Builder maxWritesPerKeyPerSecond(int writes) {
            this.maxWritesPerKeyPerSecond = positive("maxWritesPerKeyPerSecond", writes);
            return this;
        }

        /**
         * Sets the most pairs of one REST bulk write or delete.
         *
         * @param pairs at least 1
         * @return this builder
         */
        public Builder maxRestBulkPairs(int pairs) {
            this.maxRestBulkPairs = positive("maxRestBulkPairs", pairs);
            return this;
        }

        /**
         * Sets the largest REST bulk request.
         *
         * @param bytes at least 1
         * @return this builder
         */
        public Builder maxRestBulkRequestBytes(long bytes) {
            this.maxRestBulkRequestBytes = positive("maxRestBulkRequestBytes", bytes);
            return this;
        }

        /**
         * Builds the profile.
         *
         * @return the limits
         * @throws IllegalArgumentException if the default cacheTtl is below the minimum
         */
        public KvLimits build() {
            if (defaultCacheTtlSeconds < minCacheTtlSeconds) {
                throw new IllegalArgumentException("defaultCacheTtlSeconds (" + defaultCacheTtlSeconds
                        + ") must be at least minCacheTtlSeconds (" + minCacheTtlSeconds + ")");
            }
            return new KvLimits(this);
        }

        private static int positive(String what, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(what + " must be at least 1, but was: " + value);
            }
            return value;
        }

        private static long positive(String what, long value) {
            if (value < 1) {
                throw new IllegalArgumentException(what + " must be at least 1, but was: " + value);
            }
            return value;
        }
    }
}
