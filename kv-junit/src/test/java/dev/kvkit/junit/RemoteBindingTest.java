package dev.kvkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.KvBinding;
import dev.kvkit.cloudflare.CloudflareKvBinding;
import dev.kvkit.fake.FakeKvNamespace;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Remote bindings reach Cloudflare through the REST client, or abort the test with the reason; never
 * a fake in their place. No request is made here: this machine has no route to Cloudflare.
 */
class RemoteBindingTest {

    static final String CONFIG = "src/test/resources/kvkit/remote-wrangler.jsonc";
    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    /** The abort cases need an environment without credentials, as this build machine's is. */
    private static void assumeNoCredentialsInTheEnvironment() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                System.getenv(KvNamespace.REMOTE_TOKEN_VARIABLE) == null
                        && System.getenv(KvNamespace.REMOTE_ACCOUNT_VARIABLE) == null,
                "Cloudflare credentials are set in this environment; the abort cases need them unset");
    }

    private static EngineExecutionResults run(Class<?> fixture, String... more) {
        String[] configuration = new String[2 + more.length];
        configuration[0] = KvNamespace.WRANGLER_CONFIG_PROPERTY_NAME;
        configuration[1] = CONFIG;
        System.arraycopy(more, 0, configuration, 2, more.length);
        return Fixtures.run(fixture, configuration);
    }

    private static String abortReason(EngineExecutionResults results) {
        return results.testEvents().aborted().stream()
                .findFirst()
                .orElseThrow(() -> new AssertionError("no test was aborted"))
                .getRequiredPayload(TestExecutionResult.class)
                .getThrowable()
                .orElseThrow()
                .getMessage();
    }

    @Test
    void withoutCredentialsARemoteParameterAbortsTheTestWithTheReason() {
        assumeNoCredentialsInTheEnvironment();
        EngineExecutionResults results = run(RemoteParameter.class);

        results.testEvents()
                .assertStatistics(stats -> stats.aborted(1).failed(0).succeeded(0));
        assertThat(abortReason(results))
                .endsWith("is remote and needs CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID to reach namespace"
                        + " 0f2ac74b498b48028cb68387c421e279 on Cloudflare; neither is set");
    }

    @Test
    void aBindingMarkedRemoteInTheWranglerConfigIsRemoteWithoutTheAttribute() {
        assumeNoCredentialsInTheEnvironment();
        EngineExecutionResults results = run(RemoteField.class, KvNamespace.REMOTE_TOKEN_VARIABLE, "t");

        results.testEvents().assertStatistics(stats -> stats.aborted(1));
        assertThat(abortReason(results)).endsWith("; CLOUDFLARE_ACCOUNT_ID is not set");
    }

    @Test
    void withCredentialsItIsTheRestClientToTheConfiguredNamespace() {
        EngineExecutionResults results = run(
                RemoteParameter.class,
                KvNamespace.REMOTE_TOKEN_VARIABLE,
                "secret-token",
                KvNamespace.REMOTE_ACCOUNT_VARIABLE,
                "023e105f4ecef8ad9ca31a8372d0c353");

        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(SEEN.get("remote")).isInstanceOf(CloudflareKvBinding.class);
        assertThat(SEEN.get("remote").toString())
                .contains("0f2ac74b498b48028cb68387c421e279")
                .doesNotContain("secret-token");
        assertThat(SEEN.get("local"))
                .as("a binding that is not remote stays a fake")
                .isInstanceOf(FakeKvNamespace.class);
    }

    @Test
    void aRemoteDeclarationTypedAsTheFakeIsRefused() {
        assertThat(Fixtures.onlyFailureMessage(run(RemoteAsFake.class)))
                .endsWith(" is remote: it reaches the namespace on Cloudflare, not a fake, so it must be typed"
                        + " dev.kvkit.KvBinding, not dev.kvkit.fake.FakeKvNamespace");
    }

    @Test
    void aRemoteBindingWithoutAnIdInTheConfigurationIsRefused() {
        assertThat(Fixtures.onlyFailureMessage(Fixtures.run(
                        RemoteWithoutConfig.class,
                        KvNamespace.WRANGLER_CONFIG_PROPERTY_NAME,
                        "none",
                        KvNamespace.REMOTE_TOKEN_VARIABLE,
                        "t",
                        KvNamespace.REMOTE_ACCOUNT_VARIABLE,
                        "a")))
                .endsWith("is remote, but no wrangler configuration gives binding \"FLAGS\" a namespace id; add it to"
                        + " kv_namespaces with its id");
    }

    static class RemoteParameter {
        @Test
        void test(@KvNamespace(value = "FLAGS", remote = true) KvBinding flags, @KvNamespace("TODO") KvBinding todo) {
            SEEN.put("remote", flags);
            SEEN.put("local", todo);
        }
    }

    static class RemoteField {
        @KvNamespace("FLAGS") // remote by the wrangler configuration
        KvBinding flags;

        @Test
        void test() {}
    }

    static class RemoteAsFake {
        @Test
        void test(@KvNamespace(value = "FLAGS", remote = true) FakeKvNamespace flags) {}
    }

    static class RemoteWithoutConfig {
        @Test
        void test(@KvNamespace(value = "FLAGS", remote = true) KvBinding flags) {}
    }
}
