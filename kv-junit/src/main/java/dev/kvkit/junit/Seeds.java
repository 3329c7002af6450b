package dev.kvkit.junit;

import dev.kvkit.fake.FakeKvNamespace;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Stores the wrangler bulk files a declaration names into a new namespace, in order. */
final class Seeds {

    private Seeds() {}

    static void apply(NamespaceDeclaration declaration, FakeKvNamespace namespace, ClassLoader loader) {
        for (String resource : declaration.seeds()) {
            String name = resource.startsWith("/") ? resource.substring(1) : resource;
            try (InputStream in = loader.getResourceAsStream(name)) {
                if (in == null) {
                    throw new ExtensionConfigurationException("Seed resource \"" + resource + "\" of "
                            + declaration.describe() + " was not found on the classpath");
                }
                namespace.importBulk(in);
            } catch (IOException | UncheckedIOException e) {
                throw new ExtensionConfigurationException(
                        "Seed resource \"" + resource + "\" of " + declaration.describe() + " could not be read: " + e,
                        e);
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException(
                        "Seed resource \"" + resource + "\" of " + declaration.describe() + ": " + e.getMessage(),
                        Causes.beyond(e));
            }
        }
    }
}
