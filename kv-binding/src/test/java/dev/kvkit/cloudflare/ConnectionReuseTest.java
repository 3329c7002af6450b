package dev.kvkit.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.ListOptions;
import dev.kvkit.PutOptions;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Consecutive calls share one kept-alive connection. The JDK client gives a connection back to its
 * pool only when a response body has been read to its end; a body closed early (a JSON parser stops
 * at the envelope's last brace) closes the connection instead, and every such call pays for a new
 * one. Each test makes 50 calls one after another and counts the client ports the server saw: one
 * connection, or two where the pool happened to race, never one per call.
 */
class ConnectionReuseTest {

    private static final int CALLS = 50;

    private final StubServer stub = StubServer.start();

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void valueWritesReuseTheirConnection() {
        assertReused(kv -> kv.put("k", "v"));
    }

    @Test
    void valueWritesWithMetadataReuseTheirConnection() {
        assertReused(kv -> kv.put("k", "v", PutOptions.defaults().withMetadata(java.util.Map.of("a", 1))));
    }

    @Test
    void deletesReuseTheirConnection() {
        assertReused(kv -> kv.delete("k"));
    }

    @Test
    void keyListsReuseTheirConnection() {
        stub.always(StubServer.Reply.list("[{\"name\":\"a\"},{\"name\":\"b\"}]", "{\"count\":2,\"cursor\":\"\"}"));
        assertReused(kv -> kv.list(ListOptions.defaults()));
    }

    @Test
    void valueReadsReuseTheirConnection() {
        stub.always(StubServer.Reply.bytes(200, new byte[] {'v'}));
        assertReused(kv -> kv.get("k"));
    }

    private void assertReused(Consumer<CloudflareKvBinding> call) {
        CloudflareKvBinding kv = stub.binding();
        for (int i = 0; i < CALLS; i++) {
            call.accept(kv);
        }
        assertThat(stub.requests()).hasSize(CALLS);
        assertThat(stub.requests().stream()
                        .mapToInt(StubServer.Recorded::clientPort)
                        .distinct()
                        .count())
                .as("connections used by %d consecutive calls", CALLS)
                .isLessThanOrEqualTo(2);
    }
}
