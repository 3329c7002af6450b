package dev.kvkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Java surface of the server: builder, lifecycle and namespaces. */
class KvApiServerTest {

    @Test
    void aStartedServerIsOnLoopbackWithAFreePortAndABaseUrlEndingInClientV4() {
        try (KvApiServer server = KvApiServer.builder().start()) {
            assertThat(server.port()).isPositive();
            assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + server.port() + "/client/v4");
            assertThat(server.isServing()).isTrue();
            assertThat(server.accountId())
                    .isEqualTo(KvApiServer.DEFAULT_ACCOUNT_ID)
                    .matches("[0-9a-f]{32}");
            assertThat(server.toString()).contains(server.baseUrl(), "0 namespaces");
        }
    }

    @Test
    void aServerIsStartedOnce() {
        try (KvApiServer server = KvApiServer.builder().start()) {
            assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aServerNotStartedHasNoPort() {
        KvApiServer server = KvApiServer.builder().build();

        assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class);
        server.close();
    }

    @Test
    void closingTwiceIsFine() {
        KvApiServer server = KvApiServer.builder().start();
        server.close();
        server.close();

        assertThat(server.isServing()).isFalse();
    }

    @Test
    void namespacesAreCreatedAndFoundByIdAndTitle() {
        try (KvApiServer server = KvApiServer.builder().accountId("acc").start()) {
            ServedNamespace todo = server.createNamespace("TODO");
            ServedNamespace chosen = server.createNamespace("other", "CACHE", "0123456789abcdef0123456789abcdef");

            assertThat(todo.accountId()).isEqualTo("acc");
            assertThat(server.namespace("acc", todo.id())).contains(todo);
            assertThat(server.namespaceByTitle("other", "CACHE")).contains(chosen);
            assertThat(server.namespace("other", todo.id())).isEmpty();
            assertThat(server.namespaces("acc")).containsExactly(todo);
            assertThat(todo.kv().name()).isEqualTo("TODO");
        }
    }

    @Test
    void aTakenTitleOrAMalformedIdIsRefused() {
        try (KvApiServer server = KvApiServer.builder().start()) {
            server.createNamespace("TODO");

            assertThatThrownBy(() -> server.createNamespace("TODO"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("create namespace: 'A namespace with this account ID and title already exists'");
            assertThatThrownBy(() -> server.createNamespace(server.accountId(), "X", "ABC"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("32 lowercase hex digits");
        }
    }

    @Test
    void builderArgumentsAreChecked() {
        assertThatThrownBy(() -> KvApiServer.builder().port(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KvApiServer.builder().accountId("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KvApiServer.builder().readTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KvApiServer.builder().journalCapacity(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KvApiServer.builder().bindAddress("no-such-host.invalid"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void faultArgumentsAreChecked() {
        assertThatThrownBy(() -> Fault.serverError(501)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.delay(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.resetConnection().times(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.resetConnection().withProbability(1.5, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Fault.serverError(503).on(ApiOperation.PUT_VALUE).times(2).toString())
                .isEqualTo("Fault[503, x-should-retry true, on [PUT_VALUE], 2 times]");
    }
}
