package dev.kvkit.bench;

import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import dev.kvkit.junit.KvClock;
import dev.kvkit.junit.KvNamespace;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the extension adds to a suite: 2,000 tests run through the JUnit Platform Launcher, each
 * with a fresh injected namespace and clock, against the same 2,000 tests making their own bare map.
 *
 * <p>The 2,000 tests are the repetitions of one {@code @RepeatedTest}: each repetition is a test of
 * its own with the full extension lifecycle (parameter resolution, store, close), which is what the
 * figure is about.
 *
 * <p>A second baseline ({@code 2000TestsVsBareResolver}) takes the same two parameters from the
 * smallest resolver JUnit allows, registered by a parameter annotation as {@code @KvNamespace}
 * registers kvkit's: each test gets a new map and a clock, and nothing is kept or closed. Beside it
 * the ratio is what kvkit adds to JUnit's own parameter injection, which the first baseline, taking
 * no parameters, does not pay: JUnit looks for extensions on every parameter of every test, and asks
 * every resolver (its {@code @TempDir} one included) about each.
 *
 * <p>A third pair ({@code 2000TestsFieldInjected}) runs the same tests written the other way users
 * write them, the namespace and the clock in {@code @KvNamespace} and {@code @KvClock} instance
 * fields, against the plain tests again: no parameter is resolved, so JUnit's share above is not paid.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 20)
@Fork(
        value = 3,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class ExtensionBenchmark {

    static final int TESTS = 2000;

    /** The suite with kvkit: every test gets its own namespace and clock. */
    public static class KvkitTests {
        @RepeatedTest(TESTS)
        void remembersAndForgets(@KvNamespace("TODO") FakeKvNamespace todo, TestClock clock) {
            todo.put("to-do:1", "Buy milk");
            if (!"Buy milk".equals(todo.get("to-do:1")) || clock.millis() == 0) {
                throw new AssertionError("the namespace lost a write");
            }
        }
    }

    /** The same suite with kvkit, its namespace and clock injected into fields, fresh for every test. */
    public static class KvkitFieldTests {
        @KvNamespace("TODO")
        FakeKvNamespace todo;

        @KvClock
        TestClock clock;

        @RepeatedTest(TESTS)
        void remembersAndForgets() {
            todo.put("to-do:1", "Buy milk");
            if (!"Buy milk".equals(todo.get("to-do:1")) || clock.millis() == 0) {
                throw new AssertionError("the namespace lost a write");
            }
        }
    }

    /** The same suite without kvkit: every test makes its own map. */
    public static class PlainTests {
        @RepeatedTest(TESTS)
        void remembersAndForgets() {
            ConcurrentSkipListMap<String, byte[]> todo = new ConcurrentSkipListMap<>();
            todo.put("to-do:1", "Buy milk".getBytes(StandardCharsets.UTF_8));
            if (!"Buy milk".equals(new String(todo.get("to-do:1"), StandardCharsets.UTF_8))) {
                throw new AssertionError("the map lost a write");
            }
        }
    }

    /** Marks a parameter for {@link BareResolver}, and registers it, as {@code @KvNamespace} does. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @ExtendWith(BareResolver.class)
    @interface Bare {}

    /** The least a resolver does: a new map for a {@link Bare} parameter, a clock for a clock. */
    static final class BareResolver implements ParameterResolver {
        private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Clock.class || parameter.isAnnotated(Bare.class);
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Clock.class ? CLOCK : new ConcurrentSkipListMap<>();
        }
    }

    /** The same suite, its map and clock injected by {@link BareResolver}. */
    public static class BareResolverTests {
        @RepeatedTest(TESTS)
        void remembersAndForgets(@Bare ConcurrentSkipListMap<String, byte[]> todo, Clock clock) {
            todo.put("to-do:1", "Buy milk".getBytes(StandardCharsets.UTF_8));
            if (!"Buy milk".equals(new String(todo.get("to-do:1"), StandardCharsets.UTF_8)) || clock.millis() == 0) {
                throw new AssertionError("the map lost a write");
            }
        }
    }

    @State(Scope.Benchmark)
    public static class Suites {
        Launcher launcher;
        LauncherDiscoveryRequest kvkit;
        LauncherDiscoveryRequest kvkitFields;
        LauncherDiscoveryRequest plain;
        LauncherDiscoveryRequest bareResolver;

        @Setup(Level.Trial)
        public void setUp() {
            launcher = LauncherFactory.create();
            kvkit = LauncherDiscoveryRequestBuilder.request()
                    .selectors(DiscoverySelectors.selectClass(KvkitTests.class))
                    .build();
            kvkitFields = LauncherDiscoveryRequestBuilder.request()
                    .selectors(DiscoverySelectors.selectClass(KvkitFieldTests.class))
                    .build();
            plain = LauncherDiscoveryRequestBuilder.request()
                    .selectors(DiscoverySelectors.selectClass(PlainTests.class))
                    .build();
            bareResolver = LauncherDiscoveryRequestBuilder.request()
                    .selectors(DiscoverySelectors.selectClass(BareResolverTests.class))
                    .build();
        }
    }

    @Benchmark
    public TestExecutionSummary kvkit2000Tests(Suites s) {
        return run(s.launcher, s.kvkit);
    }

    @Benchmark
    public TestExecutionSummary baseline2000Tests(Suites s) {
        return run(s.launcher, s.plain);
    }

    @Benchmark
    public TestExecutionSummary kvkit2000TestsVsBareResolver(Suites s) {
        return run(s.launcher, s.kvkit);
    }

    @Benchmark
    public TestExecutionSummary baseline2000TestsVsBareResolver(Suites s) {
        return run(s.launcher, s.bareResolver);
    }

    @Benchmark
    public TestExecutionSummary kvkit2000TestsFieldInjected(Suites s) {
        return run(s.launcher, s.kvkitFields);
    }

    @Benchmark
    public TestExecutionSummary baseline2000TestsFieldInjected(Suites s) {
        return run(s.launcher, s.plain);
    }

    private static TestExecutionSummary run(Launcher launcher, LauncherDiscoveryRequest request) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        if (summary.getTestsSucceededCount() != TESTS) {
            throw new IllegalStateException("Expected " + TESTS + " passing tests, got "
                    + summary.getTestsSucceededCount() + " of " + summary.getTestsFoundCount() + ": "
                    + summary.getFailures());
        }
        return summary;
    }
}
