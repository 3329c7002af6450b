package dev.kvkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line of {@link KvApiServerMain}, parsed and run in-process. */
class CommandLineTest {

    private static final String ID = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    @Test
    void defaultsAreLoopbackOnPort8787WithNoNamespaces() {
        CommandLine line = CommandLine.parse();

        assertThat(line.port()).isEqualTo(8787);
        assertThat(line.host()).isEqualTo("127.0.0.1");
        assertThat(line.accountId()).isNull();
        assertThat(line.token()).isNull();
        assertThat(line.namespaces()).isEmpty();
        assertThat(line.help()).isFalse();
    }

    @Test
    void everyOptionIsRead() {
        CommandLine line = CommandLine.parse(
                "--port",
                "0",
                "--host=localhost",
                "--account",
                "acc",
                "--token",
                "t0k",
                "--namespace",
                "TODO=" + ID,
                "--namespace",
                "CACHE",
                "--wrangler-config",
                "w.toml",
                "--env",
                "staging",
                "--seed",
                "TODO=seed.json");

        assertThat(line.port()).isZero();
        assertThat(line.host()).isEqualTo("localhost");
        assertThat(line.accountId()).isEqualTo("acc");
        assertThat(line.token()).isEqualTo("t0k");
        assertThat(line.namespaces().keySet()).containsExactly("TODO", "CACHE");
        assertThat(line.namespaces().get("TODO")).isEqualTo(ID);
        assertThat(line.namespaces().get("CACHE")).isNull();
        assertThat(line.wranglerConfig()).isEqualTo(Path.of("w.toml"));
        assertThat(line.environment()).isEqualTo("staging");
        assertThat(line.seeds()).containsExactly(Map.entry("TODO", Path.of("seed.json")));
    }

    @Test
    void helpIsRecognised() {
        assertThat(CommandLine.parse("--help").help()).isTrue();
        assertThat(CommandLine.USAGE)
                .contains("--port", "--namespace TITLE[=ID]", "--wrangler-config", "--seed", "--persist-to DIR");
    }

    @Test
    void persistToNamesADirectoryAndIsOffByDefault() {
        assertThat(CommandLine.parse("--persist-to", "data").persistTo()).isEqualTo(Path.of("data"));
        assertThat(CommandLine.parse("--persist-to=.kv").persistTo()).isEqualTo(Path.of(".kv"));
        assertThat(CommandLine.parse().persistTo()).isNull();
    }

    @Test
    void aRestartOnThePersistedDirectoryKeepsItsNamespacesAndDoesNotSeedThemAgain() throws IOException {
        Path seed = Files.writeString(dir.resolve("seed.json"), "[{\"key\":\"a\",\"value\":\"seeded\"}]");
        Path data = dir.resolve("data");
        String[] args = {
            "--port", "0", "--persist-to", data.toString(), "--namespace", "TODO=" + ID, "--seed", "TODO=" + seed
        };
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        try (KvApiServer server =
                KvApiServerMain.start(CommandLine.parse(args), new PrintStream(first, true, StandardCharsets.UTF_8))) {
            ApiClient client = new ApiClient(server);
            assertThat(client.put(client.ns(ID) + "/values/a", "text/plain", "changed")
                            .status())
                    .isEqualTo(200);
        }
        ByteArrayOutputStream second = new ByteArrayOutputStream();

        try (KvApiServer server =
                KvApiServerMain.start(CommandLine.parse(args), new PrintStream(second, true, StandardCharsets.UTF_8))) {
            assertThat(first.toString(StandardCharsets.UTF_8).lines())
                    .anySatisfy(
                            line -> assertThat(line).startsWith("# kept in " + data + ": nothing restored; clock at "));
            assertThat(second.toString(StandardCharsets.UTF_8).lines())
                    .anySatisfy(line -> assertThat(line)
                            .startsWith("# kept in " + data + ": restored 1 namespace with 1 key; clock at "));
            ApiClient client = new ApiClient(server);
            assertThat(client.get(client.ns(ID) + "/values/a").text()).isEqualTo("changed");
        }
    }

