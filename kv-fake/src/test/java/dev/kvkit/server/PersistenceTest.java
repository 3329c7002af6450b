package dev.kvkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kvkit.PutOptions;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.KvEntry;
import dev.kvkit.fake.TestClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link KvApiServer.Builder#persistTo(Path)} in one JVM: every change a server acknowledges is
 * there after a restart on the same directory. The first server is {@linkplain KvApiServer#halt()
 * halted}, as {@code kill -9} would stop it, so nothing {@link KvApiServer#close()} saves on the
 * way out can hide a change that was not committed when it was answered.
 */
class PersistenceTest {

    private static final String OTHER_ACCOUNT = "0000000000000000000000000000beef";
    private static final String ID = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    private final List<KvApiServer> servers = new ArrayList<>();

    @AfterEach
    void closeServers() {
        servers.forEach(KvApiServer::close);
    }

    private KvApiServer start(KvApiServer.Builder builder) {
        KvApiServer server = builder.build();
        servers.add(server);
        return server.start();
    }

    private KvApiServer persisted() {
        return start(KvApiServer.builder().persistTo(dir));
    }

    /** A server on the directory whose clock is the test's own, used as it stands. */
    private KvApiServer persisted(TestClock clock) {
        return start(KvApiServer.builder().clock(clock).persistTo(dir));
    }

    /** Halts the server as a kill would and starts another on the same directory. */
    private KvApiServer restart(KvApiServer server) {
        server.halt();
        return persisted();
    }

    private static ApiClient.Response admin(ApiClient client, String method, String path, String body) {
        return client.send(
                method,
                "/__kvkit/" + path,
                "application/json",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static ServedNamespace byTitle(KvApiServer server, String account, String title) {
        return server.namespaceByTitle(account, title).orElseThrow();
    }

    @Test
    void valuePutsRawAndMultipartWithMetadataAndExpirationAndDeletesSurviveARestart() {
        KvApiServer server = persisted();
        ApiClient client = new ApiClient(server);
        String id = client.post(client.namespaces(), "{\"title\":\"TODO\"}")
                .json()
                .path("result")
                .path("id")
                .asText();
        String values = client.ns(id) + "/values/";
        assertThat(client.put(values + "raw?expiration_ttl=3600", "text/plain", "milk")
                        .status())
                .isEqualTo(200);
        byte[] multipart = new Multiparts()
                .text("value", "eggs")
                .text("metadata", "{\"by\":\"ann\",\"n\":1}")
                .build();
        assertThat(client.send("PUT", values + "multi", Multiparts.CONTENT_TYPE, multipart)
                        .status())
                .isEqualTo(200);
        client.put(values + "gone", "text/plain", "x");
        assertThat(client.delete(values + "gone").status()).isEqualTo(200);
        client.put(values + "a%2Fb+c", "application/octet-stream", "slash");
        Map<String, KvEntry> before =
                server.namespace(server.accountId(), id).orElseThrow().kv().entries();

        KvApiServer restarted = restart(server);

        FakeKvNamespace kv =
                restarted.namespace(restarted.accountId(), id).orElseThrow().kv();
        assertThat(kv.keys()).containsExactly("a/b+c", "multi", "raw");
        assertThat(kv.entry("raw").orElseThrow().valueAsText()).isEqualTo("milk");
        assertThat(kv.entry("raw").orElseThrow().expiration())
                .isEqualTo(before.get("raw").expiration())
                .isPresent();
        assertThat(kv.entry("multi").orElseThrow().metadataJson()).hasValue("{\"by\":\"ann\",\"n\":1}");
        assertThat(kv.entry("multi").orElseThrow().writtenAt())
                .isEqualTo(before.get("multi").writtenAt());
        assertThat(new ApiClient(restarted).get(values + "raw").text()).isEqualTo("milk");
    }

    @Test
    void bulkWritesAndBothBulkDeletesSurviveARestart() {
        KvApiServer server = persisted();
        ServedNamespace todo = server.createNamespace("TODO");
        ApiClient client = new ApiClient(server);
        String bulk = client.ns(todo.id()) + "/bulk";
        long later = server.clock().instant().getEpochSecond() + 7200;
        assertThat(client.putJson(
                                bulk,
                                "[{\"key\":\"a\",\"value\":\"1\",\"metadata\":{\"m\":true}},"
                                        + " {\"key\":\"b\",\"value\":\"AAEC/w==\",\"base64\":true},"
                                        + " {\"key\":\"c\",\"value\":\"3\",\"expiration\":" + later + "},"
                                        + " {\"key\":\"d\",\"value\":\"4\"}, {\"key\":\"e\",\"value\":\"5\"}]")
                        .status())
                .isEqualTo(200);
        assertThat(client.post(bulk + "/delete", "[\"d\",\"missing\"]").status())
                .isEqualTo(200);
        assertThat(client.deleteJson(bulk, "[\"e\"]").status()).isEqualTo(200);

        KvApiServer restarted = restart(server);

        FakeKvNamespace kv = byTitle(restarted, restarted.accountId(), "TODO").kv();
        assertThat(kv.keys()).containsExactly("a", "b", "c");
        assertThat(kv.entry("a").orElseThrow().metadataJson()).hasValue("{\"m\":true}");
        assertThat(kv.entry("b").orElseThrow().value()).containsExactly(0, 1, 2, 255);
        assertThat(kv.entry("c").orElseThrow().expiration()).hasValue(Instant.ofEpochSecond(later));
    }

    @Test
    void namespacesCreatedRenamedAndDeletedPerAccountSurviveARestartInTheirOrder() {
        KvApiServer server = persisted();
        ApiClient client = new ApiClient(server);
        client.post(client.namespaces(), "{\"title\":\"FIRST\",\"jurisdiction\":\"eu\"}");
        String second = client.post(client.namespaces(), "{\"title\":\"SECOND\"}")
                .json()
                .path("result")
                .path("id")
                .asText();
        String doomed = client.post(client.namespaces(), "{\"title\":\"DOOMED\"}")
                .json()
                .path("result")
                .path("id")
                .asText();
        client.put(client.ns(doomed) + "/values/k", "text/plain", "v");
        assertThat(client.putJson(client.ns(second), "{\"title\":\"RENAMED\"}").status())
                .isEqualTo(200);
        assertThat(client.delete(client.ns(doomed)).status()).isEqualTo(200);
        server.createNamespace(OTHER_ACCOUNT, "FIRST", ID).kv();

        KvApiServer restarted = restart(server);

        assertThat(restarted.namespaces(restarted.accountId()))
                .extracting(ServedNamespace::title)
                .containsExactly("FIRST", "RENAMED");
        assertThat(restarted.namespaces(OTHER_ACCOUNT))
                .extracting(ServedNamespace::id)
                .containsExactly(ID);
        ApiClient after = new ApiClient(restarted);
        assertThat(after.get(after.namespaces())
                        .json()
                        .path("result")
                        .path(0)
                        .path("jurisdiction")
                        .asText())
                .isEqualTo("eu");
        assertThat(after.get(after.ns(doomed)).status()).isEqualTo(404);
        // A namespace made again with the deleted one's id starts empty: nothing of the old one was kept.
        assertThat(restarted
                        .createNamespace(restarted.accountId(), "DOOMED", doomed)
                        .kv()
                        .isEmpty())
                .isTrue();
    }

    @Test
    void adminSeedResetAndJavaResetsSurviveARestart() {
        KvApiServer server = persisted();
        ServedNamespace todo = server.createNamespace("TODO");
        ServedNamespace cache = server.createNamespace("CACHE");
        ServedNamespace other = server.createNamespace(OTHER_ACCOUNT, "OTHER");
        ApiClient client = new ApiClient(server);
        String seed = "[{\"key\":\"s1\",\"value\":\"one\"},{\"key\":\"s2\",\"value\":\"two\"}]";
        assertThat(admin(client, "POST", "seed?namespace=TODO", seed).status()).isEqualTo(200);
        assertThat(admin(client, "POST", "seed?namespace=CACHE", seed).status()).isEqualTo(200);
        assertThat(admin(
                                client,
                                "POST",
                                "seed?account=" + OTHER_ACCOUNT + "&namespace=OTHER",
                                "[{\"key\":\"o\",\"value\":\"x\"}]")
                        .status())
                .isEqualTo(200);
        assertThat(admin(client, "POST", "reset?namespace=CACHE", null).status())
                .isEqualTo(200);
        server.reset(OTHER_ACCOUNT);

        KvApiServer restarted = restart(server);

        assertThat(restarted
                        .namespace(restarted.accountId(), todo.id())
                        .orElseThrow()
                        .kv()
                        .keys())
                .containsExactly("s1", "s2");
        assertThat(restarted
                        .namespace(restarted.accountId(), cache.id())
                        .orElseThrow()
                        .kv()
                        .isEmpty())
                .isTrue();
        assertThat(restarted
                        .namespace(OTHER_ACCOUNT, other.id())
                        .orElseThrow()
                        .kv()
                        .isEmpty())
                .isTrue();
    }

    @Test
    void resetOfEverythingSurvivesARestartAndKeepsTheNamespaces() {
        KvApiServer server = persisted();
        ServedNamespace todo = server.createNamespace("TODO");
        ApiClient client = new ApiClient(server);
        client.put(client.ns(todo.id()) + "/values/k", "text/plain", "v");
        server.reset();

        KvApiServer restarted = restart(server);

        assertThat(restarted
                        .namespace(restarted.accountId(), todo.id())
                        .orElseThrow()
                        .kv()
                        .isEmpty())
                .isTrue();
    }

    @Test
    void aRefusedWriteChangesNothingOnDisk() {
        KvApiServer server = persisted();
        ServedNamespace todo = server.createNamespace("TODO");
        ApiClient client = new ApiClient(server);
        String values = client.ns(todo.id()) + "/values/";
        client.put(values + "k", "text/plain", "kept");
        ApiClient.Response refused = client.put(values + "k?expiration_ttl=30", "text/plain", "new");
        ApiClient.Response badBulk =
                client.putJson(client.ns(todo.id()) + "/bulk", "[{\"key\":\"k\",\"value\":\"bulk\"},{\"key\":\"\"}]");

        KvApiServer restarted = restart(server);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(badBulk.status()).isEqualTo(400);
        assertThat(byTitle(restarted, restarted.accountId(), "TODO").kv().entries())
                .containsOnlyKeys("k")
                .extractingByKey("k")
                .extracting(KvEntry::valueAsText)
                .isEqualTo("kept");
    }

    @Test
    void writesMadeDirectlyInTheJvmAreSavedWhenTheServerClosesButNotByAKill() {
        KvApiServer server = persisted();
        server.createNamespace("TODO").kv().put("direct", "in the JVM");

        KvApiServer killed = restart(server);
        assertThat(byTitle(killed, killed.accountId(), "TODO").kv().isEmpty()).isTrue();

        byTitle(killed, killed.accountId(), "TODO").kv().put("direct", "in the JVM");
        killed.close();
        KvApiServer closed = persisted();
        assertThat(byTitle(closed, closed.accountId(), "TODO").kv().entry("direct"))
                .map(KvEntry::valueAsText)
                .hasValue("in the JVM");
    }

    @Test
    void aDirectWriteIsSavedWhenARequestNextChangesItsKey() {
        KvApiServer server = persisted();
        ServedNamespace todo = server.createNamespace("TODO");
        ApiClient client = new ApiClient(server);
        todo.kv().put("k", "direct");
        client.put(client.ns(todo.id()) + "/values/other", "text/plain", "http");
        client.post(client.ns(todo.id()) + "/bulk/delete", "[\"nothing\"]");
        todo.kv().put("nothing", "direct, then deleted over HTTP?");
        client.post(client.ns(todo.id()) + "/bulk/delete", "[\"nothing\"]");

        KvApiServer restarted = restart(server);

        // "k" was never touched by a request, so a kill lost it; "nothing" was deleted over HTTP last.
        assertThat(byTitle(restarted, restarted.accountId(), "TODO").kv().keys())
                .containsExactly("other");
    }

    @Test
    void theClockResumesAtTheSystemsTimeAndAnExpiredEntryStaysExpired() {
        Instant beforeStart = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        KvApiServer server = persisted();
        assertThat(server.clock().instant()).isAfterOrEqualTo(beforeStart);
        ServedNamespace todo = server.createNamespace("TODO");
        ApiClient client = new ApiClient(server);
        String values = client.ns(todo.id()) + "/values/";
        client.put(values + "short?expiration_ttl=60", "text/plain", "soon gone");
        client.put(values + "long?expiration_ttl=86400", "text/plain", "stays");
        // A year ahead of the system's time, moved by the admin route and saved with it.
        Instant ahead = server.clock().instant().plus(Duration.ofDays(365));
        assertThat(admin(client, "POST", "clock/set?instant=" + ahead, null).status())
                .isEqualTo(200);
        assertThat(admin(client, "POST", "clock/set?instant=" + beforeStart, null)
                        .status())
                .isEqualTo(200);

        KvApiServer restarted = restart(server);

        assertThat(restarted.clock().instant()).isEqualTo(ahead.truncatedTo(ChronoUnit.MILLIS)); // saved in ms
        assertThat(byTitle(restarted, restarted.accountId(), "TODO").kv().isEmpty())
                .isTrue();
    }

    @Test
    void anEntryCloseToItsExpirationComesBackWithItsExpirationAndWriteInstant() {
        TestClock clock = TestClock.create();
        KvApiServer server = persisted(clock);
        ServedNamespace todo = server.createNamespace("TODO");
        ApiClient client = new ApiClient(server);
        client.put(client.ns(todo.id()) + "/values/k?expiration_ttl=60", "text/plain", "v");
        KvEntry written = todo.kv().entry("k").orElseThrow();
        clock.advance(Duration.ofSeconds(50)); // 10 s left: below the minimum TTL of a new write
        Instant now = clock.instant();
        server.halt();

        KvApiServer restarted = persisted(clock);

        KvEntry back = byTitle(restarted, restarted.accountId(), "TODO")
                .kv()
                .entry("k")
                .orElseThrow();
        assertThat(back.expiration()).isEqualTo(written.expiration());
        assertThat(back.writtenAt()).isEqualTo(written.writtenAt());
        assertThat(clock.instant()).isEqualTo(now);
        clock.advance(Duration.ofSeconds(10));
        assertThat(byTitle(restarted, restarted.accountId(), "TODO").kv().entry("k"))
                .isEmpty();
    }

    /**
     * A TTL of 2,147,483,647 s is within the binding's 32 bits, its absolute expiration is not: the
     * entry must still come back, with the same expiration, rather than stop the server.
     */
    @Test
    void anEntryWrittenWithTheLongestTtlComesBackWithItsExpirationBeyond32Bits() {
        TestClock clock = TestClock.create();
        KvApiServer server = persisted(clock);
        ServedNamespace todo = server.createNamespace("TODO");
        ApiClient client = new ApiClient(server);
        client.put(client.ns(todo.id()) + "/values/k?expiration_ttl=2147483647", "text/plain", "v");
        KvEntry written = todo.kv().entry("k").orElseThrow();
        assertThat(written.expiration().orElseThrow().getEpochSecond()).isGreaterThan(Integer.MAX_VALUE);
        server.halt();

        KvApiServer restarted = persisted(clock);

        KvEntry back = byTitle(restarted, restarted.accountId(), "TODO")
                .kv()
                .entry("k")
                .orElseThrow();
        assertThat(back.expiration()).isEqualTo(written.expiration());
        assertThat(back.writtenAt()).isEqualTo(written.writtenAt());
    }

    /**
     * Entries load in the order of their write instants; stepping the clock forwards through them
     * would carry it past the expiration of an entry written after an earlier back move, which the
     * namespace would then hold as expired for good. It comes back live, as it was.
     */
    @Test
    void anEntryWrittenAfterTheClockMovedBackComesBackLiveBesideALaterInstantsWrite() {
        TestClock clock = TestClock.create();
        KvApiServer server = persisted(clock);
        ServedNamespace todo = server.createNamespace("TODO");
        ApiClient client = new ApiClient(server);
        client.put(client.ns(todo.id()) + "/values/first", "text/plain", "v");
        clock.advance(Duration.ofSeconds(-64));
        client.put(client.ns(todo.id()) + "/values/second?expiration_ttl=61", "text/plain", "v");
        clock.advance(Duration.ofSeconds(2));
        assertThat(todo.kv().get("second")).as("live before the restart").isEqualTo("v");
        server.halt();

        KvApiServer restarted = persisted(clock);

        FakeKvNamespace kv = byTitle(restarted, restarted.accountId(), "TODO").kv();
        assertThat(kv.get("second")).isEqualTo("v");
        assertThat(kv.get("first")).isEqualTo("v");
    }

    @Test
    void concurrentWritesToTheSameKeysLeaveDiskAndMemoryAgreeing() throws Exception {
        KvApiServer server = persisted();
        ServedNamespace todo = server.createNamespace("TODO");
        ApiClient client = new ApiClient(server);
        String values = client.ns(todo.id()) + "/values/";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                int t = thread;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 150; i++) {
                        String key = "k" + (i % 4);
                        if ((i + t) % 5 == 0) {
                            assertThat(client.delete(values + key).status()).isEqualTo(200);
                        } else {
                            assertThat(client.put(values + key, "text/plain", "t" + t + "-" + i)
                                            .status())
                                    .isEqualTo(200);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, String> inMemory = texts(todo.kv());

        KvApiServer restarted = restart(server);

        assertThat(texts(byTitle(restarted, restarted.accountId(), "TODO").kv()))
                .isEqualTo(inMemory);
    }

    private static Map<String, String> texts(FakeKvNamespace kv) {
        Map<String, String> texts = new LinkedHashMap<>();
        kv.entries().forEach((key, entry) -> texts.put(key, entry.valueAsText() + " @" + entry.writtenAt()));
        return texts;
    }

    @Test
    void inMemoryIsTheDefaultAndKeepsNothing() throws IOException {
        try (KvApiServer server = KvApiServer.builder().start()) {
            server.createNamespace("TODO").kv().put("k", "v");
            assertThat(server.persists()).isFalse();
            assertThat(server.clock().instant()).isEqualTo(TestClock.DEFAULT_START);
        }
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    // ------------------------------------------------------------------ refusals

    @Test
    void aPathThatIsAFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> KvApiServer.builder().persistTo(file).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot persist to " + file + ": it is a file, not a directory");
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    @Test
    void aDirectoryThatCannotBeMadeIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
        Path under = file.resolve("data");

        assertThatThrownBy(() -> KvApiServer.builder().persistTo(under).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Cannot persist to " + under + ": the directory cannot be made (");
    }

    @Test
    void aDirectoryThatCannotBeWrittenIsRefused() {
        // /proc takes no new files, not even from root, who can write any directory chmod protects.
        Path proc = Path.of("/proc");

        assertThatThrownBy(() -> KvApiServer.builder().persistTo(proc).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Cannot persist to /proc: kvkit.sqlite there cannot be opened for writing;"
                        + " is the directory writable? (");
    }

    @Test
    void aStoreFileThatIsNotAnSqliteDatabaseIsRefusedAndLeftAlone() throws IOException {
        Path store = Files.writeString(dir.resolve(DataDirectory.FILE_NAME), "not a database, just text: ".repeat(20));

        assertThatThrownBy(() -> KvApiServer.builder().persistTo(dir).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot persist to " + dir + ": kvkit.sqlite there is not a kvkit store (not an SQLite"
                        + " database); move it away or choose another directory");
        assertThat(Files.readString(store)).isEqualTo("not a database, just text: ".repeat(20));
        assertThat(dir.resolve(DataDirectory.FILE_NAME + "-wal")).doesNotExist();
    }

    @Test
    void anSqliteDatabaseOfAnotherProgramIsRefusedAndLeftAlone() throws Exception {
        Path store = dir.resolve(DataDirectory.FILE_NAME);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + store);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE notes (text TEXT)");
        }
        byte[] before = Files.readAllBytes(store);

        assertThatThrownBy(() -> KvApiServer.builder().persistTo(dir).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot persist to " + dir + ": kvkit.sqlite there is an SQLite database of another"
                        + " program, not a kvkit store; move it away or choose another directory");
        assertThat(Files.readAllBytes(store)).isEqualTo(before);
    }

    @Test
    void aStoreOfANewerSchemaIsRefused() throws SQLException {
        persisted().close();
        try (Connection connection =
                        DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(DataDirectory.FILE_NAME));
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = 2");
        }

        assertThatThrownBy(() -> KvApiServer.builder().persistTo(dir).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot persist to " + dir + ": kvkit.sqlite was written by a newer kvkit (store version 2;"
                        + " this kvkit reads version 1 and older); use that kvkit or another directory");
    }

    @Test
    void aSecondServerOnTheSameDirectoryIsRefusedWhileTheFirstRuns() {
        KvApiServer first = persisted();
        first.createNamespace("TODO");

        assertThatThrownBy(() -> KvApiServer.builder().persistTo(dir).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot persist to " + dir + ": another kvkit server (or another program) holds"
                        + " kvkit.sqlite there; one server per directory");
        assertThat(first.namespaces(first.accountId())).hasSize(1);
        first.close();
        assertThat(persisted().namespaces(KvApiServer.DEFAULT_ACCOUNT_ID)).hasSize(1);
    }

    @Test
    void aPersistedServerServesOnlyNamespacesItCreates() {
        KvApiServer server = persisted();

        assertThatThrownBy(() -> server.serve(server.accountId(), "TODO", null, FakeKvNamespace.create()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("A persisted server serves only namespaces it creates: one built elsewhere has a clock"
                        + " and limits of its own, which a restart could not give back; use"
                        + " createNamespace(accountId, title, id) and its kv()");
        assertThat(server.namespaces(server.accountId())).isEmpty();
    }

    @Test
    void entriesTheLimitsNowRefuseAreNamedOnRestore() {
        KvApiServer server = persisted();
        server.createNamespace("TODO").kv().put("big", "x".repeat(2000), PutOptions.defaults());
        server.close();

        assertThatThrownBy(() -> KvApiServer.builder()
                        .persistTo(dir)
                        .limits(dev.kvkit.fake.KvLimits.cloudflare().toBuilder()
                                .maxValueBytes(1000)
                                .build())
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "Cannot restore " + dir.resolve(DataDirectory.FILE_NAME) + ": key \"big\" of namespace TODO (")
                .hasMessageContaining("breaks a rule of the server's limits; were they changed?");
        // The refused restart let go of the directory.
        assertThat(persisted().namespaces(KvApiServer.DEFAULT_ACCOUNT_ID)).hasSize(1);
    }

    @Test
    void theDriverVersionNamedInTheMissingDriverMessageIsTheOneOnTheClassPath() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            assertThat(DataDirectory.DRIVER_COORDINATES)
                    .isEqualTo(
                            "org.xerial:sqlite-jdbc:" + connection.getMetaData().getDriverVersion());
        }
    }
}
