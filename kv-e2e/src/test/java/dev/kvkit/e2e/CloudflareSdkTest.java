package dev.kvkit.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kvkit.server.JournalEntry;
import dev.kvkit.server.KvApiServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official {@code cloudflare} npm SDK, 4.x, 5.x and 7.x, unchanged, through every KV resource
 * against KvApiServer ({@code src/test/npm/sdk-kv.mjs} drives it). Where a version has a known bug on
 * the wire, the test pins what the emulator does about it: the same as the real API, plus a warning.
 */
class CloudflareSdkTest {

    private static final String TOKEN = "e2e-sdk-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "cloudflare SDK {0}")
    @ValueSource(strings = {"cloudflare-v4", "cloudflare-v5", "cloudflare-v7"})
    void everyKvResourceWorksUnchanged(String sdk) throws IOException {
        Path clients = NodeClients.installed();
        try (KvApiServer server = KvApiServer.builder().requireToken(TOKEN).start()) {
            NodeClients.Result result = NodeClients.run(
                    clients,
                    List.of(NodeClients.node(), "sdk-kv.mjs", sdk),
                    Map.of(
                            "KVKIT_BASE_URL", server.baseUrl(),
                            "KVKIT_TOKEN", TOKEN,
                            "KVKIT_ACCOUNT", server.accountId()),
                    Duration.ofMinutes(2));
            assertThat(result.exitCode()).as("%s", result).isZero();
            JsonNode seen = JSON.readTree(result.stdout());
            int major = seen.get("major").asInt();

            assertThat(seen.at("/created/idLength").asInt()).isEqualTo(32);
            assertThat(seen.at("/created/supportsUrlEncoding").asBoolean()).isTrue();
            assertThat(seen.at("/duplicateTitle/status").asInt()).isEqualTo(400);
            assertThat(seen.at("/duplicateTitle/code").asInt()).isEqualTo(10014);
            assertThat(seen.get("namespacesListed").asInt())
                    .as("the page iterator walks to the empty page past the end")
                    .isEqualTo(7);
            assertThat(seen.get("gotTitle").asText()).isEqualTo("e2e-" + sdk);
            assertThat(seen.get("renamedTitle").asText()).isEqualTo("e2e-" + sdk + "-renamed");
            assertThat(seen.get("greeting").asText()).isEqualTo("héllo");
            assertThat(seen.get("greetingMetadata")).isEqualTo(JSON.readTree("{\"owner\": \"ada\"}"));
            assertThat(seen.get("bulkGet"))
                    .isEqualTo(JSON.readTree("{\"bulk:00\": \"v0\", \"bulk:01\": \"v1\", \"missing\": null}"));
            assertThat(seen.at("/deletedGreeting/status").asInt()).isEqualTo(404);
            assertThat(seen.at("/deletedGreeting/code").asInt()).isEqualTo(10009);
            assertThat(seen.at("/deletedGreeting/message").asText()).isEqualTo("get: 'key not found'");
            assertThat(seen.at("/deletedNamespace/status").asInt()).isEqualTo(404);
            assertThat(seen.at("/deletedNamespace/code").asInt()).isEqualTo(10013);
            assertThat(server.namespaces(server.accountId()))
                    .as("the six extra namespaces are left, the deleted one is gone")
                    .hasSize(6);

            List<String> allBulkKeys = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                allBulkKeys.add(String.format("bulk:%02d", i));
            }
            allBulkKeys.add("bulk:binary");
            List<String> listed = JSON.convertValue(
                    seen.get("listedKeys"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
            if (major == 5) {
                // 5.x reads result_info.cursors.after, which the API never sends: it stops after page 1.
                assertThat(listed).containsExactlyElementsOf(allBulkKeys.subList(0, 10));
                assertThat(warnings(server)).anyMatch(warning -> warning.startsWith("key list stopped"));
            } else {
                assertThat(listed).containsExactlyElementsOf(allBulkKeys);
            }

            if (major == 5) {
                // 5.x sends object metadata as one JSON file part, which the API stores.
                assertThat(seen.get("objectMetadata")).isEqualTo(JSON.readTree("{\"a\": 1}"));
            } else {
                // 4.x and 7.x flatten an object into metadata[a] parts, which the API drops (#2664).
                assertThat(seen.get("objectMetadata").isNull()).isTrue();
                assertThat(warnings(server)).anyMatch(warning -> warning.contains("metadata[a]"));
            }

            if (major >= 7) {
                assertThat(seen.get("awkward").asText()).isEqualTo("awkward");
            } else {
                // 4.x-6.x put the key into the path unencoded: "%e" is no percent escape, and the
                // request line is refused before it reaches the emulator, as a strict server would.
                assertThat(seen.at("/awkward/status").asInt()).isEqualTo(400);
            }
        }
    }

    private static List<String> warnings(KvApiServer server) {
        return server.journal().stream()
                .map(JournalEntry::warnings)
                .flatMap(List::stream)
                .toList();
    }
}
