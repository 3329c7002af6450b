package dev.kvkit.miniflare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The deliberate differences between kvkit and Miniflare, as data: {@code allowed-divergences.json}.
 *
 * <p>Each entry names the rule of kvkit's KV semantics that makes kvkit differ, why, and a minimal
 * sequence that shows the difference. A divergence is explained by an entry only through the entry's
 * signature: the step's operation ({@code op}, matched in full), a regular expression each side's
 * outcome ({@code miniflare}, {@code fake}: the compact JSON of {@link Outcomes}) must match in full,
 * and optionally one the step's own JSON must contain ({@code step}) and one the steps before it
 * must contain ({@code after}, for example a backwards clock move). Nothing else about a divergence makes it allowed.
 */
final class AllowList {

    /** One allowed divergence. */
    record Entry(
            String id,
            String rule,
            String reason,
            String status,
            Pattern op,
            Pattern step,
            Pattern miniflare,
            Pattern fake,
            Pattern after,
            Sequence sequence) {

        boolean explains(Divergence divergence, Sequence in) {
            if (!op.matcher(divergence.op()).matches()
                    || (step != null
                            && !step.matcher(divergence.step().toString()).find())
                    || !miniflare.matcher(divergence.miniflare().toString()).matches()
                    || !fake.matcher(divergence.fake().toString()).matches()) {
                return false;
            }
            if (after == null) {
                return true;
            }
            StringBuilder before = new StringBuilder();
            for (int i = 0; i < divergence.index(); i++) {
                before.append(in.steps().get(i)).append('\n');
            }
            return after.matcher(before).find();
        }
    }

    private final List<Entry> entries;

    private AllowList(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static AllowList load(ObjectMapper mapper, String resource) {
        try (InputStream in = AllowList.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No allow-list at " + resource);
            }
            JsonNode root = mapper.readTree(in);
            List<Entry> entries = new ArrayList<>();
            for (JsonNode entry : root.path("entries")) {
                JsonNode signature = entry.path("signature");
                JsonNode sequence = entry.path("sequence");
                entries.add(new Entry(
                        required(entry, "id"),
                        required(entry, "rule"),
                        required(entry, "reason"),
                        required(entry, "status"),
                        Pattern.compile(required(signature, "op")),
                        signature.hasNonNull("step")
                                ? Pattern.compile(signature.get("step").asText())
                                : null,
                        Pattern.compile(required(signature, "miniflare")),
                        Pattern.compile(required(signature, "fake")),
                        signature.hasNonNull("after")
                                ? Pattern.compile(signature.get("after").asText())
                                : null,
                        new Sequence(sequence.path("startMillis").asLong(SequenceGenerator.EPOCH_MILLIS), (ArrayNode)
                                sequence.path("steps"))));
            }
            return new AllowList(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the allow-list " + resource, e);
        }
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalStateException("Allow-list entry lacks \"" + field + "\": " + node);
        }
        return value.asText();
    }

    List<Entry> entries() {
        return entries;
    }

    Optional<Entry> explaining(Divergence divergence, Sequence in) {
        return entries.stream().filter(e -> e.explains(divergence, in)).findFirst();
    }
}
