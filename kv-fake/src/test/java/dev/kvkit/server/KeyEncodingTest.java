package dev.kvkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Keys in the path, as each client encodes them (spec section 1.7). */
class KeyEncodingTest {

    private static final String AWKWARD = "a/b c?d%e#f:g@h!i+j&k=l";

    private final KvApiServer server = KvApiServer.builder().start();
    private final ApiClient client = new ApiClient(server);
    private final ServedNamespace todo = server.createNamespace("TODO");
    private final String values = client.ns(todo.id()) + "/values/";

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void theSdk73EncodingDecodesToTheKey() {
        client.put(values + "a%2Fb%20c%3Fd%25e%23f:g@h!i+j&k=l", "text/plain", "v");

        assertThat(todo.kv().keys()).containsExactly(AWKWARD);
    }

    @Test
    void theEncodeUriComponentEncodingDecodesToTheSameKey() {
        client.put(values + "a%2Fb%20c%3Fd%25e%23f%3Ag%40h!i%2Bj%26k%3Dl", "text/plain", "v");

        assertThat(todo.kv().keys()).containsExactly(AWKWARD);
    }

    @Test
    void bothEncodingsReadTheKeyWrittenInTheJvm() {
        todo.kv().put(AWKWARD, "v");

        assertThat(client.get(values + "a%2Fb%20c%3Fd%25e%23f:g@h!i+j&k=l").text())
                .isEqualTo("v");
        assertThat(client.get(values + "a%2Fb%20c%3Fd%25e%23f%3Ag%40h!i%2Bj%26k%3Dl")
                        .text())
                .isEqualTo("v");
    }

    @Test
    void aPlusStaysAPlus() {
        client.put(values + "a+b", "text/plain", "v");

        assertThat(todo.kv().keys()).containsExactly("a+b");
    }

    @Test
    void anUnencodedSlashIsPartOfTheKey() {
        client.put(values + "a/b/c", "text/plain", "v");

        assertThat(todo.kv().keys()).containsExactly("a/b/c");
        assertThat(client.get(values + "a%2Fb%2Fc").text()).isEqualTo("v");
        assertThat(client.get(client.ns(todo.id()) + "/metadata/a/b/c").status())
                .isEqualTo(200);
    }

    @Test
    void aSupplementaryCharacterIsDecodedFromItsUtf8Escapes() {
        client.put(values + "emoji-%F0%9F%98%80", "text/plain", "v");

        assertThat(todo.kv().keys()).containsExactly("emoji-\uD83D\uDE00");
    }

    @ParameterizedTest
    @CsvSource({"bad%C3%28", "bad%ED%A0%80", "bad%FF", "%C3"})
    void escapesThatAreNotUtf8Are400AndStoreNothing(String rawKey) {
        ApiClient.Response response = client.put(values + rawKey, "text/plain", "v");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo(10001);
        assertThat(response.message()).startsWith("Could not URL-decode key name");
        assertThat(todo.kv().isEmpty()).isTrue();
    }

    /**
     * The JDK server parses the request target as a {@code java.net.URI} before any handler runs, and
     * answers a malformed escape itself: a plain 400, without Cloudflare's envelope, never a 5xx.
     */
    @ParameterizedTest
    @CsvSource({"bad%zz", "bad%2", "bad%"})
    void malformedEscapesAre400AndStoreNothing(String rawKey) {
        String response = RawHttp.exchange(
                server.port(),
                "PUT /client/v4" + values + rawKey + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n"
                        + "Content-Length: 1\r\nConnection: close\r\n\r\n",
                new byte[] {'v'});

        assertThat(RawHttp.status(response)).isEqualTo(400);
        assertThat(todo.kv().isEmpty()).isTrue();
    }

    @Test
    void aKeyEncodedTwiceIsStoredAsDecodedOnceWithAWarning() {
        ApiClient.Response response = client.put(values + "a%252Fb", "text/plain", "v");

        assertThat(todo.kv().keys()).containsExactly("a%2Fb");
        assertThat(response.warnings()).singleElement().asString().contains("a%2Fb", "encoded twice");
        assertThat(server.journal()).last().satisfies(entry -> {
            assertThat(entry.key()).isEqualTo("a%2Fb");
            assertThat(entry.rawPath()).endsWith("/values/a%252Fb");
            assertThat(entry.warnings()).hasSize(1);
        });
    }

    @Test
    void aWarningAboutAKeyOutsideAsciiIsSentWithEscapes() {
        ApiClient.Response response = client.put(values + "caf%C3%A9%0D%0A%2541", "text/plain", "v");

        assertThat(response.warnings()).singleElement().asString().startsWith("key \"caf\\u00e9\\u000d\\u000a%41\"");
        assertThat(todo.kv().keys()).containsExactly("caf\u00e9\r\n%41");
    }

    @Test
    void aKeyWithoutEscapesLeftGetsNoWarning() {
        ApiClient.Response response = client.put(values + "a%2Fb", "text/plain", "v");

        assertThat(response.warnings()).isEmpty();
    }

    @Test
    void prefixAndCursorAreDecodedWithFormRules() {
        todo.kv().put("a b:1", "v");
        todo.kv().put("a+b:2", "v");

        List<String> spaced = names(client.get(client.ns(todo.id()) + "/keys?prefix=a+b"));
        List<String> plus = names(client.get(client.ns(todo.id()) + "/keys?prefix=a%2Bb"));

        assertThat(spaced).containsExactly("a b:1");
        assertThat(plus).containsExactly("a+b:2");
    }

    private static List<String> names(ApiClient.Response response) {
        return response.json().get("result").findValuesAsText("name");
    }
}
