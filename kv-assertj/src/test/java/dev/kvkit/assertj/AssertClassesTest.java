package dev.kvkit.assertj;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.KvBinding;
import dev.kvkit.KvListPage;
import dev.kvkit.KvValueWithMetadata;
import dev.kvkit.fake.FakeKvLocation;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.KvEntry;
import dev.kvkit.server.ApiOperation;
import dev.kvkit.server.KvApiServer;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractAssert;
import org.junit.jupiter.api.Test;

/**
 * Soft assertions subclass every assert at run time, so every assert class must allow it: not
 * final, a public constructor taking exactly the actual type, and no final public assertion. This
 * test finds the assert classes from {@link KvAssertions} itself, so a new one cannot be missed.
 */
class AssertClassesTest {

    private final FakeKvNamespace kv = FakeKvNamespace.create();

    /** For each assert class: an actual, and an assertion on it that fails. */
    private final Map<Class<?>, Example> examples = new LinkedHashMap<>();

    record Example(Object actual, Consumer<Object> failingAssertion) {}

    {
        kv.put("user:42", "Ada");
        KvEntry entry = kv.entry("user:42").orElseThrow();
        examples.put(FakeKvNamespaceAssert.class, new Example(kv, a -> ((FakeKvNamespaceAssert) a).containsKey("k")));
        examples.put(
                KvNamespaceAtAssert.class,
                new Example(
                        new KvNamespaceAt(kv, Instant.parse("2030-01-01T00:00:00Z")),
                        a -> ((KvNamespaceAtAssert) a).isEmpty()));
        FakeKvLocation sydney = kv.location("syd");
        examples.put(
                FakeKvLocationAssert.class,
                new Example(sydney, a -> ((FakeKvLocationAssert) a).hasText("user:42", "Grace")));
        examples.put(KvBindingAssert.class, new Example(kv, a -> ((KvBindingAssert) a).hasSize(3)));
        examples.put(KvEntryAssert.class, new Example(entry, a -> ((KvEntryAssert) a).hasText("Grace")));
        examples.put(KvListPageAssert.class, new Example(kv.list(), a -> ((KvListPageAssert) a).isNotComplete()));
        examples.put(
                KvApiServerAssert.class,
                new Example(
                        KvApiServer.builder().build(), // not started: its journal is there, and empty
                        a -> ((KvApiServerAssert) a).hasReceived(ApiOperation.PUT_VALUE, 1)));
        examples.put(
                KvValueWithMetadataAssert.class,
                new Example(kv.getWithMetadata("nobody"), a -> ((KvValueWithMetadataAssert<?>) a).isPresent()));
    }

    @Test
    void everyAssertClassHasAnExampleHere() {
        assertThat(examples.keySet())
                .containsExactlyInAnyOrderElementsOf(entryPoints().values());
    }

    @Test
    void assertClassesAreOpenForProxies() {
        entryPoints().forEach((actualType, assertClass) -> {
            assertThat(Modifier.isFinal(assertClass.getModifiers()))
                    .as("%s is final", assertClass.getSimpleName())
                    .isFalse();
            assertThat(Arrays.stream(assertClass.getConstructors())
                            .filter(constructor ->
                                    Arrays.equals(constructor.getParameterTypes(), new Class<?>[] {actualType})))
                    .as(
                            "%s has a public constructor taking exactly %s",
                            assertClass.getSimpleName(), actualType.getSimpleName())
                    .hasSize(1);
            assertThat(finalPublicMethodsOfKvkit(assertClass))
                    .as("final public methods of %s", assertClass.getSimpleName())
                    .isEmpty();
        });
    }

    @Test
    void everyAssertClassWorksSoftly() throws ReflectiveOperationException {
        for (Map.Entry<Class<?>, Class<?>> entryPoint : entryPoints().entrySet()) {
            Class<?> assertClass = entryPoint.getValue();
            Example example = examples.get(assertClass);
            SoftKvAssertions softly = new SoftKvAssertions();
            Method softAssertThat = SoftKvAssertions.class.getMethod("assertThat", entryPoint.getKey());

            Object proxy = softAssertThat.invoke(softly, example.actual());
            example.failingAssertion().accept(proxy);

            assertThat(proxy).as("soft %s", assertClass.getSimpleName()).isInstanceOf(assertClass);
            assertThat(proxy.getClass()).isNotEqualTo(assertClass);
            assertThat(softly.errorsCollected())
                    .as("failures collected by soft %s", assertClass.getSimpleName())
                    .hasSize(1);
        }
    }

    @Test
    void softAndPlainEntryPointsCoverTheSameTypes() {
        List<Class<?>> soft = new ArrayList<>();
        for (Method method : SoftKvAssertionsProvider.class.getDeclaredMethods()) {
            if (method.getName().equals("assertThat")) {
                soft.add(method.getParameterTypes()[0]);
            }
        }
        assertThat(soft).containsExactlyInAnyOrderElementsOf(entryPoints().keySet());
        assertThat(entryPoints().keySet())
                .contains(
                        FakeKvNamespace.class,
                        FakeKvLocation.class,
                        KvBinding.class,
                        KvEntry.class,
                        KvListPage.class,
                        KvValueWithMetadata.class,
                        KvNamespaceAt.class);
    }

    /** Actual type to assert class, from the {@code assertThat} overloads of {@link KvAssertions}. */
    private static Map<Class<?>, Class<?>> entryPoints() {
        Map<Class<?>, Class<?>> entryPoints = new LinkedHashMap<>();
        for (Method method : KvAssertions.class.getDeclaredMethods()) {
            if (method.getName().equals("assertThat") && Modifier.isPublic(method.getModifiers())) {
                entryPoints.put(method.getParameterTypes()[0], method.getReturnType());
            }
        }
        return entryPoints;
    }

    private static List<String> finalPublicMethodsOfKvkit(Class<?> assertClass) {
        List<String> found = new ArrayList<>();
        for (Class<?> type = assertClass; type != AbstractAssert.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                int modifiers = method.getModifiers();
                if (Modifier.isPublic(modifiers) && Modifier.isFinal(modifiers)) {
                    found.add(type.getSimpleName() + "." + method.getName());
                }
            }
        }
        return found;
    }
}
