package dev.kvkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.fake.FakeKvNamespace;
import org.junit.jupiter.api.Test;

/** Binding names are checked against a wrangler configuration, TOML or JSON with comments. */
class WranglerConfigTest {

    static final String TOML = "src/test/resources/kvkit/wrangler.toml";
    static final String JSONC = "src/test/resources/kvkit/wrangler.jsonc";

    @Test
    void declaredBindingOfTheTomlIsInjectedAndItsIdReported() {
        var results = Fixtures.run(TomlTopLevel.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(Fixtures.reportEntries(results).get("kvkit.namespace.TODO"))
                .contains("id=06779da6940b431db6e566b4846d64db");
    }

    @Test
    void typoInBindingNameListsTheBindingsThatExist() {
        String message = Fixtures.onlyFailureMessage(Fixtures.run(TomlTypo.class));

        assertThat(message)
                .startsWith("@KvNamespace(\"TODOS\") on field [")
                .endsWith("]: No KV binding \"TODOS\" in the top-level kv_namespaces of " + absolute(TOML)
                        + "; bindings there: TODO, CACHE");
    }

    @Test
    void environmentIsSelectedByConfigurationParameter() {
        var results = Fixtures.run(TomlTopLevel.class, KvNamespace.WRANGLER_ENVIRONMENT_PROPERTY_NAME, "staging");

        assertThat(Fixtures.reportEntries(results).get("kvkit.namespace.TODO"))
                .contains("id=e29b263ab50e42ce9b637fa8370175e8");
    }

    @Test
    void environmentDoesNotInheritTheTopLevelBindings() {
        String message = Fixtures.onlyFailureMessage(Fixtures.run(TomlProduction.class));

        assertThat(message)
                .endsWith("No KV binding \"TODO\" in env.production.kv_namespaces of " + absolute(TOML)
                        + "; bindings there: (none)");
    }

    @Test
    void unknownEnvironmentListsTheEnvironments() {
        String message = Fixtures.onlyFailureMessage(
                Fixtures.run(TomlTopLevel.class, KvNamespace.WRANGLER_ENVIRONMENT_PROPERTY_NAME, "qa"));

        assertThat(message)
                .endsWith("No environment \"qa\" in " + absolute(TOML) + "; environments there: staging, production");
    }

    @Test
    void reportShowsTheIdAndWhetherTheBindingIsRemote() {
        var results = Fixtures.run(JsoncRemoteReported.class);

        assertThat(Fixtures.reportEntries(results).get("kvkit.namespace.SESSIONS"))
                .startsWith("FakeKvNamespace[SESSIONS, 0 keys, TestClock[2026-01-01T00:00:00Z]]"
                        + " id=a825455ce00f4f7282403da85269f8ea remote");
    }

    @Test
    void jsoncEnvironmentHasItsOwnBindings() {
        Fixtures.run(JsoncStaging.class)
                .testEvents()
                .assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void configurationParameterPointsAtTheFile() {
        String message = Fixtures.onlyFailureMessage(
                Fixtures.run(UnconfiguredTypo.class, KvNamespace.WRANGLER_CONFIG_PROPERTY_NAME, JSONC));

        assertThat(message).endsWith("bindings there: TODO");
    }

    @Test
    void withoutConfigurationAnyBindingNameIsAccepted() {
        Fixtures.run(UnconfiguredTypo.class)
                .testEvents()
                .assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void missingConfigurationFileIsNamed() {
        String message = Fixtures.onlyFailureMessage(Fixtures.run(
                UnconfiguredTypo.class, KvNamespace.WRANGLER_CONFIG_PROPERTY_NAME, "nowhere/wrangler.toml"));

        assertThat(message)
                .contains("The wrangler configuration nowhere/wrangler.toml does not exist (resolved against "
                        + absolute("") + ")");
    }

    @Test
    void environmentWithoutConfigurationIsRefused() {
        String message = Fixtures.onlyFailureMessage(
                Fixtures.run(UnconfiguredTypo.class, KvNamespace.WRANGLER_ENVIRONMENT_PROPERTY_NAME, "staging"));

        assertThat(message)
                .contains("The wrangler environment \"staging\" is selected but no wrangler configuration is in use"
                        + " (no wrangler.json, wrangler.jsonc, wrangler.toml in " + absolute("") + ")");
    }

    private static String absolute(String path) {
        return java.nio.file.Path.of(path).toAbsolutePath().normalize().toString();
    }

    @KvTest(wranglerConfig = TOML)
    static class TomlTopLevel {

        @KvNamespace("TODO")
        FakeKvNamespace todo;

        @Test
        void failsToShowTheReport() {
            todo.put("k", "v");
            throw new AssertionError("fails on purpose, so the namespace is reported");
        }
    }

    @KvTest(wranglerConfig = TOML)
    static class TomlTypo {

        @KvNamespace("TODOS")
        FakeKvNamespace todo;

        @Test
        void neverRuns() {}
    }

    @KvTest(wranglerConfig = TOML, environment = "production")
    static class TomlProduction {

        @Test
        void neverRuns(@KvNamespace("TODO") FakeKvNamespace todo) {}
    }

    @KvTest(wranglerConfig = JSONC, environment = "staging")
    static class JsoncStaging {

        @Test
        void bindingOnlyInTheEnvironmentIsAccepted(
                @KvNamespace("SESSIONS") FakeKvNamespace sessions, @KvNamespace("TODO") FakeKvNamespace todo) {
            assertThat(sessions.name()).isEqualTo("SESSIONS");
            assertThat(todo).isNotSameAs(sessions);
        }
    }

    @KvTest(wranglerConfig = JSONC, environment = "staging")
    static class JsoncRemoteReported {

        @Test
        void failsToShowTheReport(@KvNamespace("SESSIONS") FakeKvNamespace sessions) {
            throw new AssertionError("fails on purpose, so the namespace is reported");
        }
    }

    static class UnconfiguredTypo {

        @Test
        void usesAnyName(@KvNamespace("TODOS") FakeKvNamespace todo) {
            assertThat(todo.name()).isEqualTo("TODOS");
        }
    }
}
