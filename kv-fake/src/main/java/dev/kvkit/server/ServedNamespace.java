package dev.kvkit.server;

import dev.kvkit.fake.FakeKvNamespace;
import java.util.Objects;

/**
 * A namespace {@link KvApiServer} serves: where it lives (account and id), its title as it stood
 * when this record was made, and the {@link FakeKvNamespace} behind it, which is live: what a client
 * writes over HTTP is in it at once, and what a test puts into it a client reads at once.
 *
 * @param accountId the account the namespace belongs to
 * @param id the namespace id, 32 lowercase hex digits
 * @param title the namespace's title when this record was made; a rename makes a new record
 * @param kv the namespace itself
 * @since 0.1.0
 */
public record ServedNamespace(String accountId, String id, String title, FakeKvNamespace kv) {

    /**
     * Checks that no component is null.
     *
     * @param accountId the account
     * @param id the namespace id
     * @param title the title
     * @param kv the namespace
     */
    public ServedNamespace {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kv, "kv");
    }
}
