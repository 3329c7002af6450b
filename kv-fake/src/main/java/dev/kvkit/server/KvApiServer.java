package dev.kvkit.server;

import com.sun.net.httpserver.HttpServer;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.KvLimits;
import dev.kvkit.fake.TestClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An emulator of Cloudflare's Workers KV REST API, on loopback, for tests and local runs: what
 * wrangler, the official {@code cloudflare} SDKs, curl or a Java REST client send to {@code
 * https://api.cloudflare.com/client/v4/accounts/{account_id}/storage/kv/namespaces...}, it answers
 * as Cloudflare does, envelope, error codes and texts included.
 *
 * <pre>{@code
 * try (KvApiServer server = KvApiServer.builder().start()) {
 *     ServedNamespace todo = server.createNamespace("TODO");
 *     // point a client at server.baseUrl(), account server.accountId(), namespace todo.id()
 *     assertThat(todo.kv().get("to-do:1")).isEqualTo("Buy milk");
 * }
 * }</pre>
 *
 * <p>Every namespace is a {@link FakeKvNamespace} on the server's one {@link TestClock}: a test can
 * write over HTTP and assert in the JVM, or seed in the JVM and read over HTTP, and the fake's rules
 * (limits, texts, expiry, the write rate when switched on) are the server's. Accounts are kept
 * apart: a namespace id of one account is not found from another. Seeding and export go through
 * the namespace itself: {@code server.createNamespace("TODO").kv().importBulk(json)}, {@code
 * ...kv().exportBulk()}.
 *
 * <h2>Admin routes</h2>
 * Under {@code /__kvkit/}, without auth: {@code GET health}; {@code POST reset} (all, {@code
 * ?account=}, or {@code ?account=&namespace=}); {@code GET clock}, {@code POST
 * clock/advance?seconds=} (or {@code ?duration=PT1H}), {@code POST clock/set?instant=}; {@code POST
 * seed?account=&namespace=} with a wrangler bulk file as body; {@code GET export?account=&namespace=};
 * {@code GET journal} and {@code DELETE journal}; {@code GET}, {@code POST} and {@code DELETE
 * faults}. A {@code namespace} parameter takes an id or a title; {@code account} defaults to {@link
 * #accountId()}.
 *
 * <h2>Persistence</h2>
 * In memory by default, and nothing is kept when the server closes. {@link
 * Builder#persistTo(Path)} keeps every namespace and entry in a directory instead: every change a
 * client makes over HTTP (puts raw and multipart, with metadata and expiration; deletes; bulk
 * writes and deletes; namespace create, rename and delete, per account), and every change made
 * through this class or the admin routes (create, reset, seed, clock moves) is committed there
 * before it is answered, so an acknowledged write survives {@code kill -9} and a restart on the
 * same directory. Writes made directly to a namespace's {@link FakeKvNamespace} in the JVM are in
 * memory at once and reach the directory when a request next changes the same key, a reset or
 * seed its namespace, or the server {@linkplain #close() closes}; a kill before that loses them.
 * Journal and faults are not kept.
 *
 * <h2>Robustness</h2>
 * Nothing a client sends gets a 5xx; only {@linkplain #injectFault(Fault) injected faults} do.
 * Request bodies are bounded ({@link KvLimits#maxRestBulkRequestBytes()}, 100 MB), and a client that
 * stalls while sending a body is cut off after the {@linkplain Builder#readTimeout(Duration) read
 * timeout}. Every connection gets a thread of its own, so a slow client never holds up another. A
 * client that stalls inside its request headers is not cut off (the JDK server reads them before any
 * handler runs); it holds its own thread until it goes away, and nothing else.
 *
 * <h2>Speed</h2>
 * Loading this class switches on {@code TCP_NODELAY} for the JDK's HTTP server (the system property
 * {@code sun.net.httpserver.nodelay}) unless it is set already; without it each answer waits some 40
 * ms for the client's delayed ACK. The JDK reads the switch once, when its first {@code HttpServer}
 * starts, so in a JVM that started one before this class was loaded it has no effect.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class KvApiServer implements AutoCloseable {

    /** The account requests are served for unless told otherwise: 32 hex digits, as real ids are. */
    public static final String DEFAULT_ACCOUNT_ID = "0000000000000000000000000000cafe";

    static {
        // The JDK server writes an answer's headers and its body as two segments; with Nagle's algorithm
        // on, the body waits for the client's delayed ACK of the headers, some 40 ms on Linux, on every
        // request. The JDK reads this switch once, when its first HttpServer starts, and only from a
        // system property; it is set here unless the user has set it, so an emulator started first in a
        // JVM answers in well under a millisecond. It affects other JDK HttpServers in the JVM alike,
        // making them faster and nothing else.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final String host;
    private final int requestedPort;
    private final String accountId;
    private final TestClock clock;
    private final KvLimits limits;
    private final AuthPolicy auth;
    private final NamespaceRegistry registry;
    private final Journal journal;
    private final FaultPlan faults = new FaultPlan();
    private final Persistence persistence;
    private final Duration readTimeout;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private HttpServer http;
    private volatile boolean serving;

    private KvApiServer(Builder builder) {
        this.host = builder.host;
        this.requestedPort = builder.port;
        this.accountId = builder.accountId;
        DataDirectory data = builder.persistTo == null ? null : DataDirectory.open(builder.persistTo);
        Instant resumeAt = null;
        try {
            if (data == null) {
                this.clock = builder.clock == null ? TestClock.create() : builder.clock;
            } else if (builder.clock == null) {
                // A data directory lives on in real time: the system's, unless the saved clock had gone further.
                resumeAt = data.resumeInstant(Instant.now().truncatedTo(ChronoUnit.MILLIS)); // as saved
                Instant start = data.earliestWrite().orElse(resumeAt);
                this.clock = TestClock.at(start.isBefore(resumeAt) ? start : resumeAt);
            } else {
                this.clock = builder.clock;
                resumeAt = clock.instant();
            }
        } catch (RuntimeException e) {
            if (data != null) {
                data.close();
            }
            throw e;
        }
        this.limits = builder.limits;
        this.auth = builder.tokens == null ? AuthPolicy.open() : AuthPolicy.tokens(builder.tokens);
        this.readTimeout = builder.readTimeout;
        this.journal = new Journal(builder.journalCapacity);
        boolean writeRate = builder.enforceWriteRate;
        boolean listStress = builder.listStressMode;
        this.registry = new NamespaceRegistry(title -> FakeKvNamespace.builder()
                .name(title)
                .clock(clock)
                .limits(limits)
                .enforceWriteRate(writeRate)
                .listStressMode(listStress)
                .build());
        if (data != null) {
            try {
                data.restore(registry, clock, resumeAt);
            } catch (RuntimeException e) {
                data.close();
                throw e;
            }
        }
        this.persistence = data == null ? Persistence.IN_MEMORY : data;
        this.workers = Executors.newCachedThreadPool(daemonThreads("kvkit-server-"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("kvkit-server-timer-"));
    }

    /**
     * Returns a builder: loopback, a free port, a fresh {@link TestClock}, Cloudflare's limits, any
     * well-formed credential accepted.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts serving. The server is ready when this returns.
     *
     * @return this server
     * @throws UncheckedIOException when the address cannot be bound
     * @throws IllegalStateException when the server was started before
     */
    public synchronized KvApiServer start() {
        if (http != null) {
            throw new IllegalStateException("The server was started before; build another one");
        }
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), requestedPort), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not bind " + host + ":" + requestedPort, e);
        }
        ApiContext context = new ApiContext(
                registry, persistence, journal, limits.maxRestBulkRequestBytes(), readTimeout.toMillis(), timer);
        http.createContext("/", new ApiHandler(context, auth, faults));
        http.createContext(AdminRoutes.PREFIX, new AdminRoutes(this));
        http.setExecutor(workers);
        http.start();
        serving = true;
        return this;
    }

    /**
     * Returns the base URL clients take, ending in {@code /client/v4}, such as {@code
     * http://127.0.0.1:8787/client/v4}: wrangler's {@code CLOUDFLARE_API_BASE_URL}, the SDK's {@code
     * CLOUDFLARE_BASE_URL}.
     *
     * @return the base URL
     * @throws IllegalStateException before {@link #start()}
     */
    public String baseUrl() {
        String address = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + address + ":" + port() + Route.API_PREFIX;
    }

    /**
     * Returns the port the server listens on: the one asked for, or the free one it found.
     *
     * @return the port
     * @throws IllegalStateException before {@link #start()}
     */
    public int port() {
        HttpServer server = http;
        if (server == null) {
            throw new IllegalStateException("The server has not been started");
        }
        return server.getAddress().getPort();
    }

    /**
     * Returns the default account: the one {@link #createNamespace(String)} and the admin routes use
     * when none is named.
     *
     * @return the account id
     */
    public String accountId() {
        return accountId;
    }

    /**
     * Returns the clock every namespace reads time from. Moving it moves time for HTTP clients and
     * in-JVM callers alike.
     *
     * @return the clock
     */
    public TestClock clock() {
        return clock;
    }

    /**
     * Returns whether the server is serving: started and not closed.
     *
     * @return {@code true} while serving
     */
    public boolean isServing() {
        return serving;
    }

    // ------------------------------------------------------------------ namespaces

    /**
     * Creates a namespace in the default account with a random id, as {@code POST /namespaces} does.
     *
     * @param title the title, unique in the account
     * @return the namespace
     * @throws IllegalArgumentException when the account has a namespace with that title
     */
    public ServedNamespace createNamespace(String title) {
        return createNamespace(accountId, title);
    }

    /**
     * Creates a namespace with a random id.
     *
     * @param accountId the account
     * @param title the title, unique in the account
     * @return the namespace
     * @throws IllegalArgumentException when the account has a namespace with that title
     */
    public ServedNamespace createNamespace(String accountId, String title) {
        return create(accountId, title, null);
    }

    /**
     * Creates a namespace with a chosen id, such as the one a wrangler configuration names.
     *
     * @param accountId the account
     * @param title the title, unique in the account
     * @param namespaceId 32 lowercase hex digits, unique in the account
     * @return the namespace
     * @throws IllegalArgumentException when the id is malformed, or the title or id is taken
     */
    public ServedNamespace createNamespace(String accountId, String title, String namespaceId) {
        Objects.requireNonNull(namespaceId, "namespaceId");
        if (!Route.isNamespaceId(namespaceId)) {
            throw new IllegalArgumentException(
                    "A namespace id is 32 lowercase hex digits, such as a UUID without dashes, but was: "
                            + namespaceId);
        }
        return create(accountId, title, namespaceId);
    }

    private static String namespaceCount(int count) {
        return count + (count == 1 ? " namespace" : " namespaces");
    }

    /**
     * Serves a namespace that exists already, such as one a test holds, under a title and id: what
     * clients write over HTTP is then in that very object, and what the test writes is what they
     * read. The namespace keeps its own clock and limits; the admin clock routes move the server's
     * clock, so build the server with the namespace's clock when both should move together.
     *
     * <pre>{@code
     * FakeKvNamespace todo = FakeKvNamespace.builder().clock(clock).build();
     * KvApiServer server = KvApiServer.builder().clock(clock).start();
     * server.serve(server.accountId(), "TODO", null, todo);
     * }</pre>
     *
     * @param accountId the account
     * @param title the title, unique in the account
     * @param namespaceId 32 lowercase hex digits, or {@code null} for a random id
     * @param namespace the namespace to serve
     * @return the namespace as served
     * @throws IllegalArgumentException when the id is malformed, or the title or id is taken
     * @throws IllegalStateException when the server {@linkplain Builder#persistTo(Path) persists}: a
     *     namespace built elsewhere has a clock and limits of its own, which a restart could not give
     *     back; create it with {@link #createNamespace(String, String, String)} instead
     * @since 0.1.0
     */
    public ServedNamespace serve(String accountId, String title, String namespaceId, FakeKvNamespace namespace) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(namespace, "namespace");
        if (persistence != Persistence.IN_MEMORY) {
            throw new IllegalStateException("A persisted server serves only namespaces it creates: one built elsewhere"
                    + " has a clock and limits of its own, which a restart could not give back; use"
                    + " createNamespace(accountId, title, id) and its kv()");
        }
        if (namespaceId != null && !Route.isNamespaceId(namespaceId)) {
            throw new IllegalArgumentException(
                    "A namespace id is 32 lowercase hex digits, such as a UUID without dashes, but was: "
                            + namespaceId);
        }
        try {
            return registry.create(accountId, title, namespaceId, null, namespace)
                    .served();
        } catch (ApiError e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private ServedNamespace create(String accountId, String title, String namespaceId) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(title, "title");
        Persistence.Change change = persistence.begin();
        try {
            NamespaceRegistry.Entry entry = registry.create(accountId, title, namespaceId, null);
            change.namespace(entry);
            return entry.served();
        } catch (ApiError e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } finally {
            change.save();
        }
    }

    /**
     * Returns a namespace by id.
     *
     * @param accountId the account
     * @param namespaceId the namespace id
     * @return the namespace, or empty when the account has none with that id
     */
    public Optional<ServedNamespace> namespace(String accountId, String namespaceId) {
        return registry.find(accountId, namespaceId).map(NamespaceRegistry.Entry::served);
    }

    /**
     * Returns a namespace by its current title.
     *
     * @param accountId the account
     * @param title the title
     * @return the namespace, or empty when the account has none with that title
     */
    public Optional<ServedNamespace> namespaceByTitle(String accountId, String title) {
        return registry.findByTitle(accountId, title).map(NamespaceRegistry.Entry::served);
    }

    /**
     * Returns the namespaces of an account, in creation order.
     *
     * @param accountId the account
     * @return the namespaces
     */
    public List<ServedNamespace> namespaces(String accountId) {
        return registry.list(accountId).stream()
                .map(NamespaceRegistry.Entry::served)
                .toList();
    }

    // ------------------------------------------------------------------ state

    /**
     * Empties every namespace of every account, clears the journal and removes every fault. The
     * namespaces themselves stay, under the same ids, so configured clients keep working; the clock
     * stays where it is.
     */
    public void reset() {
        Persistence.Change change = persistence.begin();
        try {
            for (NamespaceRegistry.Entry entry : registry.all()) {
                entry.kv.reset();
                change.contents(entry);
            }
        } finally {
            change.save();
        }
        faults.clear();
        journal.clear();
    }

    /**
     * Empties every namespace of one account.
     *
     * @param accountId the account
     */
    public void reset(String accountId) {
        journal.noteOpenListings();
        Persistence.Change change = persistence.begin();
        try {
            for (NamespaceRegistry.Entry entry : registry.list(accountId)) {
                entry.kv.reset();
                change.contents(entry);
            }
        } finally {
            change.save();
        }
    }

    /**
     * Empties one namespace, as {@link FakeKvNamespace#reset()} does.
     *
     * @param accountId the account
     * @param namespaceId the namespace id
     * @throws IllegalArgumentException when the account has no such namespace
     */
    public void reset(String accountId, String namespaceId) {
        journal.noteOpenListings();
        NamespaceRegistry.Entry entry = registry.find(accountId, namespaceId)
                .orElseThrow(
                        () -> new IllegalArgumentException("No namespace " + namespaceId + " in account " + accountId));
        Persistence.Change change = persistence.begin();
        try {
            entry.kv.reset();
            change.contents(entry);
        } finally {
            change.save();
        }
    }

    /**
     * Imports a wrangler bulk file into a namespace, as its {@link FakeKvNamespace#importBulk(Path)}
     * does, and saves the result where the server persists; for the admin route and the command
     * line.
     */
    int seed(ServedNamespace namespace, java.util.function.ToIntFunction<FakeKvNamespace> importer) {
        NamespaceRegistry.Entry entry = registry.find(namespace.accountId(), namespace.id())
                .orElseThrow(() -> new IllegalArgumentException(
                        "No namespace " + namespace.id() + " in account " + namespace.accountId()));
        Persistence.Change change = persistence.begin();
        try {
            int imported = importer.applyAsInt(entry.kv);
            change.contents(entry);
            return imported;
        } finally {
            change.save();
        }
    }

    /** Saves where the clock has been, after the admin routes moved it. */
    void clockMoved() {
        persistence.clockMoved();
    }

    /** Returns whether the server keeps its state in a directory. */
    boolean persists() {
        return persistence != Persistence.IN_MEMORY;
    }

    /**
     * Returns the journal: the API requests served, oldest first, up to the {@linkplain
     * Builder#journalCapacity(int) capacity}; admin requests are not in it. Reading it also notes,
     * on the entries concerned, key listings whose next page was never asked for.
     *
     * @return an immutable snapshot
     */
    public List<JournalEntry> journal() {
        return journal.entries();
    }

    /** Forgets the journal's entries. */
    public void clearJournal() {
        journal.clear();
    }

    /**
     * Puts a fault in force; see {@link Fault}.
     *
     * @param fault the fault
     */
    public void injectFault(Fault fault) {
        faults.add(Objects.requireNonNull(fault, "fault"));
    }

    /**
     * Returns the faults still in force, in the order they were injected.
     *
     * @return the faults
     */
    public List<Fault> faults() {
        return faults.faults();
    }

    /** Removes every fault. */
    public void clearFaults() {
        faults.clear();
    }

    /**
     * Stops serving and releases the port. Requests in flight are cut off. Calling it again does
     * nothing.
     */
    @Override
    public synchronized void close() {
        serving = false;
        journal.noteOpenListings();
        if (http != null) {
            http.stop(0);
        }
        workers.shutdownNow();
        timer.shutdownNow();
        persistence.close();
    }

    /**
     * Stops as {@code kill -9} would, for tests of persistence in one JVM: the port is released and
     * the store let go of without saving anything more, so what survives is what was committed when
     * each change was acknowledged, and nothing that {@link #close()} would have added.
     */
    synchronized void halt() {
        serving = false;
        persistence.halt();
        if (http != null) {
            http.stop(0);
        }
        workers.shutdownNow();
        timer.shutdownNow();
    }

    @Override
    public String toString() {
        HttpServer server = http;
        return "KvApiServer[" + (server == null ? "not started" : baseUrl()) + (serving ? "" : ", not serving") + ", "
                + namespaceCount(registry.all().size()) + ", " + clock + "]";
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Builds a {@link KvApiServer}. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {

        private String host = "127.0.0.1";
        private int port;
        private String accountId = DEFAULT_ACCOUNT_ID;
        private TestClock clock;
        private KvLimits limits = KvLimits.cloudflare();
        private boolean enforceWriteRate;
        private boolean listStressMode;
        private Map<String, Set<String>> tokens;
        private Duration readTimeout = Duration.ofSeconds(30);
        private int journalCapacity = 10_000;
        private Path persistTo;

        private Builder() {}

        /**
         * Sets the port; 0, the default, picks a free one.
         *
         * @param port 0 to 65535
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be from 0 to 65535, but was: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Sets the address to bind, {@code 127.0.0.1} by default. Anything but loopback exposes the
         * emulator, which has no real security, to the network.
         *
         * @param host a host name or IP address
         * @return this builder
         */
        public Builder bindAddress(String host) {
            Objects.requireNonNull(host, "host");
            try {
                InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("Unknown host: " + host, e);
            }
            this.host = host;
            return this;
        }

        /**
         * Sets the default account, {@link #DEFAULT_ACCOUNT_ID} unless told otherwise.
         *
         * @param accountId letters, digits, {@code _} and {@code -}, as wrangler accepts
         * @return this builder
         */
        public Builder accountId(String accountId) {
            Objects.requireNonNull(accountId, "accountId");
            if (!accountId.matches("[A-Za-z0-9_-]{1,64}")) {
                throw new IllegalArgumentException(
                        "An account id is 1 to 64 letters, digits, _ or -, but was: " + accountId);
            }
            this.accountId = accountId;
            return this;
        }

        /**
         * Sets the clock every namespace reads time from; a fresh {@link TestClock} by default.
         *
         * @param clock the clock, which a test may share with the code under test
         * @return this builder
         */
        public Builder clock(TestClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the limits every namespace enforces, including the REST ones (bulk pairs, request size).
         *
         * @param limits the limits profile
         * @return this builder
         */
        public Builder limits(KvLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Refuses a second write to one key within a second; see {@link
         * FakeKvNamespace.Builder#enforceWriteRate(boolean)}.
         *
         * @param enforce whether to enforce the write rate
         * @return this builder
         */
        public Builder enforceWriteRate(boolean enforce) {
            this.enforceWriteRate = enforce;
            return this;
        }

        /**
         * Makes key list pages come back short or empty before the end; see {@link
         * FakeKvNamespace.Builder#listStressMode(boolean)}.
         *
         * @param enabled whether to shape list pages this way
         * @return this builder
         */
        public Builder listStressMode(boolean enabled) {
            this.listStressMode = enabled;
            return this;
        }

        /**
         * Requires one token, for every account. Without this (or {@link #tokens(Map)}) any
         * well-formed credential is accepted, but one must still be sent, as the real API requires.
         *
         * @param token the token clients must send as {@code Authorization: Bearer <token>} (or as
         *     {@code X-Auth-Key} or {@code X-Auth-User-Service-Key})
         * @return this builder
         */
        public Builder requireToken(String token) {
            Objects.requireNonNull(token, "token");
            Map<String, Set<String>> one = new LinkedHashMap<>();
            one.put(token, null);
            this.tokens = one;
            return this;
        }

        /**
         * Requires one of several tokens, each granting some accounts: a token that does not grant
         * the account of a request is refused with 403/10000, as the real API refuses it.
         *
         * @param tokenToAccounts each token, with the accounts it grants
         * @return this builder
         */
        public Builder tokens(Map<String, Set<String>> tokenToAccounts) {
            Objects.requireNonNull(tokenToAccounts, "tokenToAccounts");
            Map<String, Set<String>> copy = new LinkedHashMap<>();
            tokenToAccounts.forEach((token, accounts) -> copy.put(
                    Objects.requireNonNull(token, "token"), Set.copyOf(Objects.requireNonNull(accounts, "accounts"))));
            this.tokens = copy;
            return this;
        }

        /**
         * Sets how long a client may take to send a request body before its connection is closed;
         * 30 seconds by default.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, but was: " + timeout);
            }
            this.readTimeout = timeout;
            return this;
        }

        /**
         * Sets how many journal entries are kept; older ones go. 10,000 by default.
         *
         * @param capacity at least 1
         * @return this builder
         */
        public Builder journalCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity must be at least 1, but was: " + capacity);
            }
            this.journalCapacity = capacity;
            return this;
        }

        /**
         * Keeps the server's namespaces and entries in a directory, so they survive a restart, a
         * crash and {@code kill -9}: every acknowledged change is committed to the directory's
         * SQLite database, {@code kvkit.sqlite}, before it is answered (see the class description
         * for what is kept). A server built on a directory that holds a store starts with what it
         * holds. In memory, the default, costs nothing of this.
         *
         * <p>Needs SQLite's JDBC driver, {@code org.xerial:sqlite-jdbc}, which kv-fake declares
         * optional: add it to the build where you persist ({@link #build()} says so when it is
         * missing).
         *
         * <p>Durability: WAL mode with {@code synchronous=NORMAL}. A commit is in the operating
         * system's page cache when the request is answered, so it survives the process being
         * killed, but a power loss or a kernel crash may lose the last writes (never the store's
         * consistency).
         *
         * <p>The clock: without {@link #clock(TestClock)}, a persisted server's clock starts at the
         * system's time, or where the saved clock had been if that is later, so an entry that had
         * expired stays expired; it still moves only when told. A given clock is used as it stands:
         * the saved entries its instant has reached are not loaded. While the entries load, the clock
         * steps back through the instants they were written at, newest first, then returns. A key
         * that a clock excursion had expired for good (carried past its expiration, then moved
         * back) is gone after {@link KvApiServer#close()}, which saves every entry as it stands; after
         * a kill, one that no later change touched can come back.
         *
         * <p>The directory is made if it does not exist; other files in it are left alone. {@link
         * #build()} opens the store and holds it until {@link KvApiServer#close()}: a second server
         * on the same directory is refused while the first runs.
         *
         * @param directory the directory
         * @return this builder
         */
        public Builder persistTo(Path directory) {
            this.persistTo = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Builds the server, not yet started; with {@link #persistTo(Path)}, opens the directory's
         * store and loads what it holds.
         *
         * @return the server
         * @throws IllegalArgumentException when the persistence directory is a file, cannot be
         *     written, holds a {@code kvkit.sqlite} that is not a kvkit store or is one of a newer
         *     kvkit, or holds entries the server's limits refuse
         * @throws IllegalStateException when persisting without SQLite's driver on the class path,
         *     or while another server holds the directory
         */
        public KvApiServer build() {
            return new KvApiServer(this);
        }

        /**
         * Builds and starts the server.
         *
         * @return the started server
         */
        public KvApiServer start() {
            return build().start();
        }
    }
}
