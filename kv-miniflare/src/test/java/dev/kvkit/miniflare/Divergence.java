package dev.kvkit.miniflare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The first step of a sequence whose outcomes differ: the step, what Miniflare answered and what the
 * fake answered, both in the shape of {@link Outcomes}.
 */
record Divergence(int index, JsonNode step, ObjectNode miniflare, ObjectNode fake) {

    /** The first step whose outcomes differ, or null when every step agrees. */
    static Divergence first(Sequence sequence, List<? extends JsonNode> worker, List<ObjectNode> fake) {
        if (worker.size() != sequence.steps().size()
                || fake.size() != sequence.steps().size()) {
            throw new IllegalStateException("Expected " + sequence.steps().size() + " outcomes, Miniflare gave "
                    + worker.size() + " and the fake " + fake.size());
        }
        for (int i = 0; i < fake.size(); i++) {
            JsonNode step = sequence.steps().get(i);
            ObjectNode miniflare =
                    Outcomes.fromWorker(worker.get(i), step.path("op").asText());
            if (!miniflare.equals(fake.get(i))) {
                return new Divergence(i, step, miniflare, fake.get(i));
            }
        }
        return null;
    }

    String op() {
        return step.path("op").asText();
    }

    @Override
    public String toString() {
        return "step " + index + " " + step + "\n    Miniflare: " + miniflare + "\n    fake:      " + fake;
    }
}
