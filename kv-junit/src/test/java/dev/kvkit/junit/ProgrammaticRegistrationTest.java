package dev.kvkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.KvBinding;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.KvLimits;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The builder's options act as {@link KvTest}'s and the annotations' own extension stands aside. */
class ProgrammaticRegistrationTest {

    @Test
    void builderSettingsApplyToFieldsAndParametersWithoutCompetingResolvers() {
        Fixtures.run(Configured.class)
                .testEvents()
                .assertStatistics(stats -> stats.started(3).succeeded(3));
    }

    @Test
    void builderWranglerConfigAndEnvironmentCheckBindings() {
        String message = Fixtures.onlyFailureMessage(Fixtures.run(ConfiguredWrangler.class));

        assertThat(message)
                .endsWith("No KV binding \"CACHE\" in env.staging.kv_namespaces of "
                        + Path.of(WranglerConfigTest.TOML).toAbsolutePath() + "; bindings there: TODO");
    }

    @Test
    void noWranglerConfigSwitchesTheCheckOff() {
        Fixtures.run(WithoutWrangler.class, KvNamespace.WRANGLER_CONFIG_PROPERTY_NAME, WranglerConfigTest.TOML)
                .testEvents()
                .assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    static class Configured {

        @KvNamespace("TODO")
        static FakeKvNamespace declaredBeforeTheRegistration;

        @RegisterExtension
        static final KvExtension kv = KvExtension.builder()
                .clockStart(Instant.parse("2030-01-01T00:00:00Z"))
                .limits(KvLimits.jsonNative())
                .build();

        @KvNamespace("CACHE")
        FakeKvNamespace cache;

        @Test
        void fieldsFollowTheBuilder() {
            assertThat(declaredBeforeTheRegistration.limits()).isEqualTo(KvLimits.jsonNative());
            assertThat(declaredBeforeTheRegistration.clock().instant())
                    .isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
            assertThat(cache.clock().instant()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        }

        @Test
        void parametersFollowTheBuilder(@KvNamespace("SESSIONS") KvBinding sessions) {
            assertThat(((FakeKvNamespace) sessions).limits()).isEqualTo(KvLimits.jsonNative());
            assertThat(((FakeKvNamespace) sessions).clock()).isSameAs(cache.clock());
        }

        @Nested
        class Inner {

            @Test
            void nestedClassesUseTheEnclosingRegistration(@KvNamespace("SESSIONS") FakeKvNamespace sessions) {
                assertThat(sessions.limits()).isEqualTo(KvLimits.jsonNative());
                assertThat(sessions.clock()).isSameAs(cache.clock());
            }
        }
    }

    static class ConfiguredWrangler {

        @RegisterExtension
        static final KvExtension kv = KvExtension.builder()
                .wranglerConfig(Path.of(WranglerConfigTest.TOML))
                .environment("staging")
                .build();

        @Test
        void neverRuns(@KvNamespace("CACHE") FakeKvNamespace cache) {}
    }

    static class WithoutWrangler {

        @RegisterExtension
        static final KvExtension kv = KvExtension.builder().noWranglerConfig().build();

        @Test
        void anyNameIsAccepted(@KvNamespace("ANYTHING") FakeKvNamespace anything) {
            assertThat(anything.name()).isEqualTo("ANYTHING");
        }
    }
}
