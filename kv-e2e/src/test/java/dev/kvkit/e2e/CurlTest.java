package dev.kvkit.e2e;

import static dev.kvkit.assertj.KvAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.server.KvApiServer;
import dev.kvkit.server.ServedNamespace;
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

/**
 * Plain curl, as a CI script would call the API: the raw key edge cases of the REST spec's section
 * 1.7 and the body forms curl sends by default ({@code --data} is form-urlencoded, and must be stored
 * verbatim, not parsed as a form).
 */
class CurlTest {

    private static final String TOKEN = "e2e-curl-token";

    @TempDir
    Path dir;

    KvApiServer server;
    ServedNamespace namespace;

    @BeforeEach
    void start() {
        if (!Files.isExecutable(Path.of("/usr/bin/curl"))) {
            abort("curl is not installed at /usr/bin/curl");
        }
        server = KvApiServer.builder().requireToken(TOKEN).start();
        namespace = server.createNamespace("CURL");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private NodeClients.Result curl(String... args) {
        List<String> command = new ArrayList<>(
                List.of("/usr/bin/curl", "-sS", "-H", "Authorization: Bearer " + TOKEN, "-w", "\n%{http_code}"));
        command.addAll(List.of(args));
        return NodeClients.run(dir, command, Map.of(), Duration.ofSeconds(30));
    }

    private String values(String encodedKey) {
        return server.baseUrl() + "/accounts/" + server.accountId() + "/storage/kv/namespaces/" + namespace.id()
                + "/values/" + encodedKey;
    }

    @Test
    void dataIsStoredVerbatimEvenAsAForm() {
        NodeClients.Result put = curl("-X", "PUT", "--data", "a=1&b=2", values("form"));

        assertThat(put.stdout()).endsWith("200");
        assertThat(namespace.kv()).entry("form").hasText("a=1&b=2").hasNoMetadata();
    }

    @Test
    void aKeyIsDecodedFromTheRawPathOncePlusStaysPlusAndPercent2FIsPartOfTheKey() {
        FakeKvNamespace kv = namespace.kv();

        assertThat(curl("-X", "PUT", "--data-binary", "1", values("a%2Fb%20c%3Fd%25e%23f:g@h!i+j&k=l"))
                        .stdout())
                .endsWith("200");
        assertThat(curl("-X", "PUT", "--data-binary", "2", values("double%252Fencoded"))
                        .stdout())
                .endsWith("200");
        assertThat(curl("-X", "PUT", "--data-binary", "3", values("%F0%9F%98%80"))
                        .stdout())
                .endsWith("200");

        assertThat(kv).containsExactlyKeys("a/b c?d%e#f:g@h!i+j&k=l", "double%2Fencoded", "\uD83D\uDE00");
        assertThat(curl(values("a%2Fb%20c%3Fd%25e%23f:g@h!i+j&k=l")).stdout()).isEqualTo("1\n200");
        assertThat(server.journal().get(1).warnings())
                .as("a key that still holds %%XX after decoding was likely encoded twice")
                .isNotEmpty();
    }

    @Test
    void aMissingKeyIs404WithTheEnvelope() {
        NodeClients.Result get = curl(values("missing"));

        assertThat(get.stdout())
                .contains("\"success\":false")
                .contains("\"code\":10009")
                .contains("get: 'key not found'")
                .endsWith("404");
    }

    @Test
    void expirationTtlAndMetadataByMultipartForm() {
        NodeClients.Result put = curl(
                "-X",
                "PUT",
                "-F",
                "value=hello",
                "-F",
                "metadata={\"owner\":\"ada\"}",
                values("session") + "?expiration_ttl=120");

        assertThat(put.stdout()).endsWith("200");
        assertThat(namespace.kv())
                .entry("session")
                .hasText("hello")
                .hasMetadata("{\"owner\": \"ada\"}")
                .expiresIn(Duration.ofMinutes(2));
        NodeClients.Result tooShort = curl("-X", "PUT", "--data-binary", "x", values("session") + "?expiration_ttl=30");
        assertThat(tooShort.stdout())
                .contains("Invalid expiration_ttl of 30. Expiration TTL must be at least 60.")
                .endsWith("400");
        assertThat(namespace.kv()).entry("session").hasText("hello");
    }
}
