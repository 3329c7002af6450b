package dev.kvkit.junit;

import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps the fixture classes (static classes nested in a test class, which tests run through the
 * JUnit Platform test kit, many of them failing on purpose) from running on their own when an IDE
 * or a build runs a whole package. Registered for every test through extension auto-detection
 * ({@code junit-platform.properties}); the test kit runs set {@value #RUN_FIXTURES} to {@code true}.
 */
public final class OnlyThroughTheTestKit implements ExecutionCondition {

    /** The configuration parameter that lets fixture classes run. */
    public static final String RUN_FIXTURES = "kvkit.test.runFixtures";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Class<?> type = context.getTestClass().orElse(null);
        boolean fixture = type != null
                && type.getEnclosingClass() != null
                && Modifier.isStatic(type.getModifiers())
                && !type.isAnnotationPresent(Nested.class)
                && context.getTestMethod().isEmpty();
        if (fixture
                && !context.getConfigurationParameter(RUN_FIXTURES, Boolean::parseBoolean)
                        .orElse(false)) {
            return ConditionEvaluationResult.disabled(
                    type.getName() + " is a fixture; tests run it through the test kit");
        }
        return ConditionEvaluationResult.enabled("not a fixture, or run through the test kit");
    }
}
