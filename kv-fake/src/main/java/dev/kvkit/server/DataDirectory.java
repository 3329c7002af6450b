package dev.kvkit.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvkit.fake.KvEntry;
import dev.kvkit.fake.TestClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The emulator's opt-in persistence: every namespace and entry of a {@link KvApiServer}, in one
 * SQLite database, {@value #FILE_NAME}, in the directory given to {@link
 * KvApiServer.Builder#persistTo(Path)}.
 *
 * <h2>Why SQLite</h2>
 * A store that must survive {@code kill -9} at any instant is a store whose crash recovery has been
 * tested for decades, not a file format of our own. SQLite (through {@code org.xerial:sqlite-jdbc})
 * is what Miniflare's own storage uses, it commits one small transaction in tens of microseconds in
 * WAL mode, recovers a half-written WAL on the next open, and its file can be opened with any {@code
 * sqlite3} shell to see what the emulator holds. H2's MVStore, the pure-Java alternative, writes a
 * new chunk per commit and compacts in the background: made for fewer, larger commits than an
 * emulator answering one write per request. SQLite's price is a 12 MB jar of native libraries,
 * which is why kv-fake declares it optional: nobody who does not persist carries it, and asking to
 * persist without it is refused with the coordinates to add.
 *
 * <h2>Durability</h2>
 * The database runs in WAL mode with {@code synchronous=NORMAL}: a commit is appended to the WAL
 * file, in the operating system's page cache, before the request is answered, so an acknowledged
 * write survives the process being killed (the kernel still writes the page cache out); the WAL is
 * flushed to the disk ({@code fsync}) only at checkpoints. A power loss or a kernel crash may
 * therefore lose the last acknowledged writes, though never the database's consistency. {@code
 * synchronous=FULL} would add an {@code fsync} to every commit, milliseconds per write on most disks
 * and a hundred times fewer writes per second; an emulator's data is test data, so it is not
 * offered.
 *
 * <h2>Order</h2>
 * One lock orders every change of the server: the change is made in memory and saved under it, so
 * the file holds the state of the last change to each key in the order memory saw them. What is
 * saved is read back from the namespace after the change, never what the request asked for, so
 * even a write made directly to the namespace in between is saved as memory holds it. Reads take
 * no lock. The database is opened in exclusive locking mode: a second server on the same directory
 * is refused at once, and the lock goes with the process, {@code kill -9} included.
 *
 * <h2>Restoring</h2>
 * Namespaces come back in their order, entries through the fake's own import, so every rule of a
 * write holds for them again. The clock is stepped through the saved writes' instants while they
 * load, so that an entry near its expiration passes the minimum-TTL rule it passed when written and
 * keeps its write instant; then it goes to where the server resumes. Entries whose expiration the
 * resumed clock has reached are not loaded, and are deleted from the file.
 */
final class DataDirectory extends Persistence {

    /** The database's name in the directory; SQLite adds {@code -wal} beside it while it runs. */
    static final String FILE_NAME = "kvkit.sqlite";

    /** SQLite's {@code application_id} of a kvkit store: "kvkt". */
    static final int APPLICATION_ID = 0x6b766b74;

    /** The store's schema version, SQLite's {@code user_version}. */
    static final int SCHEMA_VERSION = 1;

    /** The driver's coordinates and the version kv-fake is built and tested with. */
    static final String DRIVER_COORDINATES = "org.xerial:sqlite-jdbc:3.54.1.0";

    private static final String DRIVER_CLASS = "org.sqlite.JDBC";

    private final Path directory;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final PreparedStatement putEntry;
    private final PreparedStatement deleteEntry;
    private final PreparedStatement deleteEntries;
    private final PreparedStatement putNamespace;
    private final PreparedStatement deleteNamespace;
    private final PreparedStatement putClock;

    /** Set by {@link #restore}; guarded by {@link #lock} after. */
    private NamespaceRegistry registry;

    private TestClock clock;
    private long savedClockMillis;
    /** Why no further change is taken, or null while all is well. */
    private String refusal;

