package dev.kvkit.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Not API: the mapper every kvkit binding uses when the user gives none, made in one place.
 *
 * <p>Jackson's defaults plus every Jackson module on the class path ({@code jackson-datatype-jsr310}
 * for {@code Instant}, {@code jdk8} for {@code Optional}, ...), with dates and durations written as
 * ISO-8601 text rather than numbers: that is what a Worker's {@code JSON.stringify(new Date())}
 * stores and what Spring Boot's mapper writes, so Java and JavaScript read each other's values.
 */
public final class DefaultObjectMapper {

    private DefaultObjectMapper() {}

    /**
     * Returns the one default mapper kvkit shares among its own uses (the default codec, the fake's
     * bulk files), made the first time JSON is written or read: a first {@code ObjectMapper} costs a
     * fresh JVM about 150 ms of class loading, which a namespace or an emulator that only ever sees
     * text must not pay. Never hand it to user code, which could reconfigure it for everyone.
     *
     * @return the shared mapper
     */
    public static ObjectMapper shared() {
        return Shared.MAPPER;
    }

    private static final class Shared {
        static final ObjectMapper MAPPER = create();
    }

    /**
     * Creates a new default mapper.
     *
     * @return a mapper of the caller's own
     */
    public static ObjectMapper create() {
        return new ObjectMapper()
                .findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    }
}
