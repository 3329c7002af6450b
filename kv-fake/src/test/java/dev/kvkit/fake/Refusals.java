package dev.kvkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.kvkit.KvException;
import dev.kvkit.KvOperation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Assertions for refused calls: the exact exception and message, and a namespace left exactly as it
 * was (values, metadata, expirations), because the spec says a rejected call changes nothing.
 */
final class Refusals {

    private Refusals() {}

    /** Runs {@code call}, asserts it throws {@code type}, and that the namespace is unchanged. */
    static <T extends Throwable> T assertRefusedWithoutChange(
            FakeKvNamespace namespace, ThrowingCallable call, Class<T> type) {
        String exportBefore = namespace.exportBulk();
        Map<String, String> writesBefore = writeInstants(namespace);
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("the refused call's exception").isExactlyInstanceOf(type);
        assertThat(namespace.exportBulk())
                .as("the namespace after a refused call")
                .isEqualTo(exportBefore);
        assertThat(writeInstants(namespace))
                .as("the write instants after a refused call")
                .isEqualTo(writesBefore);
        return type.cast(thrown);
    }

    /** Asserts a service refusal: {@link KvException} with operation, status and full message. */
    static KvException assertServiceRefusal(
            FakeKvNamespace namespace, ThrowingCallable call, KvOperation operation, int status, String message) {
        KvException refusal = assertRefusedWithoutChange(namespace, call, KvException.class);
        assertThat(refusal.getMessage()).isEqualTo(message);
        assertThat(refusal.operation()).isEqualTo(operation);
        assertThat(refusal.status()).isEqualTo(status);
        assertThat(message).startsWith("KV " + operation + " failed: " + status + " ");
        assertThat(refusal.reason())
                .isEqualTo(message.substring(("KV " + operation + " failed: " + status + " ").length()));
        return refusal;
    }

    /** Asserts a binding refusal: exactly {@link IllegalArgumentException} with the full message. */
    static IllegalArgumentException assertArgumentRefusal(
            FakeKvNamespace namespace, ThrowingCallable call, String message) {
        IllegalArgumentException refusal = assertRefusedWithoutChange(namespace, call, IllegalArgumentException.class);
        assertThat(refusal).hasMessage(message);
        return refusal;
    }

    private static Map<String, String> writeInstants(FakeKvNamespace namespace) {
        Map<String, String> instants = new LinkedHashMap<>();
        namespace
                .entries()
                .forEach((key, entry) -> instants.put(key, entry.writtenAt().toString()));
        return instants;
    }
}
