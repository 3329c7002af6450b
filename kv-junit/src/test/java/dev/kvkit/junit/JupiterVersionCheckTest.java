package dev.kvkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherSessionListener;

/** The start-up check for an old Jupiter; the failing case runs for real in consumer-it/src/it/jupiter-too-old. */
class JupiterVersionCheckTest {

    @Test
    void theLauncherFindsTheCheckThroughServiceLoader() {
        assertThat(ServiceLoader.load(LauncherSessionListener.class).stream().map(ServiceLoader.Provider::type))
                .contains(JupiterVersionCheck.class);
    }

    @Test
    void aRecentJupiterPassesTheCheck() {
        assertThatCode(() -> new JupiterVersionCheck().launcherSessionOpened(null))
                .doesNotThrowAnyException();
    }

    @Test
    void theMessageNamesTheVersionFoundAndTheMinimum() {
        assertThat(JupiterVersionCheck.tooOld("5.10.2"))
                .isEqualTo("kvkit's JUnit extension (dev.kvkit:kv-junit) needs JUnit Jupiter 5.12 or later, but the"
                        + " class path has junit-jupiter-api 5.10.2. Upgrade JUnit, for example by importing"
                        + " org.junit:junit-bom 5.14.x or 6.x in your build.");
    }

    @Test
    void theVersionComesFromTheJupiterJar() {
        assertThat(JupiterVersionCheck.versionOf(Test.class)).matches("[56]\\.\\d+\\.\\d+.*");
    }
}
