package dev.kvkit.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Namespace administration: the requests sent and what their answers become. */
class CloudflareKvAccountTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "0f2ac74b498b48028cb68387c421e279";

    private final StubServer stub = StubServer.start();
    private final CloudflareKvAccount account = stub.account();

    @AfterEach
    void stop() {
        stub.close();
    }

    private static String namespace(String id, String title) {
        return "{\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"supports_url_encoding\":true}";
    }

    @Test
    void createPostsTheTitleAndReadsTheNewNamespace() throws Exception {
        stub.reply(StubServer.Reply.envelope(namespace(ID, "settings")));

        KvNamespaceInfo created = account.createNamespace("settings");

        assertThat(created).isEqualTo(new KvNamespaceInfo(ID, "settings", true));
        StubServer.Recorded request = stub.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo(StubServer.NAMESPACES);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + StubServer.TOKEN);
        assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree("{\"title\":\"settings\"}"));
    }

    @Test
    void aDuplicateTitleIsAnApiExceptionWithCloudflaresCode() {
        stub.reply(StubServer.Reply.error(
                400, 10014, "create namespace: 'A namespace with this account ID and title already exists'"));

        assertThatThrownBy(() -> account.createNamespace("settings"))
                .isInstanceOfSatisfying(CloudflareApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo(10014);
                    assertThat(e.reason())
                            .isEqualTo("create namespace: 'A namespace with this account ID and title already exists'");
                })
                .hasMessage("POST " + StubServer.NAMESPACES + " failed: 400 [10014] create namespace: 'A namespace"
                        + " with this account ID and title already exists'");
    }

    @Test
    void listReadsEveryPageUntilAnEmptyOneEvenAfterAShortPage() {
        stub.reply(
                StubServer.Reply.list("[" + namespace("a", "one") + "," + namespace("b", "two") + "]", "{\"page\":1}"),
                StubServer.Reply.list("[" + namespace("c", "three") + "]", "{\"page\":2}"),
                StubServer.Reply.list("[]", "{\"page\":3}"));

        List<KvNamespaceInfo> all = account.listNamespaces();

        assertThat(all).extracting(KvNamespaceInfo::id).containsExactly("a", "b", "c");
        assertThat(stub.requests())
                .extracting(StubServer.Recorded::rawQuery)
                .containsExactly("page=1&per_page=100", "page=2&per_page=100", "page=3&per_page=100");
        assertThat(stub.requests()).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.rawPath()).isEqualTo(StubServer.NAMESPACES);
        });
        assertThatThrownBy(() -> all.add(null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anAccountWithoutNamespacesListsNoneInOneRequest() {
        stub.reply(StubServer.Reply.list("[]", "{\"page\":1}"));

        assertThat(account.listNamespaces()).isEmpty();
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void getReadsOneNamespaceAndAMissingFieldDefaults() {
        stub.reply(StubServer.Reply.envelope("{\"id\":\"" + ID + "\",\"title\":\"old\"}"));

        assertThat(account.getNamespace(ID)).isEqualTo(new KvNamespaceInfo(ID, "old", false));
        assertThat(stub.onlyRequest().rawPath()).isEqualTo(StubServer.NAMESPACES + "/" + ID);
    }

    @Test
    void anUnknownNamespaceIsAnApiException() {
        stub.reply(StubServer.Reply.error(404, 10013, "get namespace: 'namespace not found'"));

        assertThatThrownBy(() -> account.getNamespace(ID))
                .isInstanceOfSatisfying(
                        CloudflareApiException.class, e -> assertThat(e.code()).isEqualTo(10013))
                .hasMessageEndingWith("failed: 404 [10013] get namespace: 'namespace not found'");
    }

    @Test
    void renamePutsTheTitleAndReadsTheRenamedNamespace() throws Exception {
        stub.reply(StubServer.Reply.envelope(namespace(ID, "new")));

        assertThat(account.renameNamespace(ID, "new").title()).isEqualTo("new");

        StubServer.Recorded request = stub.onlyRequest();
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.rawPath()).isEqualTo(StubServer.NAMESPACES + "/" + ID);
        assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree("{\"title\":\"new\"}"));
    }

    @Test
    void renameAnsweredWithTheOldNullResultReadsTheNamespaceBack() {
        stub.reply(StubServer.Reply.envelope("null"), StubServer.Reply.envelope(namespace(ID, "new")));

        assertThat(account.renameNamespace(ID, "new")).isEqualTo(new KvNamespaceInfo(ID, "new", true));
        assertThat(stub.requests()).extracting(StubServer.Recorded::method).containsExactly("PUT", "GET");
    }

    @Test
    void deleteSendsADeleteOfTheNamespaceAndAcceptsEitherResult() {
        stub.reply(StubServer.Reply.envelope("null"), StubServer.Reply.envelope("{}"));

        account.deleteNamespace(ID);
        account.deleteNamespace(ID);

        assertThat(stub.requests()).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("DELETE");
            assertThat(request.rawPath()).isEqualTo(StubServer.NAMESPACES + "/" + ID);
        });
    }

    @Test
    void anErrorWithoutAnEnvelopeHasNoCodeAndTheReasonPhrase() {
        stub.reply(StubServer.Reply.raw(502, "bad gateway"));

        assertThatThrownBy(() -> account.deleteNamespace(ID))
                .hasMessage("DELETE " + StubServer.NAMESPACES + "/" + ID + " failed: 502 Bad Gateway");
    }

    @Test
    void aBindingFromTheAccountTalksToThatNamespace() {
        account.binding(ID).delete("k");

        assertThat(stub.onlyRequest().rawPath()).isEqualTo(StubServer.NAMESPACES + "/" + ID + "/values/k");
    }

    @Test
    void idsMustNotBeBlank() {
        assertThatThrownBy(() -> account.binding(" ")).hasMessage("namespaceId must not be blank");
        assertThatThrownBy(() -> account.deleteNamespace("")).hasMessage("namespaceId must not be blank");
        assertThat(stub.requests()).isEmpty();
    }
}
