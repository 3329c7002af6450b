package com.example.leaky;

import dev.kvkit.KvBinding;
import dev.kvkit.fake.FakeKvNamespace;

/** Production code that wrongly builds its own fake: must fail to compile. */
public final class Leaky {

    public KvBinding binding() {
        return FakeKvNamespace.builder().build();
    }
}
