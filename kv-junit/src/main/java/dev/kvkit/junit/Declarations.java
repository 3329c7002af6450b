package dev.kvkit.junit;

import dev.kvkit.fake.TestClock;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * What a test's parameters and fields declare to the extension, read by reflection once per run
 * ({@link RunCache}) instead of once per test.
 *
 * <p>Reading a parameter's annotations parses them anew on every call ({@code
 * Executable.getParameterAnnotations} keeps no copy), and finding a class's annotated fields walks
 * its hierarchy; with a {@code @RepeatedTest(2000)} that was most of what the extension cost per
 * test (ExtensionBenchmark). What is kept here depends only on the compiled classes, which do not
 * change during a run. The per-test work (namespaces, clocks, checks against the test's context)
 * stays in {@link KvExtension}.
 */
final class Declarations {

    private Declarations() {}

    /** What one parameter declares: which of kvkit's annotations it carries, and its name for messages. */
    record OfParameter(
            Optional<KvNamespace> namespace, Optional<KvApi> api, boolean clock, boolean testClock, String element) {

        /** Whether the extension resolves this parameter. */
        boolean claimed() {
            return namespace.isPresent() || api.isPresent() || clock || testClock;
        }
    }

    static OfParameter of(ParameterContext parameterContext, ExtensionContext context) {
        Parameter parameter = parameterContext.getParameter();
        return RunCache.get(
                context,
                new ParameterKey(parameter.getDeclaringExecutable(), parameterContext.getIndex()),
                OfParameter.class,
                () -> new OfParameter(
                        parameterContext.findAnnotation(KvNamespace.class),
                        parameterContext.findAnnotation(KvApi.class),
                        parameterContext.isAnnotated(KvClock.class),
                        parameter.getType() == TestClock.class,
                        element(parameter)));
    }

    /**
     * The declaration of a {@link KvNamespace} parameter; a declaration that is refused (a blank
     * binding name, say) is refused with the same error for every test.
     */
    static NamespaceDeclaration declaration(
            ExtensionContext context, Parameter parameter, int index, KvNamespace annotation, String element) {
        return RunCache.get(
                context,
                new DeclarationKey(parameter.getDeclaringExecutable(), index),
                NamespaceDeclaration.class,
                () -> NamespaceDeclaration.of(annotation, element));
    }

    /** The {@link KvNamespace} parameters of a test method, in order, with their indexes. */
    @SuppressWarnings("unchecked")
    static List<NamespaceParameter> namespaceParameters(ExtensionContext context, Method method) {
        return RunCache.get(context, new NamespaceParametersKey(method), List.class, () -> {
            List<NamespaceParameter> found = new ArrayList<>();
            Parameter[] parameters = method.getParameters();
            for (int i = 0; i < parameters.length; i++) {
                int index = i;
                AnnotationSupport.findAnnotation(parameters[i], KvNamespace.class)
                        .ifPresent(annotation -> found.add(new NamespaceParameter(
                                parameters[index], index, annotation, element(parameters[index]))));
            }
            return List.copyOf(found);
        });
    }

    record NamespaceParameter(Parameter parameter, int index, KvNamespace annotation, String element) {}

    /** What a class declares in fields of one kind (static or instance), found top-down. */
    record OfFields(
            List<AnnotatedField<KvNamespace>> namespaces,
            List<AnnotatedField<KvClock>> clocks,
            List<AnnotatedField<KvApi>> apis) {}

    record AnnotatedField<A>(Field field, A annotation) {}

    static OfFields fields(ExtensionContext context, Class<?> type, boolean statics) {
        return RunCache.get(context, new FieldsKey(type, statics), OfFields.class, () -> {
            Predicate<Field> kind = field -> java.lang.reflect.Modifier.isStatic(field.getModifiers()) == statics;
            List<AnnotatedField<KvNamespace>> namespaces = new ArrayList<>(annotated(type, KvNamespace.class, kind));
            // A declaration with a seed makes the namespace, so that one without (the same binding
            // typed KvBinding, say) reaches the seeded namespace instead of making an empty one first.
            namespaces.sort(
                    Comparator.comparing(declared -> declared.annotation().seed().length == 0));
            return new OfFields(
                    List.copyOf(namespaces), annotated(type, KvClock.class, kind), annotated(type, KvApi.class, kind));
        });
    }

    private static <A extends java.lang.annotation.Annotation> List<AnnotatedField<A>> annotated(
            Class<?> type, Class<A> annotation, Predicate<Field> kind) {
        List<AnnotatedField<A>> found = new ArrayList<>();
        for (Field field :
                AnnotationSupport.findAnnotatedFields(type, annotation, kind, HierarchyTraversalMode.TOP_DOWN)) {
            found.add(new AnnotatedField<>(
                    field, AnnotationSupport.findAnnotation(field, annotation).orElseThrow()));
        }
        return List.copyOf(found);
    }

    /** The declaration of a {@link KvNamespace} field, as {@link #declaration} is for a parameter. */
    static NamespaceDeclaration declaration(
            ExtensionContext context, AnnotatedField<KvNamespace> field, String element) {
        return RunCache.get(
                context,
                new FieldDeclarationKey(field.field()),
                NamespaceDeclaration.class,
                () -> NamespaceDeclaration.of(field.annotation(), element));
    }

    /** A parameter as messages name it: {@code parameter [...] in method [...]}. */
    private static String element(Parameter parameter) {
        Executable executable = parameter.getDeclaringExecutable();
        return "parameter [" + parameter + "] in " + (executable instanceof Constructor ? "constructor" : "method")
                + " [" + executable.toGenericString() + "]";
    }

    private record ParameterKey(Executable executable, int index) {}

    private record DeclarationKey(Executable executable, int index) {}

    private record NamespaceParametersKey(Method method) {}

    private record FieldsKey(Class<?> type, boolean statics) {}

    private record FieldDeclarationKey(Field field) {}
}
