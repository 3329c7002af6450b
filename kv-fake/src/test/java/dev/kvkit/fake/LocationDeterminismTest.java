package dev.kvkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.GetOptions;
import dev.kvkit.KvException;
import dev.kvkit.KvListPage;
import dev.kvkit.ListOptions;
import dev.kvkit.PutOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LocationDeterminismTest {

    /**
     * One script touching every realism switch, run on a fresh namespace; returns what it saw.
     */
    private static List<String> runScript() {
        TestClock clock = TestClock.create();
        FakeKvNamespace kv = FakeKvNamespace.builder()
                .clock(clock)
                .enforceWriteRate(true)
                .listStressMode(true)
                .build();
        FakeKvLocation sydney = kv.location("syd");
        FakeKvLocation london = kv.location("lhr");
        List<String> seen = new ArrayList<>();
        for (int step = 0; step < 40; step++) {
            String key = "k" + (step % 7);
            FakeKvLocation here = step % 2 == 0 ? sydney : london;
            put(here, key, "v" + step, PutOptions.defaults().withExpirationTtl(60 + step * 3), seen);
            if (step % 5 == 0) {
                put(here == sydney ? london : sydney, key, "again" + step, PutOptions.defaults(), seen);
            }
            var read = (step % 3 == 0 ? london : sydney)
                    .getWithMetadata(
                            "k" + (step * 5 % 7),
                            dev.kvkit.KvType.TEXT,
                            GetOptions.defaults().withCacheTtl(30 + step % 4 * 20));
            seen.add("read " + read.value() + " " + read.cacheStatus());
            KvListPage page = here.list(ListOptions.defaults().withLimit(3));
            seen.add("list " + page.names() + " " + page.listComplete() + " " + page.cursor());
            seen.add("sees " + sydney.seesCurrentValueFrom(key));
            clock.advance(Duration.ofMillis(700 + step * 311 % 5000));
        }
        return seen;
    }

    private static void put(FakeKvLocation location, String key, String value, PutOptions options, List<String> seen) {
        try {
            location.put(key, value, options);
            seen.add(location.name() + " put " + key);
        } catch (KvException e) {
            seen.add(location.name() + " " + e.getMessage());
        }
    }

    @Test
    void theSameScriptGivesTheSameResults() {
        List<String> first = runScript();
        assertThat(runScript()).isEqualTo(first);
        // The script does meet each behaviour, so the comparison means something.
        assertThat(first).anyMatch(line -> line.contains("429 Too Many Requests"));
        assertThat(first).anyMatch(line -> line.endsWith(" HIT"));
        assertThat(first).anyMatch(line -> line.startsWith("list [] false"));
    }

    @Test
    void theSameScriptGivesTheSameResultsOnParallelThreads() throws Exception {
        List<String> expected = runScript();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(threads.submit(LocationDeterminismTest::runScript));
            }
            for (Future<List<String>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
