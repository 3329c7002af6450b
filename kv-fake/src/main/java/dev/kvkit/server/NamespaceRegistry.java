package dev.kvkit.server;

import dev.kvkit.fake.FakeKvNamespace;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every namespace of every account, kept apart: an id is looked up only within its account, so a
 * namespace of account A is "not found" from account B. Accounts come into being on first use.
 *
 * <p>Namespaces keep their creation order; that is the default listing order ([U] for the real
 * API), chosen because it
 * keeps pages stable while a client creates namespaces between pages (new ones go to the end).
 *
 * <p>Thread-safe: one lock guards the maps. The namespaces themselves are thread-safe and are used
 * outside it.
 */
final class NamespaceRegistry {

    /** Titles are checked here and not by the fake, which has no titles. */
    static final int MAX_TITLE_LENGTH = 512;

    static final int MAX_NAMESPACES_PER_ACCOUNT = 1000;

    private final Map<String, Map<String, Entry>> accounts = new LinkedHashMap<>();
    private final Function<String, FakeKvNamespace> factory;
    private final SecureRandom random = new SecureRandom();

    /** One namespace: its id, its title (which a rename changes) and the fake behind it. */
    static final class Entry {
        final String accountId;
        final String id;
        final FakeKvNamespace kv;
        volatile String title;
        final String jurisdiction;

        Entry(String accountId, String id, String title, String jurisdiction, FakeKvNamespace kv) {
            this.accountId = accountId;
            this.id = id;
            this.title = title;
            this.jurisdiction = jurisdiction;
            this.kv = kv;
        }

        ServedNamespace served() {
            return new ServedNamespace(accountId, id, title, kv);
        }
    }

    /** @param factory builds an empty namespace for a title, with the server's clock and limits */
    NamespaceRegistry(Function<String, FakeKvNamespace> factory) {
        this.factory = factory;
    }

    /** Creates a namespace; a null id gets a random one. Refuses a taken title or id with 10014. */
    synchronized Entry create(String accountId, String title, String id, String jurisdiction) {
        return create(accountId, title, id, jurisdiction, null);
    }

    /** Creates a namespace served by {@code existing}, or by a new empty one when it is null. */
    synchronized Entry create(
            String accountId, String title, String id, String jurisdiction, FakeKvNamespace existing) {
        Map<String, Entry> namespaces = accounts.computeIfAbsent(accountId, a -> new LinkedHashMap<>());
        if (namespaces.values().stream().anyMatch(entry -> entry.title.equals(title))) {
            throw new ApiError(
                    400,
                    ApiError.DUPLICATE_TITLE,
                    "create namespace: 'A namespace with this account ID and title already exists'");
        }
        if (namespaces.size() >= MAX_NAMESPACES_PER_ACCOUNT) {
            throw new ApiError(
                    400,
                    ApiError.TOO_MANY_NAMESPACES,
                    "create namespace: 'The maximum number of namespaces (" + MAX_NAMESPACES_PER_ACCOUNT
                            + ") for this account has been reached'");
        }
        String namespaceId = id;
        if (namespaceId == null) {
            do {
                namespaceId = randomId();
            } while (namespaces.containsKey(namespaceId));
        } else if (namespaces.containsKey(namespaceId)) {
            throw new ApiError(
                    400,
                    ApiError.DUPLICATE_TITLE,
                    "create namespace: 'A namespace with this account ID and id already exists'");
        }
        Entry entry = new Entry(
                accountId, namespaceId, title, jurisdiction, existing != null ? existing : factory.apply(title));
        namespaces.put(namespaceId, entry);
        return entry;
    }

    synchronized Optional<Entry> find(String accountId, String id) {
        Map<String, Entry> namespaces = accounts.get(accountId);
        return Optional.ofNullable(namespaces == null ? null : namespaces.get(id));
    }

    synchronized Optional<Entry> findByTitle(String accountId, String title) {
        Map<String, Entry> namespaces = accounts.get(accountId);
        if (namespaces == null) {
            return Optional.empty();
        }
        return namespaces.values().stream().filter(e -> e.title.equals(title)).findFirst();
    }

    /** Renames a namespace; refuses a title another namespace of the account has with 10014. */
    synchronized void rename(Entry entry, String title) {
        for (Entry other : accounts.get(entry.accountId).values()) {
            if (other != entry && other.title.equals(title)) {
                throw new ApiError(
                        400,
                        ApiError.DUPLICATE_TITLE,
                        "rename namespace: 'A namespace with this account ID and title already exists'");
            }
        }
        entry.title = title;
    }

    synchronized boolean delete(String accountId, String id) {
        Map<String, Entry> namespaces = accounts.get(accountId);
        return namespaces != null && namespaces.remove(id) != null;
    }

    /** Returns the namespaces of one account, in creation order. */
    synchronized List<Entry> list(String accountId) {
        Map<String, Entry> namespaces = accounts.get(accountId);
        return namespaces == null ? List.of() : new ArrayList<>(namespaces.values());
    }

    /** Returns every namespace of every account. */
    synchronized List<Entry> all() {
        List<Entry> all = new ArrayList<>();
        accounts.values().forEach(namespaces -> all.addAll(namespaces.values()));
        return all;
    }

    private String randomId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
