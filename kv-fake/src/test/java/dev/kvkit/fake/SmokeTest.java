package dev.kvkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.ListOptions;
import dev.kvkit.PutOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmokeTest {

    @Test
    void putGetListExpire() {
        TestClock clock = TestClock.create();
        FakeKvNamespace kv = FakeKvNamespace.builder().clock(clock).build();
        kv.put("b", "2", PutOptions.defaults().withExpirationTtl(60).withMetadata(Map.of("x", 1)));
        kv.put("a", "1");
        assertThat(kv.get("b")).isEqualTo("2");
        assertThat(kv.getWithMetadata("b").metadata().get("x").asInt()).isEqualTo(1);
        assertThat(kv.list(ListOptions.defaults().withLimit(1)).names()).containsExactly("a");
        var page = kv.list(ListOptions.defaults().withLimit(1));
        assertThat(kv.list(ListOptions.defaults().withCursor(page.cursor())).names())
                .containsExactly("b");
        assertThat(kv.get(List.of("a", "b", "c"))).containsEntry("c", null).containsEntry("a", "1");
        clock.advance(Duration.ofSeconds(60));
        assertThat(kv.get("b")).isNull();
        System.out.println(kv.exportBulk());
        System.out.println(kv.entries());
    }
}
