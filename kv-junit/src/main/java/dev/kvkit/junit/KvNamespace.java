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
 * <p>Within one test, one binding name is one namespace, however it is reached. A fresh namespace is
 * fresh in every respect, its clock included: the namespaces a test declares for itself share one
 * {@link dev.kvkit.fake.TestClock} of the test's own, which starts at the configured instant whatever
 * earlier tests did; class-wide namespaces share the class's clock. {@link KvClock} injects the clock
 * (see there for which one a test that reaches both kinds gets). A test that fails gets the contents
 * of every namespace it could see published as report entries and attached to its failure.
 *
 * <h2>Locations</h2>
 *
 * <p>With {@link #location()}, the declaration gets the namespace as a Worker in another location
 * sees it: a {@link dev.kvkit.fake.FakeKvLocation}, whose reads are cached at the edge and may be
 * stale until the cache runs out on the clock. It is the same namespace as a declaration of the
 * same binding name without a location:
 *
 * <pre>{@code
 * @Test
 * void sydneySeesTheWriteAMinuteLater(
 *         @KvNamespace("TODO") FakeKvNamespace todo,
 *         @KvNamespace(value = "TODO", location = "syd") KvBinding sydney,
 *         TestClock clock) { ... }
 * }</pre>
 *
 * <p>Such a declaration is typed {@link dev.kvkit.KvBinding} or {@link
 * dev.kvkit.fake.FakeKvLocation}. A {@link dev.kvkit.fake.FakeKvLocation} declared without a location
 * is the namespace's default location.
 *
 * <h2>Settings</h2>
 *
 * <p>Each setting is taken from the first of: this annotation, the class's {@link KvTest} (or the
 * {@link KvExtension} registered with {@code @RegisterExtension}), the JUnit configuration parameter
 * named by the constants below, and the default. The switches ({@link #enforceWriteRate()}, {@link
 * #listStressMode()}) belong to the namespace, so two declarations of one binding name in a test
 * that set a switch to different values are an error.
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
     * Configuration parameter that switches on Workers KV's write rate for every namespace: a second
     * write to a key within a second of the clock fails with {@code KV PUT failed: 429 Too Many
     * Requests}. {@code true} or {@code false} (the default); see {@link
     * dev.kvkit.fake.FakeKvNamespace.Builder#enforceWriteRate(boolean)}.
     *
     * @since 0.1.0
     */
    String WRITE_RATE_ENFORCE_PROPERTY_NAME = "kvkit.writeRate.enforce";

    /**
     * Configuration parameter that switches on the list stress mode for every namespace: list pages
     * come back short or empty before the last. {@code true} or {@code false} (the default); see
     * {@link dev.kvkit.fake.FakeKvNamespace.Builder#listStressMode(boolean)}.
     *
     * @since 0.1.0
     */
    String LIST_STRESS_MODE_PROPERTY_NAME = "kvkit.list.stressMode";

    /**
     * Configuration parameter that switches on, for every namespace, everything production does that
     * is off by default: the write rate and the list stress mode. {@code true} or {@code false} (the
     * default). A switch set on its own, in the same place or a stronger one, wins; see {@link
     * KvTest#productionLike()}.
     *
     * @since 0.1.0
     */
    String PRODUCTION_LIKE_PROPERTY_NAME = "kvkit.productionLike";

    /**
     * Configuration parameter naming the class that supplies the JSON mapping of every namespace:
     * the fully qualified name of a public class with a public no-argument constructor that
     * implements {@code Supplier<T>}, {@code T} being a Jackson 2 {@code ObjectMapper}, a Jackson 3
     * {@code JsonMapper} ({@code tools.jackson.databind.json}) or a {@link dev.kvkit.KvJsonCodec}.
     * Default: Jackson 2's defaults plus the Jackson modules found on the class path. See {@link
     * KvTest#objectMapper()}.
     *
     * @since 0.1.0
     */
    String OBJECT_MAPPER_SUPPLIER_PROPERTY_NAME = "kvkit.objectMapper.supplier";

    /**
     * Configuration parameter that chooses what a declaration typed {@link dev.kvkit.KvBinding} (and
     * without a location) gets: {@code fake} (the default) is the fake namespace itself; {@code
     * emulator} is a {@code CloudflareKvBinding} talking over loopback to a {@code KvApiServer} that
     * serves that very fake namespace. Declarations typed {@code FakeKvNamespace} get the fake either
     * way, so a test whose code under test takes a {@code KvBinding} and whose assertions take the fake
     * runs unchanged through the REST client and the emulator: one switch, same tests.
     *
     * @since 0.1.0
     */
    String BINDING_PROPERTY_NAME = "kvkit.binding";

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

    /**
     * The location the namespace is seen from, such as {@code "syd"}: 1 to 64 characters from {@code
     * A-Z}, {@code a-z}, {@code 0-9}, {@code .}, {@code _} and {@code -}. Empty means the default
     * location, which sees every write at once. The element must then be typed {@link
     * dev.kvkit.KvBinding} or {@link dev.kvkit.fake.FakeKvLocation}; see {@link
     * dev.kvkit.fake.FakeKvNamespace#location(String)} for what a location caches.
     *
     * @return the location name, or empty for the default location
     */
    String location() default "";

    /**
     * Whether a second write to one key within a second of the clock fails with {@code KV PUT
     * failed: 429 Too Many Requests}, from any location. {@link Toggle#DEFAULT} leaves it to {@link
     * KvTest#enforceWriteRate()}, then {@link #WRITE_RATE_ENFORCE_PROPERTY_NAME}; it is off when none
     * sets it.
     *
     * @return whether the namespace enforces the write rate
     */
    Toggle enforceWriteRate() default Toggle.DEFAULT;

    /**
     * Whether list pages may come back short or empty before the last one, as production's do after
     * deletions, so that a client stopping on a short page instead of on {@code listComplete} is
     * caught. {@link Toggle#DEFAULT} leaves it to {@link KvTest#listStressMode()}, then {@link
     * #LIST_STRESS_MODE_PROPERTY_NAME}; it is off when none sets it.
     *
     * @return whether the namespace is in list stress mode
     */
    Toggle listStressMode() default Toggle.DEFAULT;

    /**
     * Whether the declaration reaches the real namespace on Cloudflare instead of a fake, as wrangler's
     * remote bindings do: the binding gets a {@code CloudflareKvBinding} to the namespace id the
     * wrangler configuration gives this binding name, with the credentials of {@value
     * #REMOTE_TOKEN_VARIABLE} and {@value #REMOTE_ACCOUNT_VARIABLE} (environment variables, or else
     * JUnit configuration parameters or system properties of those names). A declaration typed {@code
     * KvBinding} whose binding has {@code "remote": true} in the wrangler configuration is remote too
     * (one typed as the fake keeps the fake). Without both variables the test is aborted
     * with that reason, never run against a fake in its place. A remote declaration is typed {@link
     * dev.kvkit.KvBinding}.
     *
     * <pre>{@code
     * @Test
     * void readsTheProductionFlags(@KvNamespace(value = "FLAGS", remote = true) KvBinding flags) { ... }
     * }</pre>
     *
     * @return whether the binding is remote
     * @since 0.1.0
     */
    boolean remote() default false;

    /**
     * The environment variable holding the API token of {@link #remote()} bindings.
     *
     * @since 0.1.0
     */
    String REMOTE_TOKEN_VARIABLE = "CLOUDFLARE_API_TOKEN";

    /**
     * The environment variable holding the account id of {@link #remote()} bindings.
     *
     * @since 0.1.0
     */
    String REMOTE_ACCOUNT_VARIABLE = "CLOUDFLARE_ACCOUNT_ID";
}
