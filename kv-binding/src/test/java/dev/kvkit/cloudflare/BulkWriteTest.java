package dev.kvkit.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kvkit.KvException;
import dev.kvkit.PutOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bulk write and delete routes: body shape, chunks of 10,000, and the summed result. */
class BulkWriteTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StubServer stub = StubServer.start();
    private final CloudflareKvBinding kv = stub.binding();

    @AfterEach
    void stop() {
        stub.close();
    }

    private static StubServer.Reply counted(int successful, String... unsuccessful) {
        StringBuilder keys = new StringBuilder();
        for (String key : unsuccessful) {
            keys.append(keys.length() == 0 ? "" : ",").append('"').append(key).append('"');
        }
        return StubServer.Reply.envelope(
                "{\"successful_key_count\":" + successful + ",\"unsuccessful_keys\":[" + keys + "]}");
    }

    @Test
    void putBulkSendsEachItemAsTheBulkFormatHasIt() throws Exception {
        stub.reply(counted(4));

        KvBulkResult result = kv.putBulk(List.of(
                KvBulkPut.of("text", "héllo"),
                KvBulkPut.of("bin", new byte[] {0, (byte) 0xFF}),
                KvBulkPut.of("ttl", "v", PutOptions.defaults().withExpiration(5).withExpirationTtl(120)),
                KvBulkPut.of(
                        "meta",
                        "v",
                        PutOptions.defaults().withExpiration(2_000_000_000L).withMetadata(Map.of("n", 1)))));

        StubServer.Recorded request = stub.onlyRequest();
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.rawPath()).isEqualTo(StubServer.PREFIX + "/bulk");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(JSON.readTree(request.body()))
                .isEqualTo(JSON.readTree("["
                        + "{\"key\":\"text\",\"value\":\"héllo\"},"
                        + "{\"key\":\"bin\",\"value\":\"AP8=\",\"base64\":true},"
                        + "{\"key\":\"ttl\",\"value\":\"v\",\"expiration_ttl\":120},"
                        + "{\"key\":\"meta\",\"value\":\"v\",\"expiration\":2000000000,\"metadata\":{\"n\":1}}"
                        + "]"));
        assertThat(result).isEqualTo(new KvBulkResult(4, List.of()));
        assertThat(result.allSuccessful()).isTrue();
    }

    @Test
    void putBulkSendsTenThousandItemsPerRequestInOrder() throws Exception {
        List<KvBulkPut> items = new ArrayList<>();
        for (int i = 0; i < 25_001; i++) {
            items.add(KvBulkPut.of("k" + i, "v"));
        }
        stub.reply(counted(10_000), counted(9_999, "k19999"), counted(5_001));

        KvBulkResult result = kv.putBulk(items);

        List<StubServer.Recorded> requests = stub.requests();
        assertThat(requests).hasSize(3);
        List<JsonNode> bodies = new ArrayList<>();
        for (StubServer.Recorded request : requests) {
            bodies.add(JSON.readTree(request.body()));
        }
        assertThat(bodies).extracting(JsonNode::size).containsExactly(10_000, 10_000, 5_001);
        assertThat(bodies.get(1).get(0).path("key").asText()).isEqualTo("k10000");
        assertThat(bodies.get(2).get(5_000).path("key").asText()).isEqualTo("k25000");
        assertThat(result).isEqualTo(new KvBulkResult(25_000, List.of("k19999")));
        assertThat(result.allSuccessful()).isFalse();
    }

    @Test
    void theOldNullResultCountsTheWholeChunkAsWritten() {
        stub.reply(StubServer.Reply.envelope("null"));

        assertThat(kv.putBulk(List.of(KvBulkPut.of("a", "1"), KvBulkPut.of("b", "2")))
                        .successfulKeyCount())
                .isEqualTo(2);
    }

    @Test
    void aRefusedChunkStopsTheWriteWithTheServicesMessage() {
        List<KvBulkPut> items = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            items.add(KvBulkPut.of("k" + i, "v"));
        }
        stub.reply(counted(10_000), StubServer.Reply.error(400, 10001, "Invalid expiration_ttl of 1."));

        assertThatThrownBy(() -> kv.putBulk(items))
                .isExactlyInstanceOf(KvException.class)
                .hasMessage("KV PUT failed: 400 Invalid expiration_ttl of 1.");
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void metadataThatCannotBeSerialisedIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> kv.putBulk(
                        List.of(KvBulkPut.of("a", "v", PutOptions.defaults().withMetadata(new Object())))))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("KV put() could not serialise the metadata as JSON");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void deleteBulkPostsTheKeysToTheCurrentRoute() throws Exception {
        stub.reply(counted(2));

        KvBulkResult result = kv.deleteBulk(List.of("a/b", "c"));

        StubServer.Recorded request = stub.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo(StubServer.PREFIX + "/bulk/delete");
        assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree("[\"a/b\",\"c\"]"));
        assertThat(result.successfulKeyCount()).isEqualTo(2);
    }

    @Test
    void deleteBulkSendsTenThousandKeysPerRequest() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            keys.add("k" + i);
        }
        stub.always(StubServer.Reply.envelope("null"));

        KvBulkResult result = kv.deleteBulk(keys);

        assertThat(stub.requests()).hasSize(2);
        assertThat(JSON.readTree(stub.requests().get(1).body()).get(0).asText()).isEqualTo("k10000");
        assertThat(result.successfulKeyCount()).isEqualTo(20_000);
    }

    @Test
    void aBulkItemShowsItsKeyAndSizeButNotItsValue() {
        assertThat(KvBulkPut.of("k", "secret value").toString()).isEqualTo("KvBulkPut[key=\"k\", 12 bytes of text]");
        assertThat(KvBulkPut.of("k", new byte[3], PutOptions.defaults().withExpirationTtl(60))
                        .toString())
                .isEqualTo("KvBulkPut[key=\"k\", 3 bytes, PutOptions{expirationTtl=60}]");
        assertThat(KvBulkPut.of("k", "v")).isEqualTo(KvBulkPut.of("k", "v")).isNotEqualTo(KvBulkPut.of("k", "w"));
    }
}
