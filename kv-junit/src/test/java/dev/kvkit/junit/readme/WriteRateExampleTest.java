package dev.kvkit.junit.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kvkit.KvException;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import dev.kvkit.junit.KvNamespace;
import dev.kvkit.junit.KvTest;
import dev.kvkit.junit.Toggle;
import java.time.Duration;
import org.junit.jupiter.api.Test;

// tag::realism-write-rate[]
@KvTest(enforceWriteRate = Toggle.ON)
class WriteRateExampleTest {

    @KvNamespace("SESSIONS")
    FakeKvNamespace sessions;

    @Test
    void aSecondWriteToOneKeyWithinASecondIsRefused(TestClock clock) {
        sessions.put("session:1", "ada");

        assertThatThrownBy(() -> sessions.put("session:1", "grace"))
                .isInstanceOf(KvException.class)
                .hasMessage("KV PUT failed: 429 Too Many Requests");

        clock.advance(Duration.ofSeconds(1));
        sessions.put("session:1", "grace");
        assertThat(sessions.get("session:1")).isEqualTo("grace");
    }
}
// end::realism-write-rate[]