    private DataDirectory(Path directory, Connection connection) throws SQLException {
        this.directory = directory;
        this.connection = connection;
        this.putEntry = connection.prepareStatement("INSERT OR REPLACE INTO entries"
                + " (account_id, namespace_id, key, value, metadata, expiration, written_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)");
        this.deleteEntry = connection.prepareStatement(
                "DELETE FROM entries WHERE account_id = ? AND namespace_id = ? AND key = ?");
        this.deleteEntries =
                connection.prepareStatement("DELETE FROM entries WHERE account_id = ? AND namespace_id = ?");
        // An update keeps the row, and with it the namespace's place in the creation order.
        this.putNamespace = connection.prepareStatement("INSERT INTO namespaces (account_id, id, title, jurisdiction)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (account_id, id) DO UPDATE SET title = excluded.title");
        this.deleteNamespace = connection.prepareStatement("DELETE FROM namespaces WHERE account_id = ? AND id = ?");
        this.putClock = connection.prepareStatement("UPDATE kvkit SET value = ? WHERE name = 'clock_latest_millis'");
    }

    /**
     * Opens the store in a directory, making both if need be; refuses a path that is a file, a
     * directory it cannot write, a file there that is not a kvkit store or is one of a newer schema,
     * and a store another server holds.
     *
     * @throws IllegalArgumentException when the path or what is there is not usable
     * @throws IllegalStateException when the driver is missing or another server holds the store
     */
    static DataDirectory open(Path path) {
        Path directory = path.toAbsolutePath().normalize();
        String where = "Cannot persist to " + directory + ": ";
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new IllegalArgumentException(where + "it is a file, not a directory");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + "the directory cannot be made (" + e + ")", e);
        }
        Path file = directory.resolve(FILE_NAME);
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new IllegalArgumentException(where + FILE_NAME
                    + " there is not a file, so not a kvkit store; move it away or choose another" + " directory");
        }
        loadDriver(where);
        Connection connection;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        } catch (SQLException e) {
            throw refusal(where, e);
        }
        try {
            configure(connection, where);
            return new DataDirectory(directory, connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw refusal(where, e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static void loadDriver(String where) {
        try {
            Class.forName(DRIVER_CLASS, true, DataDirectory.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(
                    where + "persistence needs SQLite's JDBC driver, which is not on the class path; add "
                            + DRIVER_COORDINATES + " (kv-fake declares it optional, so it does not come along)",
                    e);
        } catch (LinkageError e) {
            throw new IllegalStateException(where + "SQLite's JDBC driver cannot be loaded: " + e, e);
        }
    }

    private static void configure(Connection connection, String where) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // Before the first access: the lock is then held from the first read until the connection closes.
            statement.execute("PRAGMA locking_mode = EXCLUSIVE");
            statement.execute("PRAGMA busy_timeout = 0");
            // Read-only checks first: nothing is written to a file that is not kvkit's.
            int applicationId = intQuery(statement, "PRAGMA application_id");
            int version = intQuery(statement, "PRAGMA user_version");
            int objects = intQuery(statement, "SELECT count(*) FROM sqlite_master");
            boolean fresh = applicationId == 0 && version == 0 && objects == 0;
            if (!fresh && applicationId != APPLICATION_ID) {
                throw new IllegalArgumentException(where + FILE_NAME
                        + " there is an SQLite database of another program, not a kvkit store; move it away or"
                        + " choose another directory");
            }
            if (version > SCHEMA_VERSION) {
                throw new IllegalArgumentException(where + FILE_NAME + " was written by a newer kvkit (store version "
                        + version + "; this kvkit reads version " + SCHEMA_VERSION + " and older); use that kvkit"
                        + " or another directory");
            }
            try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode = WAL")) {
                if (!mode.next() || !mode.getString(1).equalsIgnoreCase("wal")) {
                    throw new IllegalStateException(where + "SQLite would not switch " + FILE_NAME + " to WAL mode");
                }
            }
            statement.execute("PRAGMA synchronous = NORMAL");
            connection.setAutoCommit(false);
            if (fresh) {
                statement.execute("CREATE TABLE kvkit (name TEXT PRIMARY KEY, value INTEGER NOT NULL)");
                statement.execute(
                        "INSERT INTO kvkit (name, value) VALUES ('clock_latest_millis', " + Long.MIN_VALUE + ")");
                // The rowid keeps the creation order, which is the listing order.
                statement.execute("CREATE TABLE namespaces (account_id TEXT NOT NULL, id TEXT NOT NULL,"
                        + " title TEXT NOT NULL, jurisdiction TEXT, PRIMARY KEY (account_id, id))");
                // Keys as UTF-8 bytes: compared and stored byte for byte, whatever they hold.
                statement.execute("CREATE TABLE entries (account_id TEXT NOT NULL, namespace_id TEXT NOT NULL,"
                        + " key BLOB NOT NULL, value BLOB NOT NULL, metadata TEXT, expiration INTEGER,"
                        + " written_at INTEGER NOT NULL, PRIMARY KEY (account_id, namespace_id, key)) WITHOUT ROWID");
                statement.execute("PRAGMA application_id = " + APPLICATION_ID);
                statement.execute("PRAGMA user_version = " + SCHEMA_VERSION);
            } else {
                // Takes the write lock now, so that a second server is refused at start, not at its first write.
                statement.execute("UPDATE kvkit SET value = value WHERE name = 'clock_latest_millis'");
            }
            connection.commit();
        }
    }

    private static int intQuery(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getInt(1) : 0;
        }
    }

    /** Turns what SQLite said on opening into what is wrong with the directory. */
    private static RuntimeException refusal(String where, SQLException e) {
        int code = e.getErrorCode() & 0xff; // the primary result code
        String file = FILE_NAME + " there";
        return switch (code) {
            case 26 ->
                new IllegalArgumentException(
                        where + file + " is not a kvkit store (not an SQLite database); move it away or choose another"
                                + " directory",
                        e);
            case 11 -> new IllegalArgumentException(where + file + " is damaged: " + e.getMessage(), e);
            case 5, 6 ->
                new IllegalStateException(
                        where + "another kvkit server (or another program) holds " + file
                                + "; one server per directory",
                        e);
            case 8, 14, 23 ->
                new IllegalArgumentException(
                        where + file + " cannot be opened for writing; is the directory writable? (" + e.getMessage()
                                + ")",
                        e);
            default -> new IllegalStateException(where + e.getMessage(), e);
        };
    }

    // ------------------------------------------------------------------ restoring

    /**
     * Returns the instant a server with a clock of its own resumes at: the system's time, or later
     * where the saved clock or a saved write had gone further, so an expired entry stays expired.
     */
    Instant resumeInstant(Instant systemNow) {
        try (Statement statement = connection.createStatement()) {
            long latest = Math.max(
                    savedClock(),
                    longQuery(statement, "SELECT coalesce(max(written_at), " + Long.MIN_VALUE + ") FROM entries"));
            return latest > systemNow.toEpochMilli() ? Instant.ofEpochMilli(latest) : systemNow;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read " + directory.resolve(FILE_NAME) + ": " + e.getMessage(), e);
        }
    }

    /** Returns the instant of the earliest saved write, where a clock that steps through them starts. */
    Optional<Instant> earliestWrite() {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT min(written_at) FROM entries")) {
            result.next();
            long earliest = result.getLong(1);
            return result.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(earliest));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read " + directory.resolve(FILE_NAME) + ": " + e.getMessage(), e);
        }
    }

    /** Returns the directory, absolute. */
    Path directory() {
        return directory;
    }

    /**
     * Loads every namespace and live entry into the registry, stepping {@code clock} back through the
     * writes' instants, newest first, and leaving it at {@code resumeAt}; entries that expire by then
     * are deleted.
     *
     * @throws IllegalArgumentException when a saved entry breaks a rule of the server's limits
     */
    void restore(NamespaceRegistry registry, TestClock clock, Instant resumeAt) {
        this.registry = registry;
        this.clock = clock;
        String where = "Cannot restore " + directory.resolve(FILE_NAME) + ": ";
        long resumeMillis = resumeAt.toEpochMilli();
        try (Statement statement = connection.createStatement()) {
            Map<String, NamespaceRegistry.Entry> namespaces = new HashMap<>();
            try (ResultSet rows = statement.executeQuery(
                    "SELECT account_id, id, title, jurisdiction FROM namespaces ORDER BY rowid")) {
                while (rows.next()) {
                    NamespaceRegistry.Entry entry =
                            registry.create(rows.getString(1), rows.getString(3), rows.getString(2), rows.getString(4));
                    namespaces.put(entry.accountId + "/" + entry.id, entry);
                }
            }
            // Newest first, so loading only ever moves the clock back: stepping it forwards through
            // the writes would carry it past the expiration of an entry written after an earlier
            // back move, and the namespace would then hold that entry as expired for good.
            try (ResultSet rows = statement.executeQuery(
                    "SELECT account_id, namespace_id, key, value, metadata, expiration, written_at FROM entries"
                            + " ORDER BY written_at DESC")) {
                while (rows.next()) {
                    NamespaceRegistry.Entry namespace = namespaces.get(rows.getString(1) + "/" + rows.getString(2));
                    long expiration = rows.getLong(6);
                    boolean expires = !rows.wasNull();
                    if (namespace == null || (expires && expiration * 1000 <= resumeMillis)) {
                        continue; // deleted below
                    }
                    String key = new String(rows.getBytes(3), StandardCharsets.UTF_8);
                    long writtenAt = rows.getLong(7);
                    clock.setInstant(Instant.ofEpochMilli(writtenAt));
                    ArrayNode items = Envelope.JSON.createArrayNode();
                    ObjectNode item = items.addObject();
                    item.put("key", key);
                    item.put("value", Base64.getEncoder().encodeToString(rows.getBytes(4)));
                    item.put("base64", true);
                    if (expires && expiration > Integer.MAX_VALUE) {
                        // Only a TTL reaches past the binding's 32-bit expiration, which the import
                        // refuses: the entry is restored as the TTL it was written with, from the
                        // instant it was written at, which gives the same second.
                        item.put("expiration_ttl", expiration - Math.floorDiv(writtenAt, 1000));
                    } else if (expires) {
                        item.put("expiration", expiration);
                    }
                    String metadata = rows.getString(5);
                    if (metadata != null) {
                        item.set("metadata", Envelope.JSON.readTree(metadata));
                    }
                    try {
                        namespace.kv.importBulk(Envelope.JSON.writeValueAsString(items));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(
                                where + "key \"" + key + "\" of namespace " + namespace.title + " (" + namespace.id
                                        + ", account " + namespace.accountId + ") breaks a rule of the server's"
                                        + " limits; were they changed? " + e.getMessage(),
                                e);
                    }
                }
            }
            clock.setInstant(resumeAt);
            try (PreparedStatement sweep = connection.prepareStatement("DELETE FROM entries"
                    + " WHERE (expiration IS NOT NULL AND expiration * 1000 <= ?)"
                    + " OR NOT EXISTS (SELECT 1 FROM namespaces n"
                    + " WHERE n.account_id = entries.account_id AND n.id = entries.namespace_id)")) {
                sweep.setLong(1, resumeMillis);
                sweep.executeUpdate();
            }
            saveClock();
            connection.commit();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(where + e.getMessage(), e);
        }
    }

    private long savedClock() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            savedClockMillis = longQuery(statement, "SELECT value FROM kvkit WHERE name = 'clock_latest_millis'");
            return savedClockMillis;
        }
    }

    private static long longQuery(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getLong(1) : Long.MIN_VALUE;
        }
    }

    // ------------------------------------------------------------------ saving

    @Override
    Change begin() {
        lock.lock();
        if (refusal != null) {
            String why = refusal;
            lock.unlock();
            throw new Failure(why, null);
        }
        return new DirectoryChange();
    }

    @Override
    void close() {
        lock.lock();
        try {
            if (refusal == null && registry != null) {
                // Writes made directly to a namespace in the JVM were saved only when a request touched their key.
                for (NamespaceRegistry.Entry namespace : registry.all()) {
                    saveContents(namespace);
                }
                saveClock();
                connection.commit();
                try (Statement statement = connection.createStatement()) {
                    connection.setAutoCommit(true);
                    statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
            }
        } catch (SQLException e) {
            // Closing anyway: what was acknowledged is committed already.
        } finally {
            if (refusal == null) {
                refusal = "The server is closed; " + directory + " is no longer written";
            }
            closeQuietly(connection);
            lock.unlock();
        }
    }

    @Override
    void halt() {
        lock.lock();
        try {
            refusal = "The server was halted; " + directory + " is no longer written";
            closeQuietly(connection);
        } finally {
            lock.unlock();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing more to do
        }
    }

    /**
     * Saves the clock's instant if it is the latest seen: at every change and every move through the
     * admin routes, so a move back between them does not hide how far the clock had gone.
     */
    private void saveClock() throws SQLException {
        long latest = clock.millis();
        if (latest > savedClockMillis) {
            putClock.setLong(1, latest);
            putClock.executeUpdate();
            savedClockMillis = latest;
        }
    }

    private void saveKey(NamespaceRegistry.Entry namespace, String key) throws SQLException {
        if (registry.find(namespace.accountId, namespace.id).orElse(null) != namespace) {
            return; // the namespace was deleted while the request was on its way; nothing of it is kept
        }
        Optional<KvEntry> entry = namespace.kv.entry(key);
        if (entry.isPresent()) {
            insert(namespace, entry.get());
        } else {
            deleteEntry.setString(1, namespace.accountId);
            deleteEntry.setString(2, namespace.id);
            deleteEntry.setBytes(3, key.getBytes(StandardCharsets.UTF_8));
            deleteEntry.executeUpdate();
        }
    }

    private void insert(NamespaceRegistry.Entry namespace, KvEntry entry) throws SQLException {
        putEntry.setString(1, namespace.accountId);
        putEntry.setString(2, namespace.id);
        putEntry.setBytes(3, entry.key().getBytes(StandardCharsets.UTF_8));
        putEntry.setBytes(4, entry.value());
        putEntry.setString(5, entry.metadataJson().orElse(null));
        if (entry.expiration().isPresent()) {
            putEntry.setLong(6, entry.expiration().get().getEpochSecond());
        } else {
            putEntry.setNull(6, Types.INTEGER);
        }
        putEntry.setLong(7, entry.writtenAt().toEpochMilli());
        putEntry.executeUpdate();
    }

    private void saveContents(NamespaceRegistry.Entry namespace) throws SQLException {
        deleteEntries.setString(1, namespace.accountId);
        deleteEntries.setString(2, namespace.id);
        deleteEntries.executeUpdate();
        for (KvEntry entry : namespace.kv.entries().values()) {
            insert(namespace, entry);
        }
    }

    /** What a change touched: a key, a namespace's row, a deleted namespace, or a namespace's every key. */
    private enum Touched {
        KEY,
        NAMESPACE,
        DELETED,
        CONTENTS
    }

    private record Note(Touched what, NamespaceRegistry.Entry namespace, String key) {}

    /** One change's notes, saved in one transaction. */
    private final class DirectoryChange extends Change {

        private final List<Note> notes = new ArrayList<>(1);

        @Override
        void key(NamespaceRegistry.Entry namespace, String key) {
            notes.add(new Note(Touched.KEY, namespace, key));
        }

        @Override
        void keys(NamespaceRegistry.Entry namespace, Collection<String> keys) {
            keys.forEach(key -> key(namespace, key));
        }

        @Override
        void namespace(NamespaceRegistry.Entry namespace) {
            notes.add(new Note(Touched.NAMESPACE, namespace, null));
        }

        @Override
        void namespaceDeleted(NamespaceRegistry.Entry namespace) {
            notes.add(new Note(Touched.DELETED, namespace, null));
        }

        @Override
        void contents(NamespaceRegistry.Entry namespace) {
            notes.add(new Note(Touched.CONTENTS, namespace, null));
        }

        @Override
        void save() {
            try {
                if (notes.isEmpty() && clock.millis() <= savedClockMillis) {
                    return; // a change that failed before touching anything, or a clock that did not move
                }
                for (Note note : notes) {
                    NamespaceRegistry.Entry namespace = note.namespace();
                    switch (note.what()) {
                        case KEY -> saveKey(namespace, note.key());
                        case NAMESPACE -> {
                            putNamespace.setString(1, namespace.accountId);
                            putNamespace.setString(2, namespace.id);
                            putNamespace.setString(3, namespace.title);
                            putNamespace.setString(4, namespace.jurisdiction);
                            putNamespace.executeUpdate();
                        }
                        case DELETED -> {
                            deleteEntries.setString(1, namespace.accountId);
                            deleteEntries.setString(2, namespace.id);
                            deleteEntries.executeUpdate();
                            deleteNamespace.setString(1, namespace.accountId);
                            deleteNamespace.setString(2, namespace.id);
                            deleteNamespace.executeUpdate();
                        }
                        case CONTENTS -> saveContents(namespace);
                    }
                }
                saveClock();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                refusal = "kvkit could not save a change to " + directory + " (" + e.getMessage()
                        + "), so it takes no further change; restart the server";
                try {
                    connection.rollback();
                } catch (SQLException ignored) {
                    // the store is given up on either way
                }
                throw new Failure(refusal, e);
            } finally {
                lock.unlock();
            }
        }
    }
}
