package dev.kvkit.bench;

import dev.kvkit.PutOptions;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The data every benchmark uses, identical for kvkit and its baseline: keys, 100-byte values and
 * small metadata, visited in a fixed shuffled order so neither side gets sequential locality the other
 * does not.
 */
final class Fixture {

    static final int VALUE_BYTES = 100;

    private Fixture() {}

    static String key(int i) {
        return "key:" + pad(i, 7);
    }

    static String missingKey(int i) {
        return "absent:" + pad(i, 7);
    }

    static String pad(int i, int width) {
        String digits = Integer.toString(i);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    /** A 100-byte ASCII value, different per key. */
    static byte[] value(int i) {
        byte[] value = new byte[VALUE_BYTES];
        Arrays.fill(value, (byte) ('a' + i % 26));
        byte[] id = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(id, 0, value, 0, id.length);
        return value;
    }

    static Map<String, Object> metadata(int i) {
        return Map.of("owner", "team-" + i % 10, "version", 1);
    }

    static PutOptions putOptions(int i) {
        return PutOptions.defaults().withMetadata(metadata(i));
    }

    /** The keys {@code 0..size-1} in a fixed shuffled order; length is a power of two for masking. */
    static String[] shuffledKeys(int size, int count, java.util.function.IntFunction<String> naming) {
        Random random = new Random(42);
        String[] keys = new String[count];
        for (int i = 0; i < count; i++) {
            keys[i] = naming.apply(random.nextInt(size));
        }
        return keys;
    }

    static FakeKvNamespace namespace(int size) {
        FakeKvNamespace namespace =
                FakeKvNamespace.builder().clock(TestClock.create()).build();
        for (int i = 0; i < size; i++) {
            namespace.put(key(i), value(i), putOptions(i));
        }
        return namespace;
    }

    static ConcurrentSkipListMap<String, byte[]> bareMap(int size) {
        ConcurrentSkipListMap<String, byte[]> map = new ConcurrentSkipListMap<>();
        for (int i = 0; i < size; i++) {
            map.put(key(i), value(i));
        }
        return map;
    }
}