    @Test
    void aPersistedNamespaceWithAnotherIdThanAskedForIsRefused() {
        Path data = dir.resolve("data");
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        KvApiServerMain.start(
                        CommandLine.parse("--port", "0", "--persist-to", data.toString(), "--namespace", "TODO=" + ID),
                        out)
                .close();
        String other = "fedcba9876543210fedcba9876543210";

        assertThatThrownBy(() -> KvApiServerMain.start(
                        CommandLine.parse(
                                "--port", "0", "--persist-to", data.toString(), "--namespace", "TODO=" + other),
                        out))
                .isInstanceOf(CommandLine.UsageError.class)
                .hasMessage("--namespace TODO: the persisted namespace TODO has id " + ID + ", not " + other
                        + "; use another --persist-to directory");
        // The refused start let go of the directory, which still holds the namespace as it was.
        try (KvApiServer server = KvApiServer.builder().persistTo(data).build()) {
            assertThat(server.namespaces(server.accountId()))
                    .extracting(ServedNamespace::id)
                    .containsExactly(ID);
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--port|--port needs a value",
                "--port x|--port must be a number from 0 to 65535, but was: x",
                "--port 70000|--port must be a number from 0 to 65535, but was: 70000",
                "--frobnicate|Unknown option: --frobnicate",
                "--namespace TODO=xyz|--namespace TODO=xyz: the id must be 32 lowercase hex digits",
                "--namespace =abc|--namespace needs a title: --namespace TITLE[=ID]",
                "--namespace A --namespace A|--namespace A is given twice",
                "--seed TODO|--seed needs NAMESPACE=FILE, but was: TODO",
                "--env prod|--env needs --wrangler-config",
                "--account a/b|--account must be letters, digits, _ or -, but was: a/b",
                "--persist-to|--persist-to needs a value",
            })
    void badArgumentsSayWhatIsWrong(String args, String message) {
        assertThatThrownBy(() -> CommandLine.parse(args.split(" ")))
                .isInstanceOf(CommandLine.UsageError.class)
                .hasMessage(message);
    }

    @Test
    void startPrintsExportLinesAndTheNamespacesAndServes() throws IOException {
        Path seed = Files.writeString(dir.resolve("seed.json"), "[{\"key\":\"a\",\"value\":\"1\"}]");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        try (KvApiServer server = KvApiServerMain.start(
                CommandLine.parse(
                        "--port", "0", "--token", "s3cret", "--namespace", "TODO=" + ID, "--seed", "TODO=" + seed),
                new PrintStream(out, true, StandardCharsets.UTF_8))) {
            String printed = out.toString(StandardCharsets.UTF_8);

            assertThat(printed.lines())
                    .contains(
                            "export CLOUDFLARE_API_BASE_URL=" + server.baseUrl(),
                            "export CLOUDFLARE_BASE_URL=" + server.baseUrl(),
                            "export CLOUDFLARE_ACCOUNT_ID=" + KvApiServer.DEFAULT_ACCOUNT_ID,
                            "export CLOUDFLARE_API_TOKEN=s3cret",
                            "# namespace TODO id " + ID + " (1 keys)");
            assertThat(printed.lines()).allSatisfy(line -> assertThat(line).matches("(export |# ).*"));
            ApiClient client = new ApiClient(server).withAuth("Authorization", "Bearer s3cret");
            assertThat(client.get(client.ns(ID) + "/values/a").text()).isEqualTo("1");
        }
    }

    @Test
    void aWranglerConfigCreatesItsBindingsForTheEnvironment() throws IOException {
        Path config = Files.writeString(
                dir.resolve("wrangler.toml"),
                "name = \"app\"\n[[kv_namespaces]]\nbinding = \"TOP\"\nid = \"" + ID + "\"\n"
                        + "[env.staging]\n[[env.staging.kv_namespaces]]\nbinding = \"CACHE\"\n"
                        + "id = \"fedcba9876543210fedcba9876543210\"\npreview_id = \"11111111111111111111111111111111\"\n");

        try (KvApiServer server = KvApiServerMain.start(
                CommandLine.parse("--port", "0", "--wrangler-config", config.toString(), "--env", "staging"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            assertThat(server.namespaces(server.accountId()))
                    .extracting(ServedNamespace::title, ServedNamespace::id)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("CACHE", "fedcba9876543210fedcba9876543210"),
                            org.assertj.core.groups.Tuple.tuple("CACHE_preview", "11111111111111111111111111111111"));
        }
    }

    @Test
    void aWranglerBindingWithAnIdThatIsNoNamespaceIdIsRefused() throws IOException {
        Path config = Files.writeString(
                dir.resolve("wrangler.json"), "{\"kv_namespaces\":[{\"binding\":\"TODO\",\"id\":\"<your id>\"}]}");

        assertThatThrownBy(() -> KvApiServerMain.start(
                        CommandLine.parse("--port", "0", "--wrangler-config", config.toString()),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isInstanceOf(CommandLine.UsageError.class)
                .hasMessageContaining("binding TODO: the namespace id must be 32 lowercase hex digits");
    }

    @Test
    void aSeedForAnUnknownNamespaceIsRefused() {
        assertThatThrownBy(() -> KvApiServerMain.start(
                        CommandLine.parse("--port", "0", "--seed", "NOPE=x.json"),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isInstanceOf(CommandLine.UsageError.class)
                .hasMessage("--seed NOPE: no such namespace; create it with --namespace or --wrangler-config");
    }

    @Test
    void aBadSeedFileIsRefusedWithItsItem() throws IOException {
        Path seed = Files.writeString(dir.resolve("bad.json"), "[{\"key\":\"a\"}]");

        assertThatThrownBy(() -> KvApiServerMain.start(
                        CommandLine.parse("--port", "0", "--namespace", "TODO", "--seed", "TODO=" + seed),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Bulk item 0: \"value\" must be a string");
    }
}
