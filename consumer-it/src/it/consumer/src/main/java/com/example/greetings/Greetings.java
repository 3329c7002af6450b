package com.example.greetings;

import dev.kvkit.KvBinding;
import dev.kvkit.PutOptions;
import java.time.Duration;
import java.util.Optional;

/** Production code: compiled with kv-binding (and Jackson) alone on its class path. */
public final class Greetings {

    private final KvBinding kv;

    public Greetings(KvBinding kv) {
        this.kv = kv;
    }

    public void greet(String name) {
        kv.put("greeting:" + name, "Hello, " + name, PutOptions.defaults().withExpirationTtl(Duration.ofHours(1)));
    }

    public Optional<String> greetingFor(String name) {
        return Optional.ofNullable(kv.get("greeting:" + name));
    }
}
