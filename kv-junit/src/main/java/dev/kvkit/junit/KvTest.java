package dev.kvkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Class-wide settings for the {@link KvNamespace} namespaces of a test class, its subclasses and its
 * {@code @Nested} classes. Each attribute left empty falls back to the JUnit configuration parameter
 * named on {@link KvNamespace}, then to the default.
 *
 * <pre>{@code
 * @KvTest(wranglerConfig = "worker/wrangler.toml", environment = "staging")
 * class TodoWorkerTest {
 *     @KvNamespace("TODO") FakeKvNamespace todo;
 * }
 * }</pre>
 *
 * <p>It also activates the extension for the class, so a {@link dev.kvkit.fake.TestClock} parameter
 * or field is injected even where no namespace is declared.
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(KvExtension.class)
public @interface KvTest {

    /**
     * The instant every test's clock starts at, ISO-8601, such as {@code "2030-06-01T12:00:00Z"}.
     *
     * @return the start instant, or empty for the configuration parameter or the default
     */
    String clockStart() default "";

    /**
     * The wrangler configuration file: a path relative to the working directory, {@code "auto"} or
     * {@code "none"}; see {@link KvNamespace#WRANGLER_CONFIG_PROPERTY_NAME}.
     *
     * @return the file, or empty for the configuration parameter or the default
     */
    String wranglerConfig() default "";

    /**
     * The wrangler environment whose {@code kv_namespaces} the bindings must come from. In wrangler,
     * an environment does not inherit the top-level {@code kv_namespaces}, and neither does this.
     *
     * @return the environment name, or empty for the configuration parameter or the top level
     */
    String environment() default "";

    /**
     * The limits profile: {@code "cloudflare"} or {@code "json-native"}.
     *
     * @return the profile name, or empty for the configuration parameter or the default
     */
    String limits() default "";

    /**
     * Whether every namespace of the class refuses a second write to one key within a second of the
     * clock with {@code KV PUT failed: 429 Too Many Requests}; see {@link
     * KvNamespace#enforceWriteRate()}.
     *
     * @return the switch, or {@link Toggle#DEFAULT} for the configuration parameter or off
     */
    Toggle enforceWriteRate() default Toggle.DEFAULT;

    /**
     * Whether every namespace of the class is in list stress mode; see {@link
     * KvNamespace#listStressMode()}.
     *
     * @return the switch, or {@link Toggle#DEFAULT} for the configuration parameter or off
     */
    Toggle listStressMode() default Toggle.DEFAULT;

    /**
     * Whether every namespace of the class behaves as production does where the fake is lenient by
     * default: {@link Toggle#ON} switches on both {@link #enforceWriteRate()} and {@link
     * #listStressMode()}, so a rate limiter that writes one key per request, or a loop that stops at
     * the first short page, fails here as it would in production. A switch set on its own wins.
     *
     * <pre>{@code
     * @KvTest(productionLike = Toggle.ON)
     * class RateLimiterTest { ... }
     * }</pre>
     *
     * @return the switch, or {@link Toggle#DEFAULT} for {@link
     *     KvNamespace#PRODUCTION_LIKE_PROPERTY_NAME} or off
     * @since 0.1.0
     */
    Toggle productionLike() default Toggle.DEFAULT;

    /**
     * The class that supplies the JSON mapping every namespace of the class uses for values and
     * metadata: a class with a no-argument constructor that implements {@code Supplier<T>}, {@code
     * T} being the mapper your application configures, a Jackson 2 {@code ObjectMapper} or a Jackson
     * 3 {@code JsonMapper} ({@code tools.jackson.databind.json}, as Spring Boot 4 configures it), or
     * a {@link dev.kvkit.KvJsonCodec}. It is created once per test run; any other value it supplies
     * fails the test with a message naming the allowed types.
     *
     * <pre>{@code
     * public class AppMapper implements Supplier<ObjectMapper> {
     *     public ObjectMapper get() { return JsonConfig.objectMapper(); }
     * }
     *
     * public class AppJsonMapper implements Supplier<JsonMapper> { // Jackson 3
     *     public JsonMapper get() { return JsonConfig.jsonMapper(); }
     * }
     *
     * @KvTest(objectMapper = AppJsonMapper.class)
     * class TodoStoreTest { ... }
     * }</pre>
     *
     * @return the supplier class; left unset, {@link KvNamespace#OBJECT_MAPPER_SUPPLIER_PROPERTY_NAME}
     *     or the default (Jackson's defaults plus the modules on the class path) decides
     * @since 0.1.0
     */
    Class<? extends Supplier<?>> objectMapper() default UnsetObjectMapper.class;
}
