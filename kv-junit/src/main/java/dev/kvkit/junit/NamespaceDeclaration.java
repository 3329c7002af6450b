package dev.kvkit.junit;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * What one {@link KvNamespace} declaration asks for, with the element it stands on for messages.
 * Later options of the annotation (such as the location the namespace is seen from) belong here, so
 * that each field and parameter keeps its own view of the namespace its binding name selects.
 */
record NamespaceDeclaration(String binding, List<String> seeds, Instant clockStart, String element) {

    static NamespaceDeclaration of(KvNamespace annotation, String element) {
        String binding = annotation.value();
        if (binding.isBlank()) {
            throw new ExtensionConfigurationException(
                    "@KvNamespace on " + element + " needs a binding name, such as @KvNamespace(\"TODO\")");
        }
        Instant clockStart = Settings.parseOrNull(
                annotation.clockStart(), "@KvNamespace(clockStart) on " + element, Settings::instant);
        return new NamespaceDeclaration(binding, List.of(annotation.seed()), clockStart, element);
    }

    String describe() {
        return "@KvNamespace(\"" + binding + "\") on " + element;
    }
}
