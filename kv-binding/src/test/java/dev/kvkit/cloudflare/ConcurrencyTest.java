package dev.kvkit.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One client, many threads: every call gets its own answer. */
class ConcurrencyTest {

    private static final int THREADS = 16;
    private static final int CALLS = 50;

    private final StubServer stub = StubServer.start();

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void manyThreadsShareOneClientAndEachGetsItsOwnAnswer() throws Exception {
        // The stub answers a value read with the key it was asked for, and a write with success.
        stub.always((request, exchange) -> {
            if (request.method().equals("GET")) {
                StubServer.Reply.bytes(200, ("value of " + request.decodedKey()).getBytes(StandardCharsets.UTF_8))
                        .send(request, exchange);
            } else {
                StubServer.Reply.envelope("{}").send(request, exchange);
            }
        });
        // The default policy's retry of a request that got no answer, without the wait: under this load
        // the JDK HttpServer now and then closes a kept-alive connection as the client reuses it.
        CloudflareKvBinding kv = stub.builder()
                .retries(RetryPolicy.builder().sleeper(delay -> {}).build())
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                start.await();
                List<String> mismatches = new ArrayList<>();
                for (int i = 0; i < CALLS; i++) {
                    String key = "t" + thread + "/k " + i;
                    kv.put(key, "v");
                    String value = kv.get(key);
                    if (!("value of " + key).equals(value)) {
                        mismatches.add(key + " read " + value);
                    }
                }
                return mismatches;
            }));
        }
        start.countDown();
        List<String> mismatches = new ArrayList<>();
        for (Future<List<String>> result : results) {
            mismatches.addAll(result.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(mismatches).isEmpty();
        assertThat(stub.requests().size()).isGreaterThanOrEqualTo(THREADS * CALLS * 2);
        assertThat(stub.requests().stream()
                        .filter(r -> r.method().equals("PUT"))
                        .map(StubServer.Recorded::decodedKey)
                        .distinct()
                        .count())
                .isEqualTo(THREADS * CALLS);
    }
}
