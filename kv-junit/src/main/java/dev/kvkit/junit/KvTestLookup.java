package dev.kvkit.junit;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Finds the {@link KvTest} in force for a context: on its class, a superclass, or an enclosing class. */
final class KvTestLookup {

    record Found(KvTest annotation, Class<?> declaredOn) {}

    private KvTestLookup() {}

    static Optional<Found> find(ExtensionContext context) {
        // The nearest class wins, so a @Nested class can override what its enclosing class sets.
        for (Class<?> type = context.getTestClass().orElse(null); type != null; type = type.getEnclosingClass()) {
            Optional<KvTest> annotation = AnnotationSupport.findAnnotation(type, KvTest.class);
            if (annotation.isPresent()) {
                return Optional.of(new Found(annotation.get(), type));
            }
        }
        return Optional.empty();
    }
}
