package dev.kvkit.cloudflare;

import java.util.Objects;

/**
 * A Workers KV namespace as the Cloudflare API describes it.
 *
 * @param id the namespace id, 32 lowercase hex characters; what a binding is built with
 * @param title the namespace's title, unique in its account
 * @param supportsUrlEncoding whether the namespace decodes percent-encoded key names, as every
 *     namespace created since 2021 does; {@link CloudflareKvBinding} needs it for keys outside
 *     {@code A-Z a-z 0-9 - . _ ~}
 * @since 0.1.0
 */
public record KvNamespaceInfo(String id, String title, boolean supportsUrlEncoding) {

    /**
     * Checks the parts.
     *
     * @param id the namespace id
     * @param title the title
     * @param supportsUrlEncoding whether key names are percent-decoded
     * @since 0.1.0
     */
    public KvNamespaceInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
    }
}
