package dev.kvkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.KvBinding;
import dev.kvkit.cloudflare.CloudflareKvBinding;
import dev.kvkit.fake.FakeKvLocation;
import dev.kvkit.fake.FakeKvNamespace;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** {@code kvkit.binding=emulator}: a KvBinding declaration becomes the REST client on an emulator serving the fake. */
class BindingModeTest {

    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    @Test
    void byDefaultAKvBindingIsTheFakeItself() {
        Fixtures.run(Recorder.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertThat(SEEN.get("binding")).isEqualTo(FakeKvNamespace.class);
    }

    @Test
    void inEmulatorModeItIsTheRestClientOnAServerServingTheVeryFake() {
        Fixtures.run(EmulatorRecorder.class, KvNamespace.BINDING_PROPERTY_NAME, "emulator")
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(1));

        assertThat(SEEN.get("emulator binding")).isEqualTo(CloudflareKvBinding.class);
        assertThat(SEEN.get("emulator location"))
                .as("REST has no locations: a location stays the fake's")
                .isEqualTo(FakeKvLocation.class);
    }

    @Test
    void aBadModeNamesTheParameterAndTheAllowedValues() {
        assertThat(Fixtures.onlyFailureMessage(Fixtures.run(Recorder.class, KvNamespace.BINDING_PROPERTY_NAME, "real")))
                .endsWith("Invalid value \"real\" for configuration parameter kvkit.binding; allowed: fake, emulator");
    }

    static class Recorder {

        String prefix() {
            return "";
        }

        @KvNamespace("TODO")
        FakeKvNamespace todo;

        @KvNamespace("TODO")
        KvBinding kv;

        @Test
        void test(
                @KvNamespace(value = "TODO", location = "syd") KvBinding sydney, @KvNamespace("TODO") KvBinding again) {
            kv.put("written", "through the binding");
            assertThat(todo.get("written")).isEqualTo("through the binding");
            todo.put("seeded", "in the fake");
            assertThat(kv.get("seeded")).isEqualTo("in the fake");
            assertThat(again).as("one binding name, one binding").isSameAs(kv);
            SEEN.put(prefix() + "binding", kv.getClass());
            SEEN.put(prefix() + "location", sydney.getClass());
        }
    }

    /** The same test, recording under keys of its own, so runs in parallel do not overwrite each other. */
    static class EmulatorRecorder extends Recorder {

        @Override
        String prefix() {
            return "emulator ";
        }
    }
}
