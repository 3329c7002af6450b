package dev.kvkit.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.KvType;
import dev.kvkit.PutOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Values of 30 MB pass through without the client holding them: each test makes one side wait for
 * the other half-way, which a client that buffered the whole value could never satisfy.
 */
class StreamingTest {

    private static final long SIZE = 30L * 1024 * 1024;
    private static final long HALF = SIZE / 2;

    private final StubServer stub = StubServer.start();
    private final CloudflareKvBinding kv = stub.binding();

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void aStreamReadReturnsBeforeTheServerHasSentTheWholeValue() throws Exception {
        CountDownLatch clientReadTheStart = new CountDownLatch(1);
        AtomicBoolean serverWaitedInVain = new AtomicBoolean();
        stub.reply((request, exchange) -> {
            exchange.sendResponseHeaders(200, SIZE);
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                for (long sent = 0; sent < SIZE; sent += chunk.length) {
                    if (sent == HALF) {
                        out.flush();
                        try {
                            serverWaitedInVain.set(!clientReadTheStart.await(20, TimeUnit.SECONDS));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                    out.write(chunk);
                }
            }
        });

        long read;
        try (InputStream value = kv.getStream("big")) {
            read = value.readNBytes(1024).length;
            clientReadTheStart.countDown();
            read += drain(value);
        }

        assertThat(serverWaitedInVain)
                .as("the server waited for the client in vain")
                .isFalse();
        assertThat(read).isEqualTo(SIZE);
    }

    @Test
    void aStreamedWriteIsSentWhileItIsStillBeingRead() {
        CountDownLatch serverGotTheStart = serverReceives(1024 * 1024);
        CountingStream value = new CountingStream(SIZE, HALF, serverGotTheStart);

        kv.put("big", value, PutOptions.defaults().withMetadata(Map.of("size", SIZE)));

        assertThat(value.waitedInVain)
                .as("the stream waited for the server in vain")
                .isFalse();
        assertThat(value.produced).isEqualTo(SIZE);
        StubServer.Recorded request = stub.onlyRequest();
        assertThat(request.length()).isGreaterThan(SIZE); // the value and the multipart framing
        assertThat(request.header("Content-Type")).startsWith("multipart/form-data");
    }

    @Test
    void aRawStreamedWriteSendsExactlyTheStreamsBytes() {
        CountDownLatch serverGotTheStart = serverReceives(1024 * 1024);
        CountingStream value = new CountingStream(SIZE, HALF, serverGotTheStart);

        kv.put("big", value);

        assertThat(value.waitedInVain).isFalse();
        assertThat(stub.onlyRequest().length()).isEqualTo(SIZE);
    }

    @Test
    void aLargeBytesReadGetsEveryByte() {
        stub.reply(StubServer.Reply.stream(SIZE));

        assertThat(kv.get("big", KvType.BYTES)).hasSize((int) SIZE);
    }

    /** A latch the stub opens once it has received this many bytes of a request body. */
    private CountDownLatch serverReceives(long bytes) {
        CountDownLatch received = new CountDownLatch(1);
        stub.onBodyProgress(count -> {
            if (count >= bytes) {
                received.countDown();
            }
        });
        return received;
    }

    private static long drain(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
        }
        return total;
    }

    /** Produces bytes on demand, counting them, and stops half-way until the server has some. */
    private static final class CountingStream extends InputStream {
        private final long size;
        private final long pauseAt;
        private final CountDownLatch resume;
        volatile long produced;
        volatile boolean waitedInVain;

        CountingStream(long size, long pauseAt, CountDownLatch resume) {
            this.size = size;
            this.pauseAt = pauseAt;
            this.resume = resume;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (produced >= size) {
                return -1;
            }
            if (produced >= pauseAt && resume.getCount() > 0) {
                try {
                    waitedInVain = !resume.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int n = (int) Math.min(length, size - produced);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) (produced + i);
            }
            produced += n;
            return n;
        }
    }
}
