package dev.kvkit.junit.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.KvBinding;
import dev.kvkit.KvListPage;
import dev.kvkit.ListOptions;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.junit.KvNamespace;
import dev.kvkit.junit.Toggle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RealismExampleTest {

    // tag::realism-lost-update[]
    @Test
    void twoLocationsCountingTheNaiveWayLoseAVisit(
            @KvNamespace("COUNTERS") FakeKvNamespace counters,
            @KvNamespace(value = "COUNTERS", location = "syd") KvBinding sydney,
            @KvNamespace(value = "COUNTERS", location = "lhr") KvBinding london) {
        counters.put("visits", "0");

        int seenInSydney = Integer.parseInt(sydney.get("visits"));
        int seenInLondon = Integer.parseInt(london.get("visits"));
        sydney.put("visits", String.valueOf(seenInSydney + 1));
        london.put("visits", String.valueOf(seenInLondon + 1)); // the last write wins

        assertThat(counters.get("visits")).isEqualTo("1"); // two visits, one counted
    }
    // end::realism-lost-update[]

    // tag::realism-list-stress[]
    @Test
    void pagesUntilListCompleteNotUntilAShortPage(
            @KvNamespace(value = "USERS", listStressMode = Toggle.ON) KvBinding users) {
        users.put("user:1", "Ada");
        users.put("user:2", "Grace");

        List<String> names = new ArrayList<>();
        KvListPage page = users.list();
        assertThat(page.keys()).isEmpty(); // a short page that is not the last one
        names.addAll(page.names());
        while (!page.listComplete()) { // not: while the page is full
            page = users.list(ListOptions.defaults().withCursor(page.cursor()));
            names.addAll(page.names());
        }

        assertThat(names).containsExactly("user:1", "user:2");
    }
    // end::realism-list-stress[]
}
