package dev.kvkit.assertj;

import static dev.kvkit.assertj.KvAssertions.assertThat;
import static dev.kvkit.assertj.Messages.expectAssertionError;
import static dev.kvkit.assertj.Messages.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.KvType;
import dev.kvkit.KvValueWithMetadata;
import dev.kvkit.PutOptions;
import dev.kvkit.fake.FakeKvNamespace;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class KvValueWithMetadataAssertTest {

    private final FakeKvNamespace kv = FakeKvNamespace.create();

    @BeforeEach
    void aUserWithMetadata() {
        kv.put("user:42", "Ada", PutOptions.defaults().withMetadata(Map.of("owner", Map.of("id", 7))));
        kv.put("greeting", "hello");
    }

    @Test
    void presentValueAndMetadataPass() {
        assertThat(kv.getWithMetadata("user:42"))
                .isPresent()
                .hasValue("Ada")
                .hasMetadata("{\"owner\": {\"id\": 7}}")
                .hasMetadataValue("/owner/id", 7);
        assertThat(kv.getWithMetadata("greeting")).hasNoMetadata();
        assertThat(kv.getWithMetadata("nobody")).isAbsent();
    }

    @Test
    void bytesAreComparedByContent() {
        assertThat(kv.getWithMetadata("greeting", KvType.BYTES)).hasValue("hello".getBytes());
    }

    @Test
    void presentFailure() {
        AssertionError error = expectAssertionError(
                () -> assertThat(kv.getWithMetadata("nobody")).isPresent());

        assertThat(error).hasMessage(message("""

                        Expecting actual:
                          KvValueWithMetadata[value=null, metadata=null, cacheStatus=null]
                        to hold a value but the key was missing or expired"""));
    }

    @Test
    void absentFailure() {
        AssertionError error = expectAssertionError(
                () -> assertThat(kv.getWithMetadata("greeting")).isAbsent());

        assertThat(error).hasMessage(message("""

                        Expecting actual:
                          KvValueWithMetadata[value="hello", metadata=null, cacheStatus=null]
                        to hold no value (a missing or expired key) but it holds one"""));
    }

    @Test
    void valueFailureShowsBothValuesForADiff() {
        AssertionError error = expectAssertionError(
                () -> assertThat(kv.getWithMetadata("user:42")).hasValue("Grace"));

        assertThat(error).hasMessage(message("""

                        Expecting actual:
                          KvValueWithMetadata[value="Ada", metadata={"owner":{"id":7}}, cacheStatus=null]
                        to hold the value:
                          "Grace"
                        but was:
                          "Ada\""""));
        assertThat(((AssertionFailedError) error).getExpected().getValue()).isEqualTo("Grace");
    }

    @Test
    void metadataFailures() {
        AssertionError wrong = expectAssertionError(
                () -> assertThat(kv.getWithMetadata("user:42")).hasMetadataValue("/owner/id", 8));
        AssertionError some = expectAssertionError(
                () -> assertThat(kv.getWithMetadata("user:42")).hasNoMetadata());
        AssertionError none = expectAssertionError(
                () -> assertThat(kv.getWithMetadata("greeting")).hasMetadata("{\"owner\": {\"id\": 7}}"));

        assertThat(wrong).hasMessage(message("""

                        Expecting actual:
                          KvValueWithMetadata[value="Ada", metadata={"owner":{"id":7}}, cacheStatus=null]
                        to have in its metadata at "/owner/id":
                          8
                        but had:
                          7"""));
        assertThat(some).hasMessage(message("""

                        Expecting actual:
                          KvValueWithMetadata[value="Ada", metadata={"owner":{"id":7}}, cacheStatus=null]
                        to have no metadata but had:
                          {"owner":{"id":7}}"""));
        assertThat(none).hasMessage(message("""

                        Expecting actual:
                          KvValueWithMetadata[value="hello", metadata=null, cacheStatus=null]
                        to have metadata equal to:
                          {"owner":{"id":7}}
                        but had:
                          no metadata"""));
    }

    @Test
    void cacheStatusPassesAndFails() {
        KvValueWithMetadata<String> hit = new KvValueWithMetadata<>("Ada", null, "HIT");

        assertThat(hit).hasCacheStatus("HIT");
        AssertionError error = expectAssertionError(() -> assertThat(hit).hasCacheStatus("MISS"));

        assertThat(error).hasMessage(message("""

                        Expecting actual:
                          KvValueWithMetadata[value="Ada", metadata=null, cacheStatus=HIT]
                        to have cache status:
                          "MISS"
                        but had:
                          "HIT\""""));
    }
}
