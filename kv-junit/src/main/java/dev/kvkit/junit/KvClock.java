package dev.kvkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Injects the {@link dev.kvkit.fake.TestClock} the namespaces of its scope run on into a field or
 * parameter of type {@code TestClock} (or {@code java.time.Clock}), the way {@code @TempDir} injects a
 * directory. The extension fills only what this annotation (or {@link KvNamespace}) claims: a field
 * of type {@code TestClock} without it is left alone.
 *
 * <pre>{@code
 * @KvNamespace("SESSIONS")
 * FakeKvNamespace sessions;
 *
 * @KvClock
 * TestClock clock; // the clock of this test's namespaces
 * }</pre>
 *
 * <h2>Which clock</h2>
 *
 * <ul>
 *   <li>A {@code static} field, or a parameter of a {@code @BeforeAll} method: the class's clock, the
 *       one its class-wide namespaces run on.
 *   <li>An instance field, or a parameter of a test, {@code @BeforeEach} or {@code @AfterEach} method
 *       or of a constructor: in a test that declares namespaces of its own (an instance field, a
 *       parameter), that test's own clock, fresh for every test; in a test that only reaches
 *       class-wide namespaces, the class's clock.
 * </ul>
 *
 * <p>A test that declares namespaces of its own and also reaches class-wide ones (a {@code static}
 * {@code @KvNamespace} or {@code @KvClock} field, a {@code @BeforeAll} parameter, here or in an
 * enclosing class) has two clocks: its own namespaces start fresh, whatever earlier tests did to the
 * class's clock. Asking such a test for "the" clock is refused with a message naming both
 * declarations; reach each clock as {@code namespace.clock()} instead.
 *
 * <p>A parameter of type {@code TestClock} is claimed by its type alone too, as JUnit's {@code
 * TestInfo} is; a parameter holds no value of its own to overwrite. A field must carry this
 * annotation, must not be {@code final}, and (an instance field) must not be initialised: the
 * extension never overwrites a value you set.
 *
 * @since 0.1.0
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(KvExtension.class)
public @interface KvClock {}
