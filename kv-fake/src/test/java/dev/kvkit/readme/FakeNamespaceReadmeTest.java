package dev.kvkit.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.kvkit.KvException;
import dev.kvkit.KvListPage;
import dev.kvkit.KvOperation;
import dev.kvkit.KvType;
import dev.kvkit.KvValueWithMetadata;
import dev.kvkit.ListOptions;
import dev.kvkit.PutOptions;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.KvEntry;
import dev.kvkit.fake.KvLimits;
import dev.kvkit.fake.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's section on the fake namespace, compiled and run. */
class FakeNamespaceReadmeTest {

    record Todo(String title, boolean done) {}

    @Test
    void typedReadsAndMetadata() {
        FakeKvNamespace kv = FakeKvNamespace.create();
        // tag::typed-reads[]
        kv.putJson(
                "to-do:123", new Todo("Buy milk", false), PutOptions.defaults().withMetadata(Map.of("owner", "ada")));

        Todo todo = kv.getJson("to-do:123", Todo.class); // JSON into a class
        String text = kv.get("to-do:123"); // text, the default
        byte[] bytes = kv.get("to-do:123", KvType.BYTES); // raw bytes
        KvValueWithMetadata<Todo> withMetadata = kv.getWithMetadata("to-do:123", KvType.json(Todo.class));
        Map<String, String> some = kv.get(List.of("to-do:123", "to-do:404")); // bulk: missing keys map to null
        // end::typed-reads[]
        assertThat(todo).isEqualTo(new Todo("Buy milk", false));
        assertThat(text).isEqualTo("{\"title\":\"Buy milk\",\"done\":false}");
        assertThat(bytes).hasSize(text.length());
        assertThat(withMetadata.metadata().get("owner").asText()).isEqualTo("ada");
        assertThat(some).containsEntry("to-do:123", text).containsEntry("to-do:404", null);
    }

    @Test
    void errorsAreTheServicesOwn() {
        FakeKvNamespace kv = FakeKvNamespace.create();
        kv.put("greeting", "hello");
        // tag::errors[]
        assertThatThrownBy(() -> kv.put("greeting", "hi", PutOptions.defaults().withExpirationTtl(30)))
                .isInstanceOf(KvException.class)
                .hasMessage("KV PUT failed: 400 Invalid expiration_ttl of 30. Expiration TTL must be at least 60.")
                .satisfies(e -> assertThat(((KvException) e).operation()).isEqualTo(KvOperation.PUT));
        assertThatThrownBy(() -> kv.get(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Key name cannot be empty.");
        assertThat(kv.get("greeting")).isEqualTo("hello"); // a refused call changes nothing
        // end::errors[]
    }

    @Test
    void expirationFollowsTheClock() {
        // tag::expiration[]
        TestClock clock = TestClock.create(); // 2026-01-01T00:00:00Z, moves only when told
        FakeKvNamespace kv = FakeKvNamespace.builder().clock(clock).build();

        kv.put("session:abc", "ada", PutOptions.defaults().withExpirationTtl(Duration.ofMinutes(30)));
        kv.put("invite:xyz", "bob", PutOptions.defaults().withExpiration(Instant.parse("2026-01-02T00:00:00Z")));

        clock.advance(Duration.ofMinutes(30).minusMillis(1));
        assertThat(kv.get("session:abc")).isEqualTo("ada");
        clock.advance(Duration.ofMillis(1));
        assertThat(kv.get("session:abc")).isNull();
        // end::expiration[]
        assertThat(kv.get("invite:xyz")).isEqualTo("bob");
    }

    @Test
    void listingPagesInByteOrder() {
        FakeKvNamespace kv = FakeKvNamespace.create();
        for (String key : List.of("to-do:é", "to-do:b", "to-do:B", "to-do:😀", "note:1")) {
            kv.put(key, "x");
        }
        // tag::list[]
        List<String> names = new ArrayList<>();
        ListOptions options = ListOptions.defaults().withPrefix("to-do:").withLimit(2);
        KvListPage page;
        do {
            page = kv.list(options);
            names.addAll(page.names());
            options = options.withCursor(page.cursor());
        } while (!page.listComplete()); // never stop on a short page: production returns them

        assertThat(names).containsExactly("to-do:B", "to-do:b", "to-do:é", "to-do:😀"); // UTF-8 byte order
        // end::list[]
    }

    @Test
    void whatTestsCanSeeAndSet() {
        TestClock clock = TestClock.create();
        // tag::test-side[]
        FakeKvNamespace kv = FakeKvNamespace.builder()
                .name("TODO")
                .clock(clock)
                .limits(KvLimits.cloudflare().toBuilder().maxValueBytes(1024).build()) // or KvLimits.jsonNative()
                .objectMapper(new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE))
                .build();
        kv.importBulk("""
                [{"key": "to-do:1", "value": "Buy milk", "expiration_ttl": 3600, "metadata": {"owner": "ada"}}]
                """); // the file `wrangler kv bulk put` takes

        KvEntry entry = kv.entry("to-do:1").orElseThrow(); // what the binding never shows together
        assertThat(entry.expiration()).contains(clock.instant().plusSeconds(3600));
        assertThat(entry.metadataJson()).contains("{\"owner\":\"ada\"}");
        assertThat(kv.entriesAt(clock.instant().plus(Duration.ofHours(1)))).isEmpty(); // time travel, clock untouched
        String file = kv.exportBulk(); // and back to wrangler's format
        // end::test-side[]
        assertThat(file).contains("\"key\" : \"to-do:1\"");
    }
}
