package dev.kvkit.junit;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * Whether a test declares namespaces of its own, read from its declarations rather than from what
 * has been resolved so far, so the answer does not depend on the order JUnit resolves parameters in.
 */
final class TestScope {

    private TestScope() {}

    /** The first per-test {@link KvNamespace} declaration of the test, described for messages. */
    static Optional<String> firstOwnNamespace(ExtensionContext context) {
        Class<?> testClass = context.getTestClass().orElse(null);
        Method testMethod = context.getTestMethod().orElse(null);
        return RunCache.get(
                context, new Declared(testClass, testMethod), Optional.class, () -> find(testClass, testMethod));
    }

    private record Declared(Class<?> testClass, Method testMethod) {}

    private static Optional<String> find(Class<?> testClass, Method testMethod) {
        if (testMethod != null) {
            Optional<String> parameter = annotatedParameter(testMethod, "method");
            if (parameter.isPresent()) {
                return parameter;
            }
        }
        // The test class and, for @Nested, the enclosing classes whose instances the test also has.
        for (Class<?> type = testClass; type != null; type = enclosingInstanceClass(type)) {
            for (Field field : AnnotationSupport.findAnnotatedFields(
                    type,
                    KvNamespace.class,
                    field -> !Modifier.isStatic(field.getModifiers()),
                    HierarchyTraversalMode.TOP_DOWN)) {
                return Optional.of(describe(field));
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                Optional<String> parameter = annotatedParameter(constructor, "constructor");
                if (parameter.isPresent()) {
                    return parameter;
                }
            }
            List<Method> lifecycle = new ArrayList<>();
            lifecycle.addAll(
                    AnnotationSupport.findAnnotatedMethods(type, BeforeEach.class, HierarchyTraversalMode.TOP_DOWN));
            lifecycle.addAll(
                    AnnotationSupport.findAnnotatedMethods(type, AfterEach.class, HierarchyTraversalMode.TOP_DOWN));
            for (Method method : lifecycle) {
                Optional<String> parameter = annotatedParameter(method, "method");
                if (parameter.isPresent()) {
                    return parameter;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> annotatedParameter(Executable executable, String kind) {
        for (Parameter parameter : executable.getParameters()) {
            Optional<KvNamespace> annotation = AnnotationSupport.findAnnotation(parameter, KvNamespace.class);
            if (annotation.isPresent()) {
                return Optional.of(describe(annotation.get(), parameter, kind));
            }
        }
        return Optional.empty();
    }

    private static Class<?> enclosingInstanceClass(Class<?> type) {
        return type.isMemberClass() && !Modifier.isStatic(type.getModifiers()) ? type.getEnclosingClass() : null;
    }

    static String describe(Field field) {
        KvNamespace annotation =
                AnnotationSupport.findAnnotation(field, KvNamespace.class).orElse(null);
        return (annotation == null ? "@KvClock" : "@KvNamespace(\"" + annotation.value() + "\")") + " on field ["
                + field + "]";
    }

    private static String describe(KvNamespace annotation, Parameter parameter, String kind) {
        return "@KvNamespace(\"" + annotation.value() + "\") on parameter [" + parameter + "] in " + kind + " ["
                + parameter.getDeclaringExecutable().toGenericString() + "]";
    }
}
