package dev.kvkit.cloudflare;

import java.util.List;
import java.util.Objects;

/**
 * What a bulk write or delete reports, summed over the requests it took (10,000 keys each).
 *
 * @param successfulKeyCount how many keys were written or deleted
 * @param unsuccessfulKeys the keys the service could not write or delete, in the order reported
 * @since 0.1.0
 */
public record KvBulkResult(int successfulKeyCount, List<String> unsuccessfulKeys) {

    /**
     * Checks and copies the parts.
     *
     * @param successfulKeyCount how many keys were written or deleted
     * @param unsuccessfulKeys the keys that were not
     * @since 0.1.0
     */
    public KvBulkResult {
        unsuccessfulKeys = List.copyOf(Objects.requireNonNull(unsuccessfulKeys, "unsuccessfulKeys"));
    }

    /**
     * Returns whether every key was written or deleted.
     *
     * @return {@code true} when no key is unsuccessful
     * @since 0.1.0
     */
    public boolean allSuccessful() {
        return unsuccessfulKeys.isEmpty();
    }
}
