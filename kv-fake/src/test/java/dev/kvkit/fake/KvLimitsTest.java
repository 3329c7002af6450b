package dev.kvkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KvLimitsTest {

    @Test
    void theCloudflareProfileHoldsTheSpecsLimits() {
        KvLimits limits = KvLimits.cloudflare();

        assertThat(limits.name()).isEqualTo("cloudflare");
        assertThat(limits.maxKeyBytes()).isEqualTo(512);
        assertThat(limits.maxValueBytes()).isEqualTo(26_214_400);
        assertThat(limits.maxMetadataBytes()).isEqualTo(1024);
        assertThat(limits.maxListLimit()).isEqualTo(1000);
        assertThat(limits.maxBulkKeys()).isEqualTo(100);
        assertThat(limits.maxBulkTotalBytes()).isEqualTo(26_214_400);
        assertThat(limits.minExpirationTtlSeconds()).isEqualTo(60);
        assertThat(limits.minCacheTtlSeconds()).isEqualTo(30);
        assertThat(limits.defaultCacheTtlSeconds()).isEqualTo(60);
        assertThat(limits.maxWritesPerKeyPerSecond()).isEqualTo(1);
        assertThat(limits.maxRestBulkPairs()).isEqualTo(10_000);
        assertThat(limits.maxRestBulkRequestBytes()).isEqualTo(100_000_000);
        assertThat(KvLimits.builder().build()).isEqualTo(limits).hasSameHashCodeAs(limits);
    }

    @Test
    void theJsonNativeProfileLimitsValuesTo100Kilobytes() {
        assertThat(KvLimits.jsonNative().name()).isEqualTo("json-native");
        assertThat(KvLimits.jsonNative().maxValueBytes()).isEqualTo(102_400);
        assertThat(KvLimits.jsonNative()).isNotEqualTo(KvLimits.cloudflare());
    }

    @Test
    void aProfileDescribesItself() {
        assertThat(KvLimits.cloudflare())
                .hasToString("KvLimits[cloudflare: key=512B, value=26214400B, metadata=1024B, listPage=1000,"
                        + " bulk=100 keys/26214400B, minExpiration=60s, cacheTtl=30s..60s, writesPerKey=1/s]");
    }

    @Test
    void toBuilderStartsFromTheProfileAndChangesOnlyWhatIsSet() {
        KvLimits custom = KvLimits.jsonNative().toBuilder().maxKeyBytes(64).build();

        assertThat(custom.maxKeyBytes()).isEqualTo(64);
        assertThat(custom.maxValueBytes()).isEqualTo(102_400);
        assertThat(custom.name()).isEqualTo("json-native");
        assertThat(KvLimits.jsonNative().maxKeyBytes()).isEqualTo(512);
    }

    static Stream<Arguments> setters() {
        return Stream.of(
                Arguments.of("maxKeyBytes", (Consumer<KvLimits.Builder>) b -> b.maxKeyBytes(0)),
                Arguments.of("maxValueBytes", (Consumer<KvLimits.Builder>) b -> b.maxValueBytes(0)),
                Arguments.of("maxMetadataBytes", (Consumer<KvLimits.Builder>) b -> b.maxMetadataBytes(0)),
                Arguments.of("maxListLimit", (Consumer<KvLimits.Builder>) b -> b.maxListLimit(0)),
                Arguments.of("maxBulkKeys", (Consumer<KvLimits.Builder>) b -> b.maxBulkKeys(0)),
                Arguments.of("maxBulkTotalBytes", (Consumer<KvLimits.Builder>) b -> b.maxBulkTotalBytes(0)),
                Arguments.of("minExpirationTtlSeconds", (Consumer<KvLimits.Builder>) b -> b.minExpirationTtlSeconds(0)),
                Arguments.of("minCacheTtlSeconds", (Consumer<KvLimits.Builder>) b -> b.minCacheTtlSeconds(0)),
                Arguments.of("defaultCacheTtlSeconds", (Consumer<KvLimits.Builder>) b -> b.defaultCacheTtlSeconds(0)),
                Arguments.of(
                        "maxWritesPerKeyPerSecond", (Consumer<KvLimits.Builder>) b -> b.maxWritesPerKeyPerSecond(0)),
                Arguments.of("maxRestBulkPairs", (Consumer<KvLimits.Builder>) b -> b.maxRestBulkPairs(0)),
                Arguments.of(
                        "maxRestBulkRequestBytes", (Consumer<KvLimits.Builder>) b -> b.maxRestBulkRequestBytes(0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setters")
    void everyLimitMustBeAtLeastOne(String name, Consumer<KvLimits.Builder> setToZero) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> setToZero.accept(KvLimits.builder()))
                .withMessage(name + " must be at least 1, but was: 0");
    }

    @Test
    void theDefaultCacheTtlMayNotBeBelowTheMinimum() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KvLimits.builder().defaultCacheTtlSeconds(10).build())
                .withMessage("defaultCacheTtlSeconds (10) must be at least minCacheTtlSeconds (30)");
    }

    @Test
    void aProfileNeedsAName() {
        assertThatNullPointerException()
                .isThrownBy(() -> KvLimits.builder().name(null))
                .withMessage("name");
    }
}
