package dev.kvkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.kvkit.fake.FakeKvNamespace;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;

/**
 * The production-like switch (the write rate and the list stress mode at once) and the user's own
 * ObjectMapper, from {@code @KvTest}, the builder and configuration parameters.
 */
class ProductionLikeAndMapperTest {

    static final Map<String, String> SEEN = new ConcurrentHashMap<>();

    record Event(String eventName, Instant at) {}

    static final Event EVENT = new Event("signup", Instant.parse("2026-01-01T10:00:00Z"));

    @Nested
    class ProductionLike {

        @Test
        void theConfigurationParameterSwitchesOnBoth() {
            Fixtures.run(Recorder.class, KvNamespace.PRODUCTION_LIKE_PROPERTY_NAME, "true")
                    .testEvents()
                    .assertStatistics(stats -> stats.succeeded(1));

            assertThat(SEEN.get("recorder")).isEqualTo("writeRate=true listStress=true");
        }

        @Test
        void aSwitchSetOnItsOwnInTheSamePlaceWins() {
            Fixtures.run(
                            Recorder.class,
                            KvNamespace.PRODUCTION_LIKE_PROPERTY_NAME,
                            "true",
                            KvNamespace.LIST_STRESS_MODE_PROPERTY_NAME,
                            "false")
                    .testEvents()
                    .assertStatistics(stats -> stats.succeeded(1));

            assertThat(SEEN.get("recorder")).isEqualTo("writeRate=true listStress=false");
        }

        @Test
        void kvTestBeatsASingleSwitchOfTheConfigurationParameters() {
            Fixtures.run(AnnotatedProductionLike.class, KvNamespace.WRITE_RATE_ENFORCE_PROPERTY_NAME, "false")
                    .testEvents()
                    .assertStatistics(stats -> stats.succeeded(1));

            assertThat(SEEN.get("annotated")).isEqualTo("writeRate=true listStress=true");
        }

