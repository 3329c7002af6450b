package dev.kvkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.KvBinding;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LostUpdateAcrossLocationsTest {

    private final TestClock clock = TestClock.create();
    private final FakeKvNamespace kv = FakeKvNamespace.builder().clock(clock).build();

    /** The naive counter: read, add one, write. */
    private static void increment(KvBinding binding) {
        String current = binding.get("count");
        binding.put("count", String.valueOf(current == null ? 1 : Integer.parseInt(current) + 1));
    }

    @Test
    void interleavedReadModifyWritesFromTwoLocationsLoseAnUpdate() {
        FakeKvLocation sydney = kv.location("syd");
        FakeKvLocation london = kv.location("lhr");
        kv.put("count", "0");

        int seenInSydney = Integer.parseInt(sydney.get("count"));
        int seenInLondon = Integer.parseInt(london.get("count"));
        sydney.put("count", String.valueOf(seenInSydney + 1));
        london.put("count", String.valueOf(seenInLondon + 1));

        assertThat(kv.get("count")).isEqualTo("1");
    }

    @Test
    void incrementsSecondsApartStillLoseUpdatesThroughStaleCaches() {
        FakeKvLocation sydney = kv.location("syd");
        FakeKvLocation london = kv.location("lhr");
        kv.put("count", "0");
        london.get("count"); // london has cached 0

        clock.advance(Duration.ofSeconds(5));
        increment(sydney); // 1
        clock.advance(Duration.ofSeconds(5));
        increment(london); // reads its cached 0, writes 1 over sydney's 1
        clock.advance(Duration.ofSeconds(5));
        increment(sydney); // sydney sees its own write, 1, and writes 2

        assertThat(kv.get("count")).isEqualTo("2");
    }

    @Test
    void incrementsThroughOneLocationAreAllCounted() {
        FakeKvLocation sydney = kv.location("syd");
        for (int i = 0; i < 3; i++) {
            increment(sydney);
            clock.advance(Duration.ofSeconds(5));
        }
        assertThat(kv.get("count")).isEqualTo("3");
    }

    @Test
    void theLastWriteWinsWhateverItsLocation() {
        kv.location("syd").put("k", "from syd");
        kv.location("lhr").put("k", "from lhr");
        assertThat(kv.get("k")).isEqualTo("from lhr");
        kv.put("k", "from default");
        assertThat(kv.entry("k"))
                .hasValueSatisfying(e -> assertThat(e.valueAsText()).isEqualTo("from default"));
    }
}
