package dev.kvkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A Jackson 2 application never needs Jackson 3: kv-binding's classes, with Jackson 2 and nothing of
 * {@code tools.jackson} on the class path, write and read JSON and typed metadata, and only {@code
 * KvJsonCodec.jackson3} itself needs Jackson 3.
 */
class Jackson3IsOptionalTest {

    /** Runs inside the class loader without Jackson 3; touches the codec as a Jackson 2 user does. */
    public static final class Jackson2User implements Supplier<String> {
        @Override
        public String get() {
            KvJsonCodec codec = KvJsonCodec.jackson2(new ObjectMapper());
            byte[] json = KvJsonCodec.defaults().write(java.util.Map.of("a", 1));
            Object read = codec.read(new String(json, StandardCharsets.UTF_8), java.util.Map.class);
            KvListKey key = new KvListKey("k", null, codec.readTree("{\"b\":2}"));
            return read + " " + key.metadata(java.util.Map.class);
        }
    }

    @Test
    void jackson2UsersLoadNothingOfJackson3() throws Exception {
        try (URLClassLoader jackson2Only = new URLClassLoader(
                List.of(
                                location(KvJsonCodec.class),
                                location(Jackson3IsOptionalTest.class),
                                location(ObjectMapper.class),
                                location(JsonFactory.class),
                                location(JsonProperty.class))
                        .toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> jackson2Only.loadClass("tools.jackson.databind.json.JsonMapper"))
                    .isInstanceOf(ClassNotFoundException.class);

            Class<?> user = jackson2Only.loadClass(Jackson2User.class.getName());
            Object result = ((Supplier<?>) user.getConstructor().newInstance()).get();

            assertThat(result).isEqualTo("{a=1} {b=2}");
            // Even the Jackson 3 factory links; only a JsonMapper to pass it needs Jackson 3.
            Class<?> caller = jackson2Only.loadClass(Jackson3Caller.class.getName());
            assertThatThrownBy(((Runnable) caller.getConstructor().newInstance())::run)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("mapper must not be null: pass the application's JsonMapper");
            assertThatThrownBy(() -> jackson2Only
                            .loadClass("dev.kvkit.Jackson3JsonCodec")
                            .getDeclaredConstructors())
                    .isInstanceOf(NoClassDefFoundError.class)
                    .hasMessageContaining("tools/jackson");
        }
    }

    /** Calls the Jackson 3 factory the only way a class path without Jackson 3 can. */
    public static final class Jackson3Caller implements Runnable {
        @Override
        public void run() {
            KvJsonCodec.jackson3(null);
        }
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
