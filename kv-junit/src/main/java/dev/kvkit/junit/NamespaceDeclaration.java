package dev.kvkit.junit;

import dev.kvkit.fake.FakeKvLocation;
import dev.kvkit.fake.FakeKvNamespace;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * What one {@link KvNamespace} declaration asks for, with the element it stands on for messages. The
 * location is the declaration's own view of the namespace its binding name selects; the switches
 * are {@code null} when the declaration leaves them to the class settings.
 */
record NamespaceDeclaration(
        String binding,
        List<String> seeds,
        Instant clockStart,
        String location,
        Boolean enforceWriteRate,
        Boolean listStressMode,
        boolean remote,
        String element) {

    static NamespaceDeclaration of(KvNamespace annotation, String element) {
        String binding = annotation.value();
        if (binding.isBlank()) {
            throw new ExtensionConfigurationException(
                    "@KvNamespace on " + element + " needs a binding name, such as @KvNamespace(\"TODO\")");
        }
        Instant clockStart = Settings.parseOrNull(
                annotation.clockStart(), "@KvNamespace(clockStart) on " + element, Settings::instant);
        return new NamespaceDeclaration(
                binding,
                List.of(annotation.seed()),
                clockStart,
                annotation.location().isEmpty() ? null : annotation.location(),
                annotation.enforceWriteRate().asBoolean(),
                annotation.listStressMode().asBoolean(),
                annotation.remote(),
                element);
    }

    /**
     * Returns the namespace as this declaration sees it: the namespace itself, or one of its
     * locations, as the element's type asks.
     */
    Object view(FakeKvNamespace namespace, Class<?> type) {
        if (location == null) {
            return type == FakeKvLocation.class ? namespace.defaultLocation() : namespace;
        }
        try {
            return namespace.location(location);
        } catch (IllegalArgumentException e) {
            // The fake owns the rule for location names; this only says which declaration broke it.
            throw new ExtensionConfigurationException(describe() + ": " + e.getMessage(), Causes.beyond(e));
        }
    }

    /** The annotation as written, enough of it to find it: {@code @KvNamespace("TODO") on field [...]}. */
    String describe() {
        String annotation = location == null
                ? "@KvNamespace(\"" + binding + "\")"
                : "@KvNamespace(value = \"" + binding + "\", location = \"" + location + "\")";
        return annotation + " on " + element;
    }
}
