package dev.kvkit.junit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.Supplier;

/** The default of {@link KvTest#objectMapper()}: no supplier is set, the next source decides. */
final class UnsetObjectMapper implements Supplier<ObjectMapper> {

    private UnsetObjectMapper() {}

    @Override
    public ObjectMapper get() {
        throw new UnsupportedOperationException("a marker, never called");
    }
}
