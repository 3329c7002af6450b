package dev.kvkit.assertj;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestKeysTest {

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(NearestKeys.editDistance("user:42", "user:42")).isZero();
        assertThat(NearestKeys.editDistance("user:42", "user:43")).isEqualTo(1);
        assertThat(NearestKeys.editDistance("user:42", "users:42")).isEqualTo(1);
        assertThat(NearestKeys.editDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(NearestKeys.editDistance("", "abc")).isEqualTo(3);
    }

    @Test
    void aTypoRanksBeforeASharedPrefix() {
        List<String> held = List.of("user:1", "user:100", "users:42", "order:42", "session:42");

        // distances: users:42 1, user:1 2, user:100 3, order:42 3 (no shared prefix), session:42 5
        assertThat(NearestKeys.to("user:42", held)).containsExactly("users:42", "user:1", "user:100");
    }

    @Test
    void aLongerSharedPrefixBreaksTies() {
        List<String> held = List.of("b:1", "a:2");

        assertThat(NearestKeys.to("a:1", held)).containsExactly("a:2", "b:1");
    }

    @Test
    void offersAtMostThreeCandidates() {
        assertThat(NearestKeys.to("k", List.of("a", "b", "c", "d", "e"))).hasSize(NearestKeys.CANDIDATES);
    }
}
