package dev.kvkit.miniflare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random operation sequences over the whole binding, within what both sides can compare.
 *
 * <p>A sequence works on a few keys drawn from an alphabet that collides, shares prefixes and
 * crosses Unicode planes, plus the invalid and boundary names ({@code ""}, {@code "."}, {@code
 * ".."}, 512 and 513 UTF-8 bytes in one-, two- and four-byte characters, a lone surrogate). Its steps
 * are puts of text, bytes and streams (in random chunk sizes) with every option, boundary and
 * invalid values included (expiration and expirationTtl around 0, 60 and the 32-bit range; metadata
 * of every JSON kind, {@code null}, non-ASCII, and 1023 to 1025 bytes of JSON text); every read type
 * with and without cacheTtl (valid, at and under 30, negative); getWithMetadata; bulk reads of 1 to
 * 110 keys (and now and then none) with duplicates, missing and invalid keys in all four types; deletes; lists with prefix,
 * limit and cursors taken from earlier list steps of the same sequence; and clock moves forwards and
 * back, by whole and partial seconds.
 *
 * <p>Values and metadata stay around Miniflare's test-mode limits (1 KiB), since that is all
 * Miniflare can compare under fake timers; the fake runs with the same limits.
 */
final class SequenceGenerator {

    /** 2026-01-01T00:00:00Z, where every sequence's clock starts, give or take a second. */
    static final long EPOCH_MILLIS = 1_767_225_600_000L;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static final String[] ALPHABET = {
        "a", "b", "B", "ab", "a/1", "a b", "é", "é1", "\uE000", "\uFFFF", "😀", "a😀", "...", "%2F", "?x#y", "\u0000",
        "ö"
    };

    private static final String[] TYPES = {"text", "json", "arrayBuffer", "stream"};

    private SequenceGenerator() {}

