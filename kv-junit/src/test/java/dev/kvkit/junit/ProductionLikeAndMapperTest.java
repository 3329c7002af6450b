package dev.kvkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.kvkit.KvJsonCodec;
import dev.kvkit.PutOptions;
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
                            + " class path that implements Supplier<T>, T being a Jackson 2 ObjectMapper, a Jackson 3"
                            + " JsonMapper or a KvJsonCodec; com.example.Nope cannot be loaded");
            assertThat(thrown(results)).isInstanceOf(ExtensionConfigurationException.class);
        }

        @Test
        void aSupplierThatReturnsNullIsRefusedByName() {
            var results = Fixtures.run(NullMapperUser.class);

            assertThat(Fixtures.onlyFailureMessage(results))
                    .endsWith("The mapper supplier " + NullMapper.class.getName() + " named by"
                            + " @KvTest(objectMapper) on " + NullMapperUser.class.getName() + " returned null"
                            + " instead of " + ALLOWED + "; name a class with a no-argument constructor that"
                            + " implements Supplier<T>, T being " + ALLOWED);
            assertThat(thrown(results))
                    .as("JUnit wraps it, naming the parameter; the cause is kvkit's")
                    .hasCauseInstanceOf(ExtensionConfigurationException.class);
        }

        @Test
        void aClassThatIsNoSupplierIsRefusedByName() {
            var results = Fixtures.run(
                    DefaultMapperUser.class, KvNamespace.OBJECT_MAPPER_SUPPLIER_PROPERTY_NAME, String.class.getName());

            assertThat(Fixtures.onlyFailureMessage(results))
                    .endsWith("The mapper supplier java.lang.String named by configuration parameter"
                            + " kvkit.objectMapper.supplier does not implement java.util.function.Supplier;"
                            + " name a class with a no-argument constructor that implements Supplier<T>, T being "
                            + ALLOWED);
        }

        @Test
        void aSupplierOfAnythingElseIsRefusedNamingWhatItReturnedAndWhatIsAllowed() {
            var results = Fixtures.run(
                    DefaultMapperUser.class,
                    KvNamespace.OBJECT_MAPPER_SUPPLIER_PROPERTY_NAME,
                    TextSupplier.class.getName());

            assertThat(Fixtures.onlyFailureMessage(results))
                    .endsWith("The mapper supplier " + TextSupplier.class.getName() + " named by configuration"
                            + " parameter kvkit.objectMapper.supplier returned a java.lang.String instead of "
                            + ALLOWED + "; name a class with a no-argument constructor that implements Supplier<T>,"
                            + " T being " + ALLOWED);
        }

        @Test
        void kvTestNamesASupplierOfAJackson3JsonMapper() {
            Fixtures.run(Jackson3MapperUser.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

            assertThat(SEEN.get("jackson3"))
                    .isEqualTo(
                            "{\"event_name\":\"signup\",\"at\":\"2026-01-01T10:00:00Z\"}"
                                    + " {\"display_name\":\"Ada\"} codec=KvJsonCodec.jackson3(tools.jackson.databind.json.JsonMapper)");
        }

        @Test
        void aConfigurationParameterNamesASupplierOfAJackson3JsonMapperOrOfACodec() {
            Fixtures.run(
                            DefaultMapperUser.class,
                            KvNamespace.OBJECT_MAPPER_SUPPLIER_PROPERTY_NAME,
                            SnakeCaseJackson3Mapper.class.getName())
                    .testEvents()
                    .assertStatistics(stats -> stats.succeeded(1));
            assertThat(SEEN.get("default")).startsWith("{\"event_name\":\"signup\"");

            Fixtures.run(
                            DefaultMapperUser.class,
                            KvNamespace.OBJECT_MAPPER_SUPPLIER_PROPERTY_NAME,
                            SnakeCaseCodec.class.getName())
                    .testEvents()
                    .assertStatistics(stats -> stats.succeeded(1));
            assertThat(SEEN.get("default")).startsWith("{\"event_name\":\"signup\"");
        }

        @Test
        void theBuilderTakesACodecAndTheLaterOfMapperAndCodecWins() {
            Fixtures.run(BuiltCodecUser.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

            assertThat(SEEN.get("builtCodec")).startsWith("{\"event_name\":\"signup\"");
            assertThat(SEEN.get("builtCodecNamespace"))
                    .isEqualTo("KvJsonCodec.jackson3(tools.jackson.databind.json.JsonMapper)");
        }

        @Test
        void theBuilderRefusesANullCodec() {
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(() -> KvExtension.builder().jsonCodec(null))
                    .withMessage("jsonCodec must not be null: pass KvJsonCodec.jackson3(mapper),"
                            + " KvJsonCodec.jackson2(mapper) or KvJsonCodec.defaults()");
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

    static final String ALLOWED = "a Jackson 2 ObjectMapper, a Jackson 3 JsonMapper or a KvJsonCodec";

    /** The application's Jackson 3 mapper, as Spring Boot 4 would build it. */
    public static final class SnakeCaseJackson3Mapper implements Supplier<tools.jackson.databind.json.JsonMapper> {
        @Override
        public tools.jackson.databind.json.JsonMapper get() {
            return tools.jackson.databind.json.JsonMapper.builder()
                    .propertyNamingStrategy(tools.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
                    .build();
        }
    }

    public static final class SnakeCaseCodec implements Supplier<KvJsonCodec> {
        @Override
        public KvJsonCodec get() {
            return KvJsonCodec.jackson3(new SnakeCaseJackson3Mapper().get());
        }
    }

    public static final class TextSupplier implements Supplier<String> {
        @Override
        public String get() {
            return "not a mapper";
        }
    }

    record Owner(String displayName) {}

    @KvTest(objectMapper = SnakeCaseJackson3Mapper.class)
    static class Jackson3MapperUser {
        @Test
        void writes(@KvNamespace("EVENTS") FakeKvNamespace events) {
            events.putJson("e", EVENT, PutOptions.defaults().withMetadata(new Owner("Ada")));
            assertThat(events.getJson("e", Event.class)).isEqualTo(EVENT);
            assertThat(events.getWithMetadata("e").metadata(Owner.class)).isEqualTo(new Owner("Ada"));
            SEEN.put(
                    "jackson3",
                    events.get("e") + " "
                            + events.entry("e").orElseThrow().metadataJson().orElseThrow() + " codec="
                            + events.jsonCodec());
        }
    }

    static class BuiltCodecUser {
        @RegisterExtension
        static final KvExtension kv = KvExtension.builder()
                .objectMapper(new ObjectMapper())
                .jsonCodec(new SnakeCaseCodec().get())
                .build();

        @Test
        void writes(@KvNamespace("EVENTS") FakeKvNamespace events) {
            events.putJson("e", EVENT);
            SEEN.put("builtCodec", events.get("e"));
            SEEN.put("builtCodecNamespace", events.jsonCodec().toString());
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
