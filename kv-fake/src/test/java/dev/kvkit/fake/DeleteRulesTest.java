package dev.kvkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.PutOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Spec section "delete": deleting removes the key; a missing or expired key is deleted silently. */
class DeleteRulesTest {

    private final TestClock clock = TestClock.create();
    private final FakeKvNamespace kv = Namespaces.seeded(clock);

    @Test
    void deleteRemovesTheWholeRecord() {
        kv.delete(Namespaces.EXISTING);

        assertThat(kv.get(Namespaces.EXISTING)).isNull();
        assertThat(kv.getWithMetadata(Namespaces.EXISTING).metadata()).isNull();
        assertThat(kv.keys()).containsExactly("plain");
    }

    @Test
    void deletingAMissingKeySucceedsAndChangesNothing() {
        String before = kv.exportBulk();

        kv.delete("missing");

        assertThat(kv.exportBulk()).isEqualTo(before);
    }

    @Test
    void deletingAnExpiredKeySucceeds() {
        kv.put("short", "v", PutOptions.defaults().withExpirationTtl(60));
        clock.advance(Duration.ofSeconds(60));

        kv.delete("short");

        assertThat(kv.get("short")).isNull();
        assertThat(kv.keys()).containsExactly(Namespaces.EXISTING, "plain");
    }

    @Test
    void aDeletedKeyCanBeWrittenAgain() {
        kv.delete("plain");
        kv.put("plain", "again");

        assertThat(kv.get("plain")).isEqualTo("again");
    }
}
