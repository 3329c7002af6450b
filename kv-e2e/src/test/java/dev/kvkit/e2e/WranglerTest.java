package dev.kvkit.e2e;

import static dev.kvkit.assertj.KvAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.server.KvApiServer;
import dev.kvkit.server.ServedNamespace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * wrangler 4.x (the newest release for this machine's Node 20) and 3.114 (the last 3.x), unchanged,
 * through every KV command each has, against KvApiServer. The emulator's own namespaces are then
 * asserted in-JVM with kvkit's assertions: what wrangler wrote is what the fake holds.
 */
class WranglerTest {

    private static final String TOKEN = "e2e-wrangler-token";

    /** The install of the newest wrangler (package.json pins it), which runs on Node 22. */
    private static final String NEWEST = "wrangler-latest";

    @TempDir
    Path home;

    KvApiServer server;

    @BeforeEach
    void startTheServer() {
        server = KvApiServer.builder().requireToken(TOKEN).start();
    }

    @AfterEach
    void stopTheServer() {
        server.close();
    }

    private NodeClients.Result wrangler(String version, String... args) {
        Path clients = NodeClients.installed();
        List<String> command = new ArrayList<>(List.of(
                version.equals(NEWEST) ? NodeClients.node22() : NodeClients.node(),
                clients.resolve("node_modules/" + version + "/bin/wrangler.js").toString()));
        command.addAll(List.of(args));
        return NodeClients.run(
                home,
                command,
                Map.of(
                        "CLOUDFLARE_API_BASE_URL", server.baseUrl(),
                        "CLOUDFLARE_API_TOKEN", TOKEN,
                        "CLOUDFLARE_ACCOUNT_ID", server.accountId(),
                        "WRANGLER_SEND_METRICS", "false",
                        "CI", "true",
                        "HOME", home.toString(),
                        "XDG_CONFIG_HOME", home.resolve(".config").toString()),
                Duration.ofMinutes(1));
    }

    private NodeClients.Result ok(String version, String... args) {
        NodeClients.Result result = wrangler(version, args);
        assertThat(result.exitCode())
                .as("wrangler %s %s\n%s", version, String.join(" ", args), result)
                .isZero();
        return result;
    }

    private ServedNamespace namespaceTitled(String title) {
        return server.namespaceByTitle(server.accountId(), title)
                .orElseThrow(() -> new AssertionError(
                        "no namespace titled " + title + " in " + server.namespaces(server.accountId())));
    }

    /**
     * Wrangler 4 twice: 4.86.0, the newest release that runs on this machine's Node 20, and the newest
     * release of all, which needs Node 22 (run on the one the build installs from npm).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"wrangler-v4", NEWEST})
    void wrangler4DrivesEveryKvCommandWithRemote(String v4) throws IOException {
        ok(v4, "kv", "namespace", "create", "SESSIONS");
        ServedNamespace sessions = namespaceTitled("SESSIONS");
        FakeKvNamespace kv = sessions.kv();
        String id = sessions.id();

        assertThat(ok(v4, "kv", "namespace", "list").stdout()).contains(id).contains("\"SESSIONS\"");

        ok(
                v4,
                "kv",
                "key",
                "put",
                "a/b c?:x",
                "hello",
                "--namespace-id",
                id,
                "--remote",
                "--ttl",
                "3600",
                "--metadata",
                "{\"owner\":\"ada\"}");
        assertThat(kv)
                .entry("a/b c?:x")
                .hasText("hello")
                .hasMetadata("{\"owner\": \"ada\"}")
                .expiresIn(Duration.ofHours(1));

        long expiration = server.clock().instant().getEpochSecond() + 7200;
        ok(
                v4,
                "kv",
                "key",
                "put",
                "absolute",
                "v",
                "--namespace-id",
                id,
                "--remote",
                "--expiration",
                String.valueOf(expiration));
        assertThat(kv).entry("absolute").hasExpiration(java.time.Instant.ofEpochSecond(expiration));

        Path file = home.resolve("blob.bin");
        Files.write(file, new byte[] {0, 1, 2, (byte) 0xff});
        ok(v4, "kv", "key", "put", "blob", "--path", file.toString(), "--namespace-id", id, "--remote");
        assertThat(kv).entry("blob").hasBytes(new byte[] {0, 1, 2, (byte) 0xff}).hasNoMetadata();
        ok(
                v4,
                "kv",
                "key",
                "put",
                "blob-with-metadata",
                "--path",
                file.toString(),
                "--metadata",
                "{\"n\":1}",
                "--namespace-id",
                id,
                "--remote");
        assertThat(kv)
                .entry("blob-with-metadata")
                .hasBytes(new byte[] {0, 1, 2, (byte) 0xff})
                .hasMetadata("{\"n\": 1}");

        assertThat(ok(v4, "kv", "key", "get", "a/b c?:x", "--namespace-id", id, "--remote", "--text")
                        .stdout())
                .contains("hello");
        NodeClients.Result missing = wrangler(v4, "kv", "key", "get", "missing", "--namespace-id", id, "--remote");
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.stdout() + missing.stderr()).contains("404: Not Found");

        assertThat(ok(v4, "kv", "key", "list", "--namespace-id", id, "--remote", "--prefix", "a/")
                        .stdout())
                .contains("\"a/b c?:x\"")
                .doesNotContain("\"blob\"");

        Path bulk = home.resolve("bulk.json");
        Files.writeString(
                bulk,
                "[{\"key\":\"bulk:1\",\"value\":\"one\",\"metadata\":{\"i\":1}},"
                        + "{\"key\":\"bulk:2\",\"value\":\"AQID\",\"base64\":true,\"expiration_ttl\":600}]",
                StandardCharsets.UTF_8);
        ok(v4, "kv", "bulk", "put", bulk.toString(), "--namespace-id", id, "--remote");
        assertThat(kv).entry("bulk:1").hasText("one").hasMetadata("{\"i\": 1}");
        assertThat(kv).entry("bulk:2").hasBytes(new byte[] {1, 2, 3}).expiresIn(Duration.ofMinutes(10));

        Path keys = home.resolve("keys.json");
        Files.writeString(keys, "[\"bulk:1\", {\"name\": \"bulk:2\"}]", StandardCharsets.UTF_8);
        assertThat(ok(v4, "kv", "bulk", "get", keys.toString(), "--namespace-id", id, "--remote")
                        .stdout())
                .contains("\"bulk:1\": \"one\"");
        ok(v4, "kv", "bulk", "delete", keys.toString(), "--namespace-id", id, "--remote", "-f");
        assertThat(kv).doesNotContainKey("bulk:1").doesNotContainKey("bulk:2");

        ok(v4, "kv", "key", "delete", "a/b c?:x", "--namespace-id", id, "--remote");
        assertThat(kv).doesNotContainKey("a/b c?:x");

        assertThat(ok(v4, "kv", "namespace", "rename", "SESSIONS", "--new-name", "SESSIONS2")
                        .stdout())
                .contains("SESSIONS2");
        assertThat(namespaceTitled("SESSIONS2").id()).isEqualTo(id);

        ok(v4, "kv", "namespace", "delete", "--namespace-id", id, "-y");
        assertThat(server.namespace(server.accountId(), id)).isEmpty();
    }

    @Test
    void wrangler3DrivesEveryKvCommandItHasWithoutRemote() throws IOException {
        String v3 = "wrangler-v3";
        ok(v3, "kv", "namespace", "create", "CACHE");
        ServedNamespace cache = server.namespaces(server.accountId()).get(0);
        assertThat(cache.title())
                .as("3.x titles it <worker>-<name>; without a config the worker name is empty")
                .endsWith("CACHE");
        String id = cache.id();
        FakeKvNamespace kv = cache.kv();

        assertThat(ok(v3, "kv", "namespace", "list").stdout()).contains(id);

        ok(
                v3,
                "kv",
                "key",
                "put",
                "a/b c?:x",
                "hello",
                "--namespace-id",
                id,
                "--ttl",
                "3600",
                "--metadata",
                "{\"owner\":\"ada\"}");
        assertThat(kv)
                .entry("a/b c?:x")
                .hasText("hello")
                .hasMetadata("{\"owner\": \"ada\"}")
                .expiresIn(Duration.ofHours(1));
        ok(v3, "kv:key", "put", "colon-form", "still works", "--namespace-id", id);
        assertThat(kv).entry("colon-form").hasText("still works");

        assertThat(ok(v3, "kv", "key", "get", "a/b c?:x", "--namespace-id", id).stdout())
                .contains("hello");
        assertThat(ok(v3, "kv", "key", "list", "--namespace-id", id).stdout()).contains("\"colon-form\"");

        Path bulk = home.resolve("bulk.json");
        Files.writeString(
                bulk,
                "[{\"key\":\"bulk:1\",\"value\":\"one\"},{\"key\":\"bulk:2\",\"value\":\"two\"}]",
                StandardCharsets.UTF_8);
        ok(v3, "kv", "bulk", "put", bulk.toString(), "--namespace-id", id);
        assertThat(kv).entry("bulk:2").hasText("two");
        Path keys = home.resolve("keys.json");
        Files.writeString(keys, "[\"bulk:1\",\"bulk:2\"]", StandardCharsets.UTF_8);
        ok(v3, "kv", "bulk", "delete", keys.toString(), "--namespace-id", id, "-f");
        assertThat(kv).doesNotContainKey("bulk:1").doesNotContainKey("bulk:2");

        ok(v3, "kv", "key", "delete", "colon-form", "--namespace-id", id);
        assertThat(kv).doesNotContainKey("colon-form");

        NodeClients.Result remote = wrangler(v3, "kv", "key", "put", "k", "v", "--namespace-id", id, "--remote");
        assertThat(remote.exitCode())
                .as("3.114 reads remote by default and rejects --remote")
                .isNotZero();
        assertThat(remote.stdout() + remote.stderr()).contains("Unknown argument: remote");

        ok(v3, "kv", "namespace", "delete", "--namespace-id", id);
        assertThat(server.namespaces(server.accountId())).isEmpty();
    }
}
