package dev.kvkit.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvkit.GetOptions;
import dev.kvkit.KvBinding;
import dev.kvkit.KvType;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Feature flags kept as one JSON document under the key {@value #KEY}, the layout Cloudflare
 * suggests for configuration: one read answers every flag, and the edge caches it.
 *
 * <pre>{@code
 * {
 *   "dark-mode":   { "enabled": true },
 *   "summer-sale": { "enabled": true, "from": "2026-06-01T00:00:00Z", "until": "2026-09-01T00:00:00Z" }
 * }
 * }</pre>
 *
 * <p>A flag is on when it is enabled and the clock is within its optional {@code from} (inclusive)
 * and {@code until} (exclusive). A flag not in the document, or no document at all, is off.
 * Reads ask the edge to keep the document for {@value #CACHE_TTL_SECONDS} seconds, so a change
 * reaches other locations within five minutes.
 *
 * <p>The writing methods read, change and write the whole document; they are meant for one admin
 * tool, not for concurrent writers (see {@link NaiveCounter} for what those would lose).
 *
 * @since 0.1.0
 */
public final class FeatureFlags {

    /** The key of the flags document. */
    public static final String KEY = "flags";

    /** How long a location may serve a cached document. */
    public static final long CACHE_TTL_SECONDS = 300;

    private final KvBinding kv;
    private final Clock clock;

    /**
     * Creates flags over a namespace.
     *
     * @param kv the configuration namespace, such as {@code env.FLAGS}
     * @param clock the clock that decides whether a scheduled flag is on
     */
    public FeatureFlags(KvBinding kv, Clock clock) {
        this.kv = Objects.requireNonNull(kv, "kv");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Returns whether a flag is on now.
     *
     * @param flag the flag name, such as {@code "dark-mode"}
     * @return {@code true} when it is enabled and within its schedule
     * @throws IllegalStateException when the document gives the flag a {@code from} or {@code until}
     *     that is not an ISO-8601 instant
     */
    public boolean isEnabled(String flag) {
        Objects.requireNonNull(flag, "flag");
        return isOn(flag, read().get(flag), clock.instant());
    }

    /**
     * Returns every flag of the document and whether it is on now, in name order, from one read.
     *
     * @return the flags
     * @throws IllegalStateException when a flag's schedule holds something other than an instant
     */
    public Map<String, Boolean> all() {
        ObjectNode document = read();
        Instant now = clock.instant();
        Map<String, Boolean> flags = new TreeMap<>();
        for (Map.Entry<String, JsonNode> flag : document.properties()) {
            flags.put(flag.getKey(), isOn(flag.getKey(), flag.getValue(), now));
        }
        return flags;
    }

    /**
     * Turns a flag on for good, dropping any schedule it had.
     *
     * @param flag the flag name
     */
    public void enable(String flag) {
        write(flag, JsonNodeFactory.instance.objectNode().put("enabled", true));
    }

    /**
     * Turns a flag off.
     *
     * @param flag the flag name
     */
    public void disable(String flag) {
        write(flag, JsonNodeFactory.instance.objectNode().put("enabled", false));
    }

    /**
     * Turns a flag on from one instant until another.
     *
     * @param flag the flag name
     * @param from when it goes on
     * @param until when it goes off, after {@code from}
     * @throws IllegalArgumentException when {@code until} is not after {@code from}
     */
    public void schedule(String flag, Instant from, Instant until) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException(
                    "A flag's schedule must end after it starts, but was: from " + from + " until " + until);
        }
        write(
                flag,
                JsonNodeFactory.instance
                        .objectNode()
                        .put("enabled", true)
                        .put("from", from.toString())
                        .put("until", until.toString()));
    }

    private ObjectNode read() {
        JsonNode document = kv.get(KEY, KvType.JSON, GetOptions.defaults().withCacheTtl(CACHE_TTL_SECONDS));
        if (document == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!document.isObject()) {
            throw new IllegalStateException(
                    "The flags document must be a JSON object of flags, but was: " + document.getNodeType());
        }
        return ((ObjectNode) document).deepCopy();
    }

    private void write(String flag, ObjectNode rule) {
        Objects.requireNonNull(flag, "flag");
        ObjectNode document = read();
        document.set(flag, rule);
        kv.putJson(KEY, document);
    }

    private static boolean isOn(String flag, JsonNode rule, Instant now) {
        if (rule == null || !rule.path("enabled").asBoolean(false)) {
            return false;
        }
        Instant from = instant(flag, rule, "from");
        Instant until = instant(flag, rule, "until");
        return (from == null || !now.isBefore(from)) && (until == null || now.isBefore(until));
    }

    private static Instant instant(String flag, JsonNode rule, String field) {
        if (!rule.hasNonNull(field)) {
            return null;
        }
        try {
            return Instant.parse(rule.get(field).asText());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(
                    "Flag \"" + flag + "\" has a \"" + field + "\" that is not an ISO-8601 instant such as"
                            + " 2026-06-01T00:00:00Z: " + rule.get(field),
                    e);
        }
    }
}
