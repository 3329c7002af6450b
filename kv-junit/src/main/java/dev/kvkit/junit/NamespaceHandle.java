package dev.kvkit.junit;

import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.WranglerConfig.KvNamespaceBinding;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** A namespace the extension created, with the declaration that created it and its wrangler binding. */
record NamespaceHandle(
        NamespaceDeclaration declaration, FakeKvNamespace namespace, Optional<KvNamespaceBinding> wrangler) {

    /**
     * A second declaration of the same binding name reaches the same namespace; it may not ask for
     * another seed, since the namespace exists already and the user would get a surprise.
     */
    void checkCompatible(NamespaceDeclaration other) {
        if (!other.seeds().isEmpty() && !other.seeds().equals(declaration.seeds())) {
            throw new ExtensionConfigurationException("Conflicting seeds for binding \"" + declaration.binding()
                    + "\": " + other.describe() + " asks for " + other.seeds() + " but " + declaration.describe()
                    + " created it with " + declaration.seeds()
                    + "; within a test one binding name is one namespace, so declare the seed once");
        }
        checkSwitch("enforceWriteRate", other, other.enforceWriteRate(), namespace.enforcesWriteRate());
        checkSwitch("listStressMode", other, other.listStressMode(), namespace.listStressMode());
    }

    /**
     * A switch is fixed when the namespace is built, so a declaration that sets it otherwise than
     * the namespace its binding name reaches cannot have its way; the test is refused rather than
     * run with a switch one of its declarations did not ask for.
     */
    private void checkSwitch(String name, NamespaceDeclaration other, Boolean asked, boolean actual) {
        if (asked != null && asked != actual) {
            throw new ExtensionConfigurationException("Conflicting " + name + " for binding \""
                    + declaration.binding() + "\": " + other.describe() + " asks for " + Toggle.of(asked) + " but "
                    + declaration.describe() + " created it with " + Toggle.of(actual)
                    + "; within a test one binding name is one namespace, so set " + name
                    + " alike on every declaration of \"" + declaration.binding() + "\", or once on @KvTest");
        }
    }
}
