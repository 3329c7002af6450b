package dev.kvkit.junit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.InvocationTargetException;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Where the namespaces' {@link ObjectMapper} comes from: a mapper handed to {@link
 * KvExtension.Builder#objectMapper}, or a {@code Supplier<ObjectMapper>} class named by {@link
 * KvTest#objectMapper()} or {@link KvNamespace#OBJECT_MAPPER_SUPPLIER_PROPERTY_NAME}.
 */
record MapperSource(ObjectMapper instance, Class<?> supplier, String origin) {

    static MapperSource of(ObjectMapper mapper) {
        return new MapperSource(mapper, null, "KvExtension.builder().objectMapper(...)");
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
                            + " Supplier<ObjectMapper>; " + className + " cannot be loaded (" + e + ")",
                    e);
        }
    }

    /** The mapper, made once per run for a supplier class. */
    ObjectMapper mapper(ExtensionContext context) {
        if (instance != null) {
            return instance;
        }
        return RunCache.get(context, new SupplierKey(supplier), ObjectMapper.class, this::supply);
    }

    private record SupplierKey(Class<?> supplier) {}

    private ObjectMapper supply() {
        if (!Supplier.class.isAssignableFrom(supplier)) {
            throw refused("does not implement java.util.function.Supplier<ObjectMapper>");
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
        if (!(made instanceof ObjectMapper)) {
            throw refused("returned "
                    + (made == null ? "null" : "a " + made.getClass().getName()) + " instead of an ObjectMapper");
        }
        return (ObjectMapper) made;
    }

    private ExtensionConfigurationException refused(String why) {
        return refused(why, null);
    }

    private ExtensionConfigurationException refused(String why, Throwable cause) {
        return new ExtensionConfigurationException(
                "The ObjectMapper supplier " + supplier.getName() + " named by " + origin + " " + why
                        + "; name a class with a no-argument constructor that implements Supplier<ObjectMapper>",
                cause);
    }

    @Override
    public String toString() {
        return instance != null ? "an ObjectMapper instance" : supplier.getName();
    }
}