        @Test
        void theBuilderSwitchesOnBothAndItsOwnSingleSwitchWins() {
            Fixtures.run(BuiltProductionLike.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

            assertThat(SEEN.get("built")).isEqualTo("writeRate=false listStress=true");
        }

        @Test
        void offByDefault() {
            Fixtures.run(Recorder.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

            assertThat(SEEN.get("recorder")).isEqualTo("writeRate=false listStress=false");
        }

        @Test
        void aBadValueNamesTheParameterAndTheAllowedValues() {
            String message = Fixtures.onlyFailureMessage(
                    Fixtures.run(Recorder.class, KvNamespace.PRODUCTION_LIKE_PROPERTY_NAME, "yes"));

            assertThat(message)
                    .isEqualTo("Invalid value \"yes\" for configuration parameter kvkit.productionLike;"
                            + " allowed: true, false");
        }
    }

    @Nested
    class Mapper {

        @Test
        void byDefaultARecordWithAnInstantIsAValueWithoutConfiguration() {
            Fixtures.run(DefaultMapperUser.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

            assertThat(SEEN.get("default")).isEqualTo("{\"eventName\":\"signup\",\"at\":\"2026-01-01T10:00:00Z\"}");
        }

        @Test
        void kvTestNamesTheSupplierOfTheApplicationsMapper() {
            Fixtures.run(AnnotatedMapperUser.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

            assertThat(SEEN.get("annotated")).startsWith("{\"event_name\":\"signup\"");
        }

        @Test
        void theBuilderTakesAMapper() {
            Fixtures.run(BuiltMapperUser.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

            assertThat(SEEN.get("built")).startsWith("{\"event_name\":\"signup\"");
        }

        @Test
        void aConfigurationParameterNamesTheSupplierClass() {
            Fixtures.run(
                            DefaultMapperUser.class,
                            KvNamespace.OBJECT_MAPPER_SUPPLIER_PROPERTY_NAME,
                            SnakeCaseMapper.class.getName())
                    .testEvents()
                    .assertStatistics(stats -> stats.succeeded(1));

            assertThat(SEEN.get("default")).startsWith("{\"event_name\":\"signup\"");
        }

        @Test
        void anUnknownSupplierClassIsAConfigurationErrorThatSaysWhatIsAllowed() {
            var results = Fixtures.run(
                    DefaultMapperUser.class, KvNamespace.OBJECT_MAPPER_SUPPLIER_PROPERTY_NAME, "com.example.Nope");

            assertThat(Fixtures.onlyFailureMessage(results))
                    .startsWith("Invalid value \"com.example.Nope\" for configuration parameter"
                            + " kvkit.objectMapper.supplier; allowed: the fully qualified name of a class on the test"
                            + " class path that implements Supplier<ObjectMapper>; com.example.Nope cannot be loaded");
            assertThat(thrown(results)).isInstanceOf(ExtensionConfigurationException.class);
        }

        @Test
        void aSupplierThatReturnsNullIsRefusedByName() {
            var results = Fixtures.run(NullMapperUser.class);

            assertThat(Fixtures.onlyFailureMessage(results))
                    .endsWith("The ObjectMapper supplier " + NullMapper.class.getName() + " named by"
                            + " @KvTest(objectMapper) on " + NullMapperUser.class.getName() + " returned null"
                            + " instead of an ObjectMapper; name a class with a no-argument constructor that"
                            + " implements Supplier<ObjectMapper>");
            assertThat(thrown(results))
                    .as("JUnit wraps it, naming the parameter; the cause is kvkit's")
                    .hasCauseInstanceOf(ExtensionConfigurationException.class);
        }

        @Test
        void aClassThatIsNoSupplierIsRefusedByName() {
            var results = Fixtures.run(
                    DefaultMapperUser.class, KvNamespace.OBJECT_MAPPER_SUPPLIER_PROPERTY_NAME, String.class.getName());

            assertThat(Fixtures.onlyFailureMessage(results))
                    .endsWith("The ObjectMapper supplier java.lang.String named by configuration parameter"
                            + " kvkit.objectMapper.supplier does not implement java.util.function.Supplier<ObjectMapper>;"
                            + " name a class with a no-argument constructor that implements Supplier<ObjectMapper>");
        }

        private Throwable thrown(org.junit.platform.testkit.engine.EngineExecutionResults results) {
            return results.allEvents().failed().stream()
                    .findFirst()
                    .orElseThrow()
                    .getRequiredPayload(TestExecutionResult.class)
                    .getThrowable()
                    .orElseThrow();
        }
    }

    /** The application's mapper, as a Spring configuration would build it. */
    public static final class SnakeCaseMapper implements Supplier<ObjectMapper> {
        @Override
        public ObjectMapper get() {
            return new ObjectMapper()
                    .findAndRegisterModules()
                    .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        }
    }

    public static final class NullMapper implements Supplier<ObjectMapper> {
        @Override
        public ObjectMapper get() {
            return null;
        }
    }

    static String describe(FakeKvNamespace namespace) {
        return "writeRate=" + namespace.enforcesWriteRate() + " listStress=" + namespace.listStressMode();
    }

    static class Recorder {
        @Test
        void records(@KvNamespace("TODO") FakeKvNamespace todo) {
            SEEN.put("recorder", describe(todo));
        }
    }

    @KvTest(productionLike = Toggle.ON)
    static class AnnotatedProductionLike {
        @Test
        void records(@KvNamespace("TODO") FakeKvNamespace todo) {
            SEEN.put("annotated", describe(todo));
        }
    }

    static class BuiltProductionLike {
        @RegisterExtension
        static final KvExtension kv = KvExtension.builder()
                .productionLike(true)
                .enforceWriteRate(false)
                .build();

        @Test
        void records(@KvNamespace("TODO") FakeKvNamespace todo) {
            SEEN.put("built", describe(todo));
        }
    }

    static class DefaultMapperUser {
        @Test
        void writes(@KvNamespace("EVENTS") FakeKvNamespace events) {
            events.putJson("e", EVENT);
            SEEN.put("default", events.get("e"));
        }
    }

    @KvTest(objectMapper = SnakeCaseMapper.class)
    static class AnnotatedMapperUser {
        @Test
        void writes(@KvNamespace("EVENTS") FakeKvNamespace events) {
            events.putJson("e", EVENT);
            assertThat(events.getJson("e", Event.class)).isEqualTo(EVENT);
            SEEN.put("annotated", events.get("e"));
        }
    }

    static class BuiltMapperUser {
        @RegisterExtension
        static final KvExtension kv =
                KvExtension.builder().objectMapper(new SnakeCaseMapper().get()).build();

        @Test
        void writes(@KvNamespace("EVENTS") FakeKvNamespace events) {
            events.putJson("e", EVENT);
            SEEN.put("built", events.get("e"));
        }
    }

    @KvTest(objectMapper = NullMapper.class)
    static class NullMapperUser {
        @Test
        void writes(@KvNamespace("EVENTS") FakeKvNamespace events) {}
    }
}
