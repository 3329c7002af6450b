package dev.kvkit.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kvkit.KvException;
import dev.kvkit.KvOperation;
import dev.kvkit.KvType;
import dev.kvkit.ListOptions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The error envelope becomes the fake's KvException: operation, status and the service's text. */
class ErrorMappingTest {

    private final StubServer stub = StubServer.start();
    private final CloudflareKvBinding kv = stub.binding();

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void aValueTooLargeReadsAsTheFakesMessage() {
        stub.reply(StubServer.Reply.error(413, 10024, "Value length of 26214401 exceeds limit of 26214400."));

        assertThatThrownBy(() -> kv.put("k", "v"))
                .isExactlyInstanceOf(KvException.class)
                .hasMessage("KV PUT failed: 413 Value length of 26214401 exceeds limit of 26214400.")
                .satisfies(e -> {
                    KvException kvException = (KvException) e;
                    assertThat(kvException.operation()).isEqualTo(KvOperation.PUT);
                    assertThat(kvException.status()).isEqualTo(413);
                    assertThat(kvException.reason()).isEqualTo("Value length of 26214401 exceeds limit of 26214400.");
                });
    }

    @Test
    void anExpirationTheServiceRefusesReadsAsItsMessage() {
        stub.reply(StubServer.Reply.error(
                400,
                10001,
                "Invalid expiration of 5. Please specify integer greater than the current number of seconds since the"
                        + " UNIX epoch."));

        assertThatThrownBy(
                        () -> kv.put("k", "v", dev.kvkit.PutOptions.defaults().withExpiration(5)))
                .hasMessage("KV PUT failed: 400 Invalid expiration of 5. Please specify integer greater than the"
                        + " current number of seconds since the UNIX epoch.");
    }

    @Test
    void metadataTooLargeReadsAsTheFakesMessage() {
        stub.reply(StubServer.Reply.error(413, 10001, "Metadata length of 1030 exceeds limit of 1024."));

        assertThatThrownBy(
                        () -> kv.put("k", "v", dev.kvkit.PutOptions.defaults().withMetadata("x".repeat(1028))))
                .hasMessage("KV PUT failed: 413 Metadata length of 1030 exceeds limit of 1024.");
    }

    @Test
    void anUnknownNamespaceOnAReadIsAnErrorNotAMissingKey() {
        stub.reply(StubServer.Reply.error(404, 10013, "get: 'namespace not found'"));

        assertThatThrownBy(() -> kv.get("k")).hasMessage("KV GET failed: 404 get: 'namespace not found'");
    }

    @Test
    void aKeyNotFoundCodeOnAWriteIsStillAnError() {
        stub.reply(StubServer.Reply.error(404, 10009, "put: 'key not found'"));

        assertThatThrownBy(() -> kv.put("k", "v")).hasMessage("KV PUT failed: 404 put: 'key not found'");
    }

    @Test
    void eachCallReportsItsOwnOperation() {
        stub.always(StubServer.Reply.error(401, 10000, "Authentication error"));

        assertThatThrownBy(() -> kv.delete("k")).hasMessage("KV DELETE failed: 401 Authentication error");
        assertThatThrownBy(() -> kv.list(ListOptions.defaults())).hasMessage("KV GET failed: 401 Authentication error");
        assertThatThrownBy(() -> kv.get(List.of("a"))).hasMessage("KV GET_BULK failed: 401 Authentication error");
        assertThatThrownBy(() -> kv.getWithMetadata("a")).hasMessage("KV GET failed: 401 Authentication error");
        assertThatThrownBy(() -> kv.getWithMetadata("a", KvType.BYTES))
                .hasMessage("KV GET failed: 401 Authentication error");
        assertThatThrownBy(() -> kv.putBulk(List.of(KvBulkPut.of("a", "v"))))
                .hasMessage("KV PUT failed: 401 Authentication error");
        assertThatThrownBy(() -> kv.deleteBulk(List.of("a"))).hasMessage("KV DELETE failed: 401 Authentication error");
    }

    @Test
    void aBodyThatIsNotAnEnvelopeGivesTheStatusAndReasonPhrase() {
        stub.reply(
                StubServer.Reply.raw(502, "<html>Bad gateway</html>", "Content-Type", "text/html"),
                StubServer.Reply.bytes(503, new byte[0]),
                StubServer.Reply.raw(400, "{\"success\":false,\"errors\":[]}"),
                StubServer.Reply.raw(418, "{\"errors\":[{\"code\":1}]}"));

        assertThatThrownBy(() -> kv.get("k")).hasMessage("KV GET failed: 502 Bad Gateway");
        assertThatThrownBy(() -> kv.put("k", "v")).hasMessage("KV PUT failed: 503 Service Unavailable");
        assertThatThrownBy(() -> kv.delete("k")).hasMessage("KV DELETE failed: 400 Bad Request");
        assertThatThrownBy(() -> kv.delete("k")).hasMessage("KV DELETE failed: 418 Error");
    }

    @Test
    void aGatewayErrorWithoutResultOrMessagesStillReadsItsMessage() {
        stub.reply(StubServer.Reply.raw(
                400,
                "{\"success\":false,\"errors\":[{\"code\":9106,\"message\":\"Missing X-Auth-Key, X-Auth-Email or"
                        + " Authorization headers\"}]}"));

        assertThatThrownBy(() -> kv.get("k"))
                .hasMessage("KV GET failed: 400 Missing X-Auth-Key, X-Auth-Email or Authorization headers");
    }

    @Test
    void aSuccessWhoseBodyIsNotAnEnvelopeIsATransportFailure() {
        stub.reply(StubServer.Reply.raw(200, "<html>captive portal</html>"));

        assertThatThrownBy(() -> kv.put("k", "v"))
                .isExactlyInstanceOf(KvTransportException.class)
                .hasMessageStartingWith("PUT " + StubServer.PREFIX + "/values/k failed: answered 200 with a body that"
                        + " is not Cloudflare's envelope");
    }

    @Test
    void aServiceRefusalNamesTheKeyOfASingleKeyCallOnly() {
        stub.always(StubServer.Reply.error(413, 10001, "too large"));

        assertThatThrownBy(() -> kv.put("a/b", "v"))
                .isInstanceOfSatisfying(
                        KvException.class, e -> assertThat(e.key()).contains("a/b"));
        assertThatThrownBy(() -> kv.getWithMetadata("m"))
                .isInstanceOfSatisfying(
                        KvException.class, e -> assertThat(e.key()).contains("m"));
        assertThatThrownBy(() -> kv.get(List.of("a", "b")))
                .isInstanceOfSatisfying(
                        KvException.class, e -> assertThat(e.key()).isEmpty());
        assertThatThrownBy(() -> kv.list())
                .isInstanceOfSatisfying(
                        KvException.class, e -> assertThat(e.key()).isEmpty());
    }

    @Test
    void aJsonBulkReadNamesTheFirstKeyInRequestOrderWhoseValueIsNotJson() {
        stub.reply(StubServer.Reply.envelope("{\"values\":{\"c\":\"y\",\"a\":\"1\",\"b\":\"x\"}}"));

        assertThatThrownBy(() -> kv.get(List.of("a", "b", "c"), KvType.JSON))
                .isInstanceOfSatisfying(
                        KvException.class, e -> assertThat(e.key()).contains("b"));
    }
}
