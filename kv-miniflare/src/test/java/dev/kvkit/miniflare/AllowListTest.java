package dev.kvkit.miniflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The allow-list explains a divergence only by an entry's signature, and the shrinker keeps cursor
 * references pointing at the steps they meant. No Miniflare needed: divergences are built by hand.
 */
class AllowListTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final AllowList allowList = AllowList.load(mapper, "/allowed-divergences.json");

    @Test
    void everyEntryNamesItsRuleReasonAndStatusAndHasASequence() {
        assertThat(allowList.entries()).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.rule()).isNotBlank();
            assertThat(entry.reason()).isNotBlank();
            assertThat(entry.status()).isIn("deliberate", "spec silent, to decide", "kvkit bug, to fix");
            assertThat(entry.sequence().steps()).isNotEmpty();
        });
        assertThat(allowList.entries().stream().map(AllowList.Entry::id).distinct())
                .hasSameSizeAs(allowList.entries());
    }

    @Test
    void aRevivedKeyIsExplainedOnlyAfterTheClockMovedBack() {
        ObjectNode read = mapper.createObjectNode().put("op", "get").put("key", "a");
        Divergence revived =
                new Divergence(1, read, Outcomes.ok(mapper.getNodeFactory().textNode("v")), Outcomes.ok(null));

        Sequence back = sequence(clock(-60_000), read);
        Sequence forward = sequence(clock(60_000), read);

        assertThat(allowList.explaining(revived, back))
                .map(AllowList.Entry::id)
                .contains("no-revival-when-the-clock-moves-back");
        assertThat(allowList.explaining(revived, forward)).isEmpty();
    }

    @Test
    void anErrorTextOfTheRightKindButAnotherMessageIsNotExplained() {
        ObjectNode put = mapper.createObjectNode().put("op", "put").put("key", "a");
        ObjectNode workerd = mapper.createObjectNode();
        workerd.putObject("error")
                .put("name", "TypeError")
                .put("message", "Value out of range. Must be between -2147483648 and 2147483647 (inclusive).");
        ObjectNode otherWorkerd = mapper.createObjectNode();
        otherWorkerd.putObject("error").put("name", "TypeError").put("message", "Key name cannot be empty.");
        ObjectNode fake = Outcomes.error(new IllegalArgumentException("Invalid expiration_ttl of 2147483648. "
                + "The binding carries 32-bit integers: the largest allowed is 2147483647."));
        Sequence sequence = sequence(put);

        assertThat(allowList.explaining(new Divergence(0, put, Outcomes.fromWorker(workerd, "put"), fake), sequence))
                .map(AllowList.Entry::id)
                .contains("32-bit-option-message");
        assertThat(allowList.explaining(
                        new Divergence(0, put, Outcomes.fromWorker(otherWorkerd, "put"), fake), sequence))
                .isEmpty();
        ObjectNode get = mapper.createObjectNode().put("op", "get").put("key", "a");
        assertThat(allowList.explaining(new Divergence(0, get, Outcomes.fromWorker(workerd, "get"), fake), sequence))
                .as("the same outcomes on another operation")
                .isEmpty();
    }

    @Test
    void anEntryWithoutAReasonIsRejectedWhenTheListIsRead() {
        assertThatThrownBy(() -> AllowList.load(mapper, "/allow-list-without-reason.json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Allow-list entry lacks \"reason\"");
    }

    @Test
    void droppingStepsRenumbersCursorReferencesAndDropsThoseToRemovedSteps() {
        ObjectNode first = mapper.createObjectNode().put("op", "list").put("limit", 1);
        ObjectNode second = mapper.createObjectNode().put("op", "list").put("limit", 1);
        ObjectNode fromFirst = mapper.createObjectNode().put("op", "list").put("cursorFrom", 0);
        ObjectNode fromSecond = mapper.createObjectNode().put("op", "list").put("cursorFrom", 1);
        Sequence sequence = sequence(first, second, fromFirst, fromSecond);

        Sequence withoutFirst = Shrinker.without(sequence, 0, 1);

        assertThat(withoutFirst.steps()).hasSize(3);
        assertThat(withoutFirst.steps().get(1).has("cursorFrom")).isFalse();
        assertThat(withoutFirst.steps().get(2).get("cursorFrom").asInt()).isZero();
    }

    @Test
    void outcomesCompareNumbersByValueAndObjectsWhateverTheirMemberOrder() {
        ObjectNode javascript = mapper.createObjectNode();
        javascript.putObject("ok").put("b", 1).put("a", 2.5);
        ObjectNode java = mapper.createObjectNode();
        java.putObject("ok").put("a", 2.50).put("b", 1.0);

        assertThat(Outcomes.fromWorker(javascript, "get")).isEqualTo(Outcomes.ok(java.get("ok")));
        assertThat(Outcomes.fromWorker(javascript, "get"))
                .isNotEqualTo(Outcomes.ok(mapper.createObjectNode().put("a", 2.5)));
    }

    private Sequence sequence(ObjectNode... steps) {
        ArrayNode array = mapper.createArrayNode();
        List.of(steps).forEach(array::add);
        return new Sequence(SequenceGenerator.EPOCH_MILLIS, array);
    }

    private ObjectNode clock(long millis) {
        return mapper.createObjectNode().put("op", "clock").put("millis", millis);
    }
}
