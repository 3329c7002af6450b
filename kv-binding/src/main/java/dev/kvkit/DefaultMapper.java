package dev.kvkit;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The mapper kvkit uses when the user gives none: Jackson's defaults plus every Jackson module found
 * on the class path ({@code jackson-datatype-jsr310} for {@code Instant}, {@code jdk8} for {@code
 * Optional}, Kotlin, ...), as Spring Boot's auto-configured mapper has them.
 */
final class DefaultMapper {

    static final ObjectMapper INSTANCE = create();

    private DefaultMapper() {}

    static ObjectMapper create() {
        return new ObjectMapper().findAndRegisterModules();
    }
}
