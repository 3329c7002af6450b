package dev.kvkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Injects a fresh {@link dev.kvkit.fake.FakeKvNamespace} (or the same namespace as its {@link
 * dev.kvkit.KvBinding}) into a field, a constructor parameter or a method parameter. The value is the
 * binding name, as in {@code env.TODO}.
 *
 * <pre>{@code
 * @Test
 * void remembersTodos(@KvNamespace("TODO") FakeKvNamespace todo, TestClock clock) {
 *     new TodoStore(todo).remember("123", "Buy milk");
 *     assertThat(todo.keys()).containsExactly("to-do:123");
 * }
 * }</pre>
 *
 * <p>No {@code @ExtendWith} is needed: this annotation brings the extension with it.
 *
 * <h2>Life of a namespace</h2>
 *
 * <p>As for {@code @TempDir}, where the declaration stands decides how long the namespace lives:
 *
 * <ul>
 *   <li>a {@code static} field, or a parameter of a {@code @BeforeAll} method: one namespace for the
 *       test class, its tests and its {@code @Nested} classes; it keeps its entries and its clock from
 *       test to test (call {@link dev.kvkit.fake.FakeKvNamespace#reset()} in {@code @BeforeEach} to
 *       start each test empty);
 *   <li>an instance field, a constructor parameter, or a parameter of a test, {@code @BeforeEach} or
 *       {@code @AfterEach} method: a fresh namespace for every test (with {@code
 *       Lifecycle.PER_CLASS}, a constructor parameter lives as long as the class).
 * </ul>
 *
 * <p>Within one test, one binding name is one namespace, however it is reached, and all of a test's
 * namespaces share one {@link dev.kvkit.fake.TestClock}, which can itself be injected by declaring a
 * parameter or field of that type. A test that fails gets the contents of every namespace it could
 * see published as report entries.
 *
 * <h2>Settings</h2>
 *
 * <p>Each setting is taken from the first of: this annotation, the class's {@link KvTest} (or the
 * {@link KvExtension} registered with {@code @RegisterExtension}), the JUnit configuration parameter
 * named by the constants below, and the default.
 *
 * <p>This annotation may also be placed on an annotation type, to give a binding a name of its own
 * ({@code @TodoKv FakeKvNamespace todo}).
 *
 * @since 0.1.0
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(KvExtension.class)
public @interface KvNamespace {

    /**
     * Configuration parameter for the instant every test's clock starts at, in ISO-8601 form ({@code
     * 2026-01-01T00:00:00Z}). Default: {@link dev.kvkit.fake.TestClock#DEFAULT_START}.
     *
     * @since 0.1.0
     */
    String CLOCK_START_PROPERTY_NAME = "kvkit.clock.start";

    /**
     * Configuration parameter for the limits profile: {@code cloudflare} (the default) or {@code
     * json-native}.
     *
     * @since 0.1.0
     */
    String LIMITS_PROPERTY_NAME = "kvkit.limits";

    /**
     * Configuration parameter for the wrangler configuration file: a path, {@code auto} (the default:
     * {@code wrangler.json}, {@code wrangler.jsonc} or {@code wrangler.toml} in the working
     * directory, if one is there) or {@code none}.
     *
     * @since 0.1.0
     */
    String WRANGLER_CONFIG_PROPERTY_NAME = "kvkit.wrangler.config";

    /**
     * Configuration parameter for the wrangler environment whose {@code kv_namespaces} are used, such
     * as {@code staging}. Default: the top-level {@code kv_namespaces}.
     *
     * @since 0.1.0
     */
    String WRANGLER_ENVIRONMENT_PROPERTY_NAME = "kvkit.wrangler.environment";

    /**
     * The binding name, such as {@code "TODO"}. When a wrangler configuration is in use, it must be
     * one of its {@code kv_namespaces} bindings.
     *
     * @return the binding name
     */
    String value();

    /**
     * Classpath resources in wrangler's bulk JSON format ({@code wrangler kv bulk put}) stored into
     * the namespace when it is created, in order; later files win for a key they share.
     *
     * @return the resource names, such as {@code "todo-seed.json"}
     */
    String[] seed() default {};

    /**
     * The instant the test's clock starts at, ISO-8601. Empty means: from {@link KvTest#clockStart()},
     * then the configuration parameter, then {@link dev.kvkit.fake.TestClock#DEFAULT_START}. All
     * namespaces of a test share its clock, so two declarations asking for different starts are an
     * error.
     *
     * @return the start instant, or empty
     */
    String clockStart() default "";
}
