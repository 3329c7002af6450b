package dev.kvkit.junit.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.KvLimits;
import dev.kvkit.fake.TestClock;
import dev.kvkit.junit.KvExtension;
import dev.kvkit.junit.KvNamespace;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProgrammaticExampleTest {

    // tag::programmatic[]
    @RegisterExtension
    static final KvExtension kv = KvExtension.builder()
            .clockStart(Instant.parse("2030-01-01T00:00:00Z"))
            .limits(KvLimits.jsonNative())
            .noWranglerConfig()
            .build();

    @Test
    void namespacesFollowTheRegisteredSettings(@KvNamespace("TODO") FakeKvNamespace todo, TestClock clock) {
        assertThat(clock.instant()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(todo.limits()).isEqualTo(KvLimits.jsonNative());
    }
    // end::programmatic[]
}
