package dev.kvkit.junit.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.junit.KvNamespace;
import dev.kvkit.junit.KvTest;
import org.junit.jupiter.api.Test;

// tag::wrangler[]
@KvTest(wranglerConfig = "src/test/resources/kvkit/wrangler.toml", environment = "staging")
class WranglerExampleTest {

    @KvNamespace("TODO") // must be a binding of env.staging.kv_namespaces
    FakeKvNamespace todo;

    @Test
    void bindingComesFromTheStagingEnvironment() {
        assertThat(todo.name()).isEqualTo("TODO");
    }
}
// end::wrangler[]
