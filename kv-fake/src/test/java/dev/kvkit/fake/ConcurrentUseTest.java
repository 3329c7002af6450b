package dev.kvkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.KvListPage;
import dev.kvkit.ListOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Several threads writing, reading and listing one namespace at once: no exception, no lost
 * acknowledged write, and every list walk in strict UTF-8 byte order without repeats.
 *
 * <p>A smoke test of heavy concurrent use: its final states are ones every interleaving gives, so
 * it cannot tell a linearizable fake from one that is not. {@link DefaultLocationLinearizabilityTest}
 * checks that with Lincheck.
 */
class ConcurrentUseTest {

    private static final int WRITERS = 4;
    private static final int LISTERS = 2;
    private static final int ROUNDS = 60;
    private static final int KEYS_PER_WRITER = 40;
    private static final int SHARED_KEYS = 8;

    private final FakeKvNamespace kv = FakeKvNamespace.create();
    private final ExecutorService pool = Executors.newFixedThreadPool(WRITERS + LISTERS);
    private final CyclicBarrier startTogether = new CyclicBarrier(WRITERS + LISTERS);
    private final CountDownLatch writersDone = new CountDownLatch(WRITERS);

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    /** Keys of one writer, spread over three planes so that order across surrogates is exercised. */
    private static String ownKey(int writer, int index) {
        String plane = switch (index % 3) {
            case 0 -> "a";
            case 1 -> "\uE000";
            default -> "😀";
        };
        return "w" + writer + "/" + plane + index;
    }

    private static String sharedKey(int index) {
        return "shared/" + index;
    }

    @Test
    void concurrentWritersAndListersLoseNoWriteAndListEachKeyOnceInOrder() throws Exception {
        List<Future<Integer>> futures = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            futures.add(pool.submit(writer(writer)));
        }
        for (int lister = 0; lister < LISTERS; lister++) {
            futures.add(pool.submit(lister()));
        }
        for (Future<Integer> future : futures) {
            assertThat(future.get(1, TimeUnit.MINUTES))
                    .as("work done by a thread")
                    .isPositive();
        }

        for (int writer = 0; writer < WRITERS; writer++) {
            for (int index = 0; index < KEYS_PER_WRITER; index++) {
                assertThat(kv.get(ownKey(writer, index)))
                        .as("last acknowledged write of " + ownKey(writer, index))
                        .isEqualTo("round " + (ROUNDS - 1));
            }
            assertThat(kv.get("w" + writer + "/temporary")).isNull();
        }
        for (int index = 0; index < SHARED_KEYS; index++) {
            assertThat(kv.get(sharedKey(index))).matches("writer \\d round " + (ROUNDS - 1));
        }
        assertThat(kv.size()).isEqualTo(WRITERS * KEYS_PER_WRITER + SHARED_KEYS);
    }

    private Callable<Integer> writer(int writer) {
        return () -> {
            startTogether.await();
            int writes = 0;
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    for (int index = 0; index < KEYS_PER_WRITER; index++) {
                        String key = ownKey(writer, index);
                        kv.put(key, "round " + round);
                        writes++;
                        assertThat(kv.get(key)).as("read of own write").isEqualTo("round " + round);
                    }
                    kv.put(sharedKey(round % SHARED_KEYS), "writer " + writer + " round " + round);
                    kv.put("w" + writer + "/temporary", "soon gone");
                    kv.delete("w" + writer + "/temporary");
                    writes += 3;
                }
                for (int index = 0; index < SHARED_KEYS; index++) {
                    kv.put(sharedKey(index), "writer " + writer + " round " + (ROUNDS - 1));
                }
            } finally {
                writersDone.countDown();
            }
            return writes;
        };
    }

    private Callable<Integer> lister() {
        return () -> {
            startTogether.await();
            int walks = 0;
            do {
                assertStrictlyAscending(walkEveryPage(5));
                walks++;
            } while (writersDone.getCount() > 0);
            return walks;
        };
    }

    private List<String> walkEveryPage(int limit) {
        List<String> names = new ArrayList<>();
        ListOptions options = ListOptions.defaults().withLimit(limit);
        KvListPage page;
        do {
            page = kv.list(options);
            assertThat(page.keys()).hasSizeLessThanOrEqualTo(limit);
            names.addAll(page.names());
            options = options.withCursor(page.cursor());
        } while (!page.listComplete());
        return names;
    }

    private static void assertStrictlyAscending(List<String> names) {
        for (int i = 1; i < names.size(); i++) {
            int[] previous = names.get(i - 1).codePoints().toArray();
            int[] current = names.get(i).codePoints().toArray();
            assertThat(Arrays.compare(previous, current))
                    .as("%s then %s in one list walk", names.get(i - 1), names.get(i))
                    .isNegative();
        }
    }
}
