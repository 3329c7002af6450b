package com.example.old;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.junit.KvNamespace;
import org.junit.jupiter.api.Test;

class OldJupiterTest {

    @Test
    void usesTheExtension(@KvNamespace("KV") FakeKvNamespace kv) {
        kv.put("k", "v");
        assertThat(kv.get("k")).isEqualTo("v");
    }
}
