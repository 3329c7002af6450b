package dev.kvkit.junit.readme;

import dev.kvkit.KvBinding;
import dev.kvkit.PutOptions;
import java.time.Duration;

/** The application code of the README's examples: takes a KvBinding, as a Worker takes env.TODO. */
final class TodoStore {

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
