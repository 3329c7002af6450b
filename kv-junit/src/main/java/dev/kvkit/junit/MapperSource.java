package dev.kvkit.junit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kvkit.KvJsonCodec;
import dev.kvkit.fake.FakeKvNamespace;
import java.lang.reflect.InvocationTargetException;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Where the namespaces' JSON mapping comes from: a mapper or codec handed to {@link
 * KvExtension.Builder#objectMapper} or {@link KvExtension.Builder#jsonCodec}, or a supplier class
 * named by {@link KvTest#objectMapper()} or {@link KvNamespace#OBJECT_MAPPER_SUPPLIER_PROPERTY_NAME}
 * that supplies a Jackson 2 {@code ObjectMapper}, a Jackson 3 {@code JsonMapper} or a {@link
 * KvJsonCodec}.
 *
 * @param instance an {@code ObjectMapper} or a {@code KvJsonCodec}, or null for a supplier class
 */
record MapperSource(Object instance, Class<?> supplier, String origin) {

    /** What a supplier may supply, for messages. */
    static final String ALLOWED = "a Jackson 2 ObjectMapper, a Jackson 3 JsonMapper or a KvJsonCodec";

    private static final String JACKSON3_JSON_MAPPER = "tools.jackson.databind.json.JsonMapper";

    static MapperSource of(ObjectMapper mapper) {
        return new MapperSource(mapper, null, "KvExtension.builder().objectMapper(...)");
    }

    static MapperSource of(KvJsonCodec codec) {
        return new MapperSource(codec, null, "KvExtension.builder().jsonCodec(...)");
    }

    /** A supplier class from an annotation; {@code null} when the attribute is left unset. */
    static MapperSource ofAnnotation(Class<?> supplier, String origin) {
        return supplier == UnsetObjectMapper.class ? null : new MapperSource(null, supplier, origin);
    }

    static MapperSource ofClassName(String className, ClassLoader loader) {
        try {
            return new MapperSource(
                    null,
                    Class.forName(className, false, loader),
                    "configuration parameter " + KvNamespace.OBJECT_MAPPER_SUPPLIER_PROPERTY_NAME);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException(
                    "the fully qualified name of a class on the test class path that implements"
                            + " Supplier<T>, T being " + ALLOWED + "; " + className + " cannot be loaded (" + e + ")",
                    e);
        }
    }

    /**
     * Gives a namespace builder the mapper or codec; a supplier class is asked once per run, and a
     * Jackson 3 mapper it supplies becomes one codec for the run.
     */
    void applyTo(FakeKvNamespace.Builder builder, ExtensionContext context) {
        Object made = instance != null
                ? instance
                : RunCache.get(context, new SupplierKey(supplier), Object.class, this::supply);
        if (made instanceof ObjectMapper mapper) {
            builder.objectMapper(mapper);
        } else {
            builder.jsonCodec((KvJsonCodec) made);
        }
    }

    private record SupplierKey(Class<?> supplier) {}

    /** An {@code ObjectMapper} or a {@code KvJsonCodec}. */
    private Object supply() {
        if (!Supplier.class.isAssignableFrom(supplier)) {
            throw refused("does not implement java.util.function.Supplier");
        }
        Object made;
        try {
            var constructor = supplier.getDeclaredConstructor();
            constructor.setAccessible(true);
            made = ((Supplier<?>) constructor.newInstance()).get();
        } catch (NoSuchMethodException e) {
            throw refused("has no constructor without parameters");
        } catch (InvocationTargetException e) {
            throw refused("threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw refused("could not supply a mapper: " + e, e);
        }
        if (made instanceof ObjectMapper || made instanceof KvJsonCodec) {
            return made;
        }
        if (made != null && isJackson3JsonMapper(made.getClass())) {
            // Named only here, and loaded only when a Jackson 3 mapper was supplied.
            return Jackson3Codecs.of(made);
        }
        throw refused(
                "returned " + (made == null ? "null" : "a " + made.getClass().getName()) + " instead of " + ALLOWED);
    }

    /** By name, so that a class path without Jackson 3 never loads it. */
    private static boolean isJackson3JsonMapper(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(JACKSON3_JSON_MAPPER)) {
                return true;
            }
        }
        return false;
    }

    private ExtensionConfigurationException refused(String why) {
        return refused(why, null);
    }

    private ExtensionConfigurationException refused(String why, Throwable cause) {
        return new ExtensionConfigurationException(
                "The mapper supplier " + supplier.getName() + " named by " + origin + " " + why
                        + "; name a class with a no-argument constructor that implements Supplier<T>, T being "
                        + ALLOWED,
                cause);
    }

    @Override
    public String toString() {
        if (instance instanceof ObjectMapper) {
            return "an ObjectMapper instance";
        }
        return instance != null ? instance.toString() : supplier.getName();
    }
}
