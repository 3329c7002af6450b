package dev.kvkit.fake;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque cursor of a list page: URL-safe Base64 of the last key's UTF-8 bytes, meaning
 * "strictly after this key". It stays valid while keys are added and removed between pages.
 */
final class ListCursor {

    private ListCursor() {}

    static String encode(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the key the cursor points after, or null for an absent or empty cursor. */
    static String decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            if (bytes.length == 0 || !Utf8.isWellFormed(bytes)) {
                throw KvErrors.invalidCursor(cursor);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw KvErrors.invalidCursor(cursor);
        }
    }
}
