package com.example.greetings;

import static dev.kvkit.assertj.KvAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import dev.kvkit.junit.KvNamespace;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The tests: the fake, the extension and the assertions, all at test scope. */
class GreetingsTest {

    @Test
    void aGreetingLastsAnHour(@KvNamespace("GREETINGS") FakeKvNamespace kv, TestClock clock) {
        Greetings greetings = new Greetings(kv);

        greetings.greet("ada");

        assertThat(kv).entry("greeting:ada").hasText("Hello, ada").expiresWithin(Duration.ofHours(1));
        clock.advance(Duration.ofHours(1));
        assertThat(greetings.greetingFor("ada")).isEmpty();
    }
}
