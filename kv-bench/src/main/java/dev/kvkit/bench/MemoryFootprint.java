package dev.kvkit.bench;

import dev.kvkit.fake.FakeKvNamespace;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Retained heap per entry: 1,000,000 entries of 100-byte values with small metadata, in kvkit's fake
 * and in a bare {@code ConcurrentSkipListMap} holding the same bytes (value and metadata JSON in one
 * array). Each side is measured in a JVM of its own, with the serial collector, as the heap in use
 * after full collections before and after building it.
 */
public final class MemoryFootprint {

    private MemoryFootprint() {}

    /**
     * Measures one side and prints the bytes per entry on standard output.
     *
     * @param args {@code kvkit} or {@code baseline}, then the number of entries
     */
    public static void main(String[] args) {
        String side = args[0];
        int count = Integer.parseInt(args[1]);
        long before = usedAfterGc();
        Object built = side.equals("kvkit") ? kvkit(count) : baseline(count);
        long after = usedAfterGc();
        Reference.reachabilityFence(built);
        System.out.println((after - before) / (double) count);
    }

    private static Object kvkit(int count) {
        FakeKvNamespace namespace = FakeKvNamespace.create();
        for (int i = 0; i < count; i++) {
            namespace.put(Fixture.key(i), Fixture.value(i), Fixture.putOptions(i));
        }
        return namespace;
    }

    private static Object baseline(int count) {
        ConcurrentSkipListMap<String, byte[]> map = new ConcurrentSkipListMap<>();
        for (int i = 0; i < count; i++) {
            byte[] value = Fixture.value(i);
            byte[] metadata = ("{\"owner\":\"team-" + i % 10 + "\",\"version\":1}").getBytes(StandardCharsets.UTF_8);
            byte[] both = new byte[value.length + metadata.length];
            System.arraycopy(value, 0, both, 0, value.length);
            System.arraycopy(metadata, 0, both, value.length, metadata.length);
            map.put(Fixture.key(i), both);
        }
        return map;
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
