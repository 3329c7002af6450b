package dev.kvkit.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.KvBinding;
import dev.kvkit.PutOptions;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's first example, compiled and run. */
class FirstExampleTest {

    // tag::first-example-service[]
    /** Application code: takes a KvBinding, as a Worker takes env.TODO. */
    static final class TodoStore {
        private final KvBinding kv;

        TodoStore(KvBinding kv) {
            this.kv = kv;
        }

        void remember(String id, String title) {
            kv.put("to-do:" + id, title, PutOptions.defaults().withExpirationTtl(Duration.ofDays(1)));
        }

        String find(String id) {
            return kv.get("to-do:" + id);
        }
    }
    // end::first-example-service[]

    // tag::first-example-test[]
    @Test
    void rememberedTodosExpireAfterADay() {
        TestClock clock = TestClock.create();
        FakeKvNamespace kv = FakeKvNamespace.builder().name("TODO").clock(clock).build();
        TodoStore todos = new TodoStore(kv);

        todos.remember("123", "Buy milk");
        assertThat(todos.find("123")).isEqualTo("Buy milk");

        clock.advance(Duration.ofDays(1));
        assertThat(todos.find("123")).isNull();
    }
    // end::first-example-test[]
}
