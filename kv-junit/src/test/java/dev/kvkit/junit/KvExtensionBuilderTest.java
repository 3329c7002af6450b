package dev.kvkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class KvExtensionBuilderTest {

    @Test
    void blankEnvironmentIsRefused() {
        assertThatThrownBy(() -> KvExtension.builder().environment(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("environment must not be blank");
    }

    @Test
    void nullArgumentsAreNamed() {
        assertThatThrownBy(() -> KvExtension.builder().clockStart(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("start");
        assertThatThrownBy(() -> KvExtension.builder().limits(null)).hasMessage("limits");
        assertThatThrownBy(() -> KvExtension.builder().wranglerConfig(null)).hasMessage("file");
    }

    @Test
    void toStringShowsTheConfiguredSettings() {
        KvExtension extension = KvExtension.builder()
                .clockStart(Instant.parse("2030-01-01T00:00:00Z"))
                .environment("staging")
                .build();

        assertThat(extension.toString())
                .contains("clockStart=2030-01-01T00:00:00Z")
                .contains("environment=staging")
                .contains("enforceWriteRate=null");
    }

    @Test
    void toStringShowsTheSwitchesSetInCode() {
        KvExtension extension = KvExtension.builder()
                .enforceWriteRate(true)
                .listStressMode(false)
                .build();

        assertThat(extension.toString()).contains("enforceWriteRate=true").contains("listStressMode=false");
    }
}
