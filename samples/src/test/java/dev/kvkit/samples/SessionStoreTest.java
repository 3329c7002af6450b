package dev.kvkit.samples;

import static dev.kvkit.assertj.KvAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.kvkit.KvBinding;
import dev.kvkit.assertj.SoftKvAssertions;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import dev.kvkit.junit.KvClock;
import dev.kvkit.junit.KvNamespace;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

// tag::samples-session-setup[]
@ExtendWith({MockitoExtension.class, SoftAssertionsExtension.class})
class SessionStoreTest {

    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);

    @KvNamespace("SESSIONS")
    FakeKvNamespace sessions; // what the assertions look at

    @KvNamespace("SESSIONS")
    KvBinding kv; // what the store writes through: the same namespace

    @KvClock
    TestClock clock;

    @Mock
    SessionExpiryListener listener; // not KV: a plain Mockito mock

    SessionStore store;

    @BeforeEach
    void createTheStore() {
        AtomicInteger ids = new AtomicInteger();
        store = new SessionStore(kv, clock, IDLE_TIMEOUT, listener, () -> "s-" + ids.incrementAndGet());
    }
    // end::samples-session-setup[]

    @Test
    void startStoresTheSessionForOneIdleTimeout(SoftKvAssertions softly) {
        Session session = store.start("ada");

        softly.assertThat(sessions)
                .entry("session:s-1")
                .hasJson("{\"userId\": \"ada\", \"createdAt\": \"2026-01-01T00:00:00Z\","
                        + " \"lastSeenAt\": \"2026-01-01T00:00:00Z\"}")
                .hasExpiration(Instant.parse("2026-01-01T00:30:00Z"));
        softly.assertThat(sessions).after(IDLE_TIMEOUT).doesNotContainKey("session:s-1");
        assertThat(session.id()).isEqualTo("s-1");
    }

    // tag::samples-session-sliding[]
    @Test
    void eachUseKeepsTheSessionAliveForAnotherIdleTimeout(SoftKvAssertions softly) { // reported by AssertJ's extension
        Session session = store.start("ada");

        for (int request = 0; request < 6; request++) { // two hours, a request every 20 minutes
            clock.advance(Duration.ofMinutes(20));
            assertThat(store.resume(session.id())).isPresent();
        }

        softly.assertThat(sessions).entry("session:s-1").expiresIn(IDLE_TIMEOUT); // refreshed by the last request
        softly.assertThat(sessions).after(IDLE_TIMEOUT.minusSeconds(1)).containsKey("session:s-1");
        softly.assertThat(sessions).after(IDLE_TIMEOUT).doesNotContainKey("session:s-1");
        verifyNoInteractions(listener);
    }

    @Test
    void aSessionIdleForTheTimeoutExpiresAndTheListenerIsTold() {
        Session session = store.start("ada");

        clock.advance(IDLE_TIMEOUT);

        assertThat(store.resume(session.id())).isEmpty();
        verify(listener).sessionExpired("s-1");
    }
    // end::samples-session-sliding[]

    @Test
    void resumeKeepsWhoSignedInAndWhenAndRecordsThisUse(SoftKvAssertions softly) {
        store.start("ada");
        clock.advance(Duration.ofMinutes(10));

        Session resumed = store.resume("s-1").orElseThrow();

        assertThat(resumed)
                .isEqualTo(new Session(
                        "s-1", "ada", Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:10:00Z")));
        softly.assertThat(sessions)
                .entry("session:s-1")
                .hasJson("{\"userId\": \"ada\", \"createdAt\": \"2026-01-01T00:00:00Z\","
                        + " \"lastSeenAt\": \"2026-01-01T00:10:00Z\"}")
                .hasExpiration(Instant.parse("2026-01-01T00:40:00Z"));
    }

    @Test
    void sessionsOfDifferentUsersLiveIndependently(SoftKvAssertions softly) {
        store.start("ada");
        clock.advance(Duration.ofMinutes(20));
        store.start("grace");

        clock.advance(Duration.ofMinutes(10));

        assertThat(store.resume("s-1")).isEmpty();
        assertThat(store.resume("s-2"))
                .hasValueSatisfying(s -> assertThat(s.userId()).isEqualTo("grace"));
        verify(listener).sessionExpired("s-1");
        softly.assertThat(sessions).containsExactlyKeys("session:s-2");
    }

    @Test
    void endRemovesTheSessionWithoutTellingTheListener() {
        store.start("ada");

        store.end("s-1");

        assertThat(sessions).isEmpty();
        verifyNoInteractions(listener);
    }

    @Test
    void aSessionWithAMalformedStartIsReportedByKey() {
        sessions.put("session:s-9", "{\"userId\": \"ada\", \"createdAt\": \"yesterday\"}");

        assertThatThrownBy(() -> store.resume("s-9"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("session:s-9 has a \"createdAt\" that is not an ISO-8601 instant such as"
                        + " \"2026-01-01T00:00:00Z\": \"yesterday\"");
        verifyNoInteractions(listener);
    }

    @Test
    void anIdleTimeoutShorterThanKvsSmallestTtlIsRefused() {
        assertThatThrownBy(() -> new SessionStore(sessions, clock, Duration.ofSeconds(59), listener))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The idle timeout must be whole seconds and at least 60 s, KV's smallest TTL, but was:"
                        + " PT59S");
    }
}
