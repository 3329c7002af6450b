package dev.kvkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A slow or half-closed client holds up nobody else. */
class SlowClientTest {

    private final KvApiServer server =
            KvApiServer.builder().readTimeout(Duration.ofMillis(500)).start();
    private final ApiClient client = new ApiClient(server);
    private final ServedNamespace todo = server.createNamespace("TODO");
    private final List<Socket> stalled = new ArrayList<>();

    @AfterEach
    void close() throws IOException {
        for (Socket socket : stalled) {
            socket.close();
        }
        server.close();
    }

    private List<JournalEntry> journalOnceWritten() {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (server.journal().isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return server.journal();
    }

    private Socket stall(String partialRequest) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.getOutputStream().write(partialRequest.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        stalled.add(socket);
        return socket;
    }

    @Test
    void clientsStalledInTheHeadersAndInTheBodyDoNotHoldUpOthers() throws IOException {
        for (int i = 0; i < 20; i++) {
            stall("PUT /client/v4" + client.ns(todo.id()) + "/values/k HTTP/1.1\r\nHost: x\r\nAuthor");
            stall("PUT /client/v4" + client.ns(todo.id()) + "/values/k HTTP/1.1\r\nHost: x\r\n"
                    + "Authorization: Bearer t\r\nContent-Length: 100\r\n\r\nhalf a bo");
        }

        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            assertThat(client.put(client.ns(todo.id()) + "/values/k" + i, "text/plain", "v")
                            .status())
                    .isEqualTo(200);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(millis).isLessThan(5_000);
        assertThat(todo.kv().size()).isEqualTo(20);
    }

    @Test
    void aClientStalledInTheBodyIsCutOffAfterTheReadTimeoutAndWritesNothing() throws IOException {
        Socket socket = stall("PUT /client/v4" + client.ns(todo.id()) + "/values/k HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: Bearer t\r\nContent-Length: 100\r\n\r\nhalf a bo");
        socket.setSoTimeout(10_000);

        long start = System.nanoTime();
        InputStream in = socket.getInputStream();
        int read;
        try {
            read = in.read();
        } catch (IOException e) {
            read = -1; // a reset is a cut-off too
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(read).isEqualTo(-1);
        assertThat(millis).isBetween(300L, 5_000L);
        assertThat(todo.kv().isEmpty()).isTrue();
        // The handler journals the request once its read has failed, just after the client saw the close.
        assertThat(journalOnceWritten())
                .singleElement()
                .satisfies(entry -> assertThat(entry.status()).isZero());
    }

    @Test
    void aClientThatHalfClosesAfterHalfABodyGetsNoWrite() throws IOException {
        Socket socket = stall("PUT /client/v4" + client.ns(todo.id()) + "/values/k HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: Bearer t\r\nContent-Length: 100\r\n\r\nhalf a bo");
        socket.shutdownOutput();
        socket.setSoTimeout(10_000);

        String response = RawHttp.read(socket.getInputStream());

        assertThat(response.isEmpty() || RawHttp.status(response) < 500).isTrue();
        assertThat(todo.kv().isEmpty()).isTrue();
    }
}
