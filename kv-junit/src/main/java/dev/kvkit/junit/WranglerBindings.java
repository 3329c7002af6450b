package dev.kvkit.junit;

import dev.kvkit.fake.WranglerConfig;
import dev.kvkit.fake.WranglerConfig.KvNamespaceBinding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Checks binding names against the wrangler configuration in force. Each file is parsed once per
 * engine run and kept in the root context's store, so hundreds of tests cost one parse.
 */
final class WranglerBindings {

    private WranglerBindings() {}

    /**
     * Returns the configured binding for a declaration, or empty when no wrangler configuration is in
     * use.
     */
    static Optional<KvNamespaceBinding> check(
            NamespaceDeclaration declaration, Settings settings, ExtensionContext context) {
        Optional<WranglerConfig> config = config(settings, context);
        if (config.isEmpty()) {
            if (settings.environment() != null) {
                throw new ExtensionConfigurationException("The wrangler environment \"" + settings.environment()
                        + "\" is selected but no wrangler configuration is in use (" + where(settings) + ")");
            }
            return Optional.empty();
        }
        try {
            return Optional.of(config.get().kvNamespace(declaration.binding(), settings.environment()));
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(declaration.describe() + ": " + e.getMessage(), Causes.beyond(e));
        }
    }

    private static String where(Settings settings) {
        Settings.WranglerLocation location = settings.wranglerConfig();
        if (location.equals(Settings.WranglerLocation.NONE)) {
            return KvNamespace.WRANGLER_CONFIG_PROPERTY_NAME + " is none";
        }
        return "no " + String.join(", ", WranglerConfig.FILE_NAMES) + " in "
                + Path.of("").toAbsolutePath();
    }

    private static Optional<WranglerConfig> config(Settings settings, ExtensionContext context) {
        Settings.WranglerLocation location = settings.wranglerConfig();
        Optional<Path> file;
        if (location.equals(Settings.WranglerLocation.NONE)) {
            file = Optional.empty();
        } else if (location.equals(Settings.WranglerLocation.AUTO)) {
            Path directory = Path.of("").toAbsolutePath();
            file = found(context, directory);
        } else {
            if (!Files.isRegularFile(location.file())) {
                throw new ExtensionConfigurationException("The wrangler configuration " + location.file()
                        + " does not exist (resolved against " + Path.of("").toAbsolutePath() + ")");
            }
            file = Optional.of(location.file());
        }
        return file.map(path -> read(path.toAbsolutePath().normalize(), context));
    }

    private static WranglerConfig read(Path file, ExtensionContext context) {
        return RunCache.get(context, new ConfigKey(file), WranglerConfig.class, () -> parse(file));
    }

    private static WranglerConfig parse(Path file) {
        try {
            return WranglerConfig.read(file);
        } catch (RuntimeException e) {
            throw new ExtensionConfigurationException(
                    "Could not use the wrangler configuration: " + e.getMessage(), Causes.beyond(e));
        }
    }

    @SuppressWarnings("unchecked")
    private static Optional<Path> found(ExtensionContext context, Path directory) {
        return RunCache.get(context, new LookupIn(directory), Optional.class, () -> WranglerConfig.find(directory));
    }

    private record ConfigKey(Path file) {}

    private record LookupIn(Path directory) {}
}