    static Sequence generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long start = EPOCH_MILLIS + random.nextInt(1000);
        long now = start;
        List<String> keys = new ArrayList<>();
        int keyCount = 2 + random.nextInt(5);
        for (int i = 0; i < keyCount; i++) {
            keys.add(key(random));
        }
        ArrayNode steps = JSON.arrayNode();
        List<Integer> lists = new ArrayList<>();
        int length = 3 + random.nextInt(28);
        for (int i = 0; i < length; i++) {
            String key = random.nextInt(10) == 0 ? key(random) : keys.get(random.nextInt(keys.size()));
            int pick = random.nextInt(100);
            ObjectNode step;
            if (pick < 34) {
                step = put(random, key, now / 1000);
            } else if (pick < 50) {
                step = read(random, "get", key);
            } else if (pick < 58) {
                step = read(random, "getWithMetadata", key);
            } else if (pick < 68) {
                step = bulk(random, keys);
            } else if (pick < 74) {
                step = JSON.objectNode().put("op", "delete").put("key", key);
            } else if (pick < 88) {
                step = list(random, keys, lists);
                lists.add(i);
            } else {
                long millis = clockMove(random);
                now += millis;
                step = JSON.objectNode().put("op", "clock").put("millis", millis);
            }
            steps.add(step);
        }
        return new Sequence(start, steps);
    }

    private static String key(SplittableRandom random) {
        int pick = random.nextInt(100);
        if (pick < 80) {
            String key = ALPHABET[random.nextInt(ALPHABET.length)];
            return random.nextBoolean() ? key : key + ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return switch (pick) {
            case 80, 81 -> "";
            case 82 -> ".";
            case 83 -> "..";
            case 84 -> "a".repeat(512);
            case 85 -> "a".repeat(513);
            case 86 -> "é".repeat(256);
            case 87 -> "é".repeat(256) + "a";
            case 88 -> "😀".repeat(128);
            case 89 -> "a" + "😀".repeat(128);
            case 90 -> random.nextInt(4) == 0 ? "\uD800" : "k" + random.nextInt(1000);
            case 91 -> random.nextInt(4) == 0 ? "a\uDC00b" : "k" + random.nextInt(1000);
            default -> "k" + random.nextInt(1000);
        };
    }

    private static ObjectNode put(SplittableRandom random, String key, long nowSeconds) {
        ObjectNode step = JSON.objectNode().put("op", "put").put("key", key);
        byte[] bytes = valueBytes(random);
        ObjectNode value = step.putObject("value");
        switch (random.nextInt(4)) {
            case 0, 1 -> value.put("kind", "text").put("text", new String(bytes, StandardCharsets.UTF_8));
            case 2 ->
                value.put("kind", "bytes").put("base64", Base64.getEncoder().encodeToString(bytes));
            default ->
                value.put("kind", "stream")
                        .put("base64", Base64.getEncoder().encodeToString(bytes))
                        .put("chunk", 1 + random.nextInt(Math.max(1, bytes.length)));
        }
        if (random.nextInt(3) == 0) {
            step.put(
                    "expirationTtl",
                    random.nextInt(80) == 0
                            ? pickLong(random, 2_147_483_647L, 2_147_483_648L)
                            : pickLong(random, -1, 0, 1, 30, 59, 60, 61, 90, 120, 3600, 86_400));
        }
        if (random.nextInt(3) == 0) {
            long offset = pickLong(random, -60, -1, 0, 1, 59, 60, 61, 90, 120, 3600);
            step.put(
                    "expiration",
                    random.nextInt(8) == 0
                            ? pickLong(random, 0, -5, 0, -5, 0, -5, 2_147_483_647L, 2_147_483_648L)
                            : nowSeconds + offset);
        }
        if (random.nextInt(2) == 0) {
            step.set("metadata", metadata(random));
        }
        return step;
    }

    private static byte[] valueBytes(SplittableRandom random) {
        int pick = random.nextInt(100);
        String text;
        if (pick < 10) {
            text = "";
        } else if (pick < 45) {
            text = word(random);
        } else if (pick < 65) {
            text = switch (random.nextInt(10)) {
                case 0 -> "{\"a\":1}";
                case 1 -> "[1,2.5,\"x\",null]";
                case 2 -> "\"só\"";
                case 3 -> "12";
                case 4 -> "true";
                case 5 -> "null";
                case 6 -> "{";
                case 7 -> "1.0e2";
                case 8 -> " {\"b\": {\"c\": [true]}} ";
                default -> "nope";
            };
        } else if (pick < 75) {
            byte[] bytes = new byte[random.nextInt(12)];
            random.nextBytes(bytes);
            return bytes;
        } else {
            // Around Miniflare's test-mode value limit of 1024 bytes, in one- and two-byte characters.
            int size = 1021 + random.nextInt(6);
            text = random.nextBoolean() ? "v".repeat(size) : "é".repeat(size / 2) + (size % 2 == 1 ? "v" : "");
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String word(SplittableRandom random) {
        String[] words = {"v", "value", "ünïcødé", "😀 emoji", "line\nbreak", "tab\t", "\u0000nul", "a\"quote"};
        return words[random.nextInt(words.length)] + (random.nextBoolean() ? "" : random.nextInt(100));
    }

    private static JsonNode metadata(SplittableRandom random) {
        return switch (random.nextInt(12)) {
            case 0 -> JSON.objectNode().put("owner", "ada").put("n", random.nextInt(1000));
            case 1 -> JSON.textNode("ünï😀");
            case 2 -> JSON.numberNode(random.nextInt(100) - 50);
            case 3 -> JSON.numberNode(2.5);
            case 4 -> JSON.booleanNode(random.nextBoolean());
            case 5 -> JSON.arrayNode().add(1).add("x").addNull();
            case 6 -> JSON.nullNode();
            case 7 -> JSON.objectNode().set("nested", JSON.objectNode().put("deep", "é"));
            case 8 -> JSON.objectNode();
            default -> {
                // {"k":"..."} of 1022 to 1026 bytes of JSON text, in ASCII or two-byte characters.
                int size = 1022 + random.nextInt(5);
                int content = size - "{\"k\":\"\"}".length();
                String text =
                        random.nextBoolean() ? "m".repeat(content) : "é".repeat(content / 2) + "m".repeat(content % 2);
                yield JSON.objectNode().put("k", text);
            }
        };
    }

    private static ObjectNode read(SplittableRandom random, String op, String key) {
        ObjectNode step = JSON.objectNode().put("op", op).put("key", key);
        if (random.nextInt(4) != 0) {
            step.put("type", TYPES[random.nextInt(TYPES.length)]);
        }
        cacheTtl(random, step);
        return step;
    }

    private static void cacheTtl(SplittableRandom random, ObjectNode step) {
        if (random.nextInt(3) == 0) {
            step.put("cacheTtl", pickLong(random, 30, 31, 60, 3600, 29, 0, -1, 1));
        }
    }

    private static ObjectNode bulk(SplittableRandom random, List<String> keys) {
        ObjectNode step = JSON.objectNode().put("op", "getBulk");
        ArrayNode names = step.putArray("keys");
        int count = switch (random.nextInt(10)) {
            case 0 -> random.nextInt(10) == 0 ? 0 : 100;
            case 1 -> 101 + random.nextInt(10);
            case 2 -> 20 + random.nextInt(80);
            default -> 1 + random.nextInt(6);
        };
        for (int i = 0; i < count; i++) {
            int pick = random.nextInt(20);
            names.add(
                    pick == 0
                            ? key(random)
                            : pick < 4 ? "missing-" + random.nextInt(20) : keys.get(random.nextInt(keys.size())));
        }
        int type = random.nextInt(10);
        step.put("type", type < 5 ? "text" : type < 9 ? "json" : TYPES[2 + random.nextInt(2)]);
        step.put("withMetadata", random.nextBoolean());
        cacheTtl(random, step);
        return step;
    }

    private static ObjectNode list(SplittableRandom random, List<String> keys, List<Integer> lists) {
        ObjectNode step = JSON.objectNode().put("op", "list");
        switch (random.nextInt(8)) {
            case 0, 1 -> {}
            case 2 -> step.put("prefix", "");
            case 3 -> step.put("prefix", "a".repeat(513));
            default -> {
                String key = keys.get(random.nextInt(keys.size()));
                step.put("prefix", key.isEmpty() ? "a" : key.substring(0, key.offsetByCodePoints(0, 1)));
            }
        }
        if (random.nextInt(3) != 0) {
            step.put("limit", (int) pickLong(random, 1, 1, 2, 2, 3, 5, 1000, 0, -1, 1001));
        }
        if (!lists.isEmpty() && random.nextInt(2) == 0) {
            step.put("cursorFrom", lists.get(random.nextInt(lists.size())));
        } else if (random.nextInt(10) == 0) {
            step.put("cursor", "");
        }
        return step;
    }

    private static long clockMove(SplittableRandom random) {
        return switch (random.nextInt(10)) {
            case 0 -> 1;
            case 1 -> 999;
            case 2 -> 1000;
            case 3 -> 60_000;
            case 4 -> 61_000;
            case 5 -> 3_600_000;
            case 6 -> -1000 * (1 + random.nextInt(120));
            default -> random.nextInt(120_000);
        };
    }

    private static long pickLong(SplittableRandom random, long... values) {
        return values[random.nextInt(values.length)];
    }
}
