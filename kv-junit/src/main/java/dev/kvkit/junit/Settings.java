package dev.kvkit.junit;

import dev.kvkit.fake.KvLimits;
import dev.kvkit.fake.TestClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The class-wide settings from one source (a {@link KvTest}, a {@link KvExtension.Builder}, the
 * configuration parameters); {@code null} means the source does not set it. {@link #resolve} layers
 * the sources in their order of precedence.
 */
record Settings(
        Instant clockStart,
        WranglerLocation wranglerConfig,
        String environment,
        KvLimits limits,
        Boolean enforceWriteRate,
        Boolean listStressMode,
        MapperSource objectMapper,
        String origin) {

    static final String CLOUDFLARE = "cloudflare";
    static final String JSON_NATIVE = "json-native";

    static final Settings NONE = new Settings(null, null, null, null, null, null, null, "defaults");

    /** The settings in force for a test or class: builder or {@code @KvTest}, then configuration, then defaults. */
    static Settings resolve(ExtensionContext context, Settings programmatic) {
        return RunCache.get(
                context,
                new ResolvedFor(context.getTestClass().orElse(null), programmatic),
                Settings.class,
                () -> resolveUncached(context, programmatic));
    }

    /** What the settings of a class depend on: its annotations and the registered builder's settings. */
    private record ResolvedFor(Class<?> testClass, Settings programmatic) {}

    private static Settings resolveUncached(ExtensionContext context, Settings programmatic) {
        Settings annotated = KvTestLookup.find(context).map(Settings::of).orElse(NONE);
        Settings classLevel = programmatic == null ? annotated : programmatic.combine(annotated);
        Settings configured = configured(context);
        return new Settings(
                first(classLevel.clockStart, configured.clockStart, TestClock.DEFAULT_START),
                first(classLevel.wranglerConfig, configured.wranglerConfig, WranglerLocation.AUTO),
                first(classLevel.environment, configured.environment, null),
                first(classLevel.limits, configured.limits, KvLimits.cloudflare()),
                first(classLevel.enforceWriteRate, configured.enforceWriteRate, false),
                first(classLevel.listStressMode, configured.listStressMode, false),
                first(classLevel.objectMapper, configured.objectMapper, null),
                classLevel.origin);
    }

    private static <T> T first(T preferred, T configured, T fallback) {
        return preferred != null ? preferred : configured != null ? configured : fallback;
    }

    /** Both set the same setting: they must agree, or the user cannot tell which one wins. */
    private Settings combine(Settings other) {
        return new Settings(
                agree("clockStart", clockStart, other.clockStart, other),
                agree("wranglerConfig", wranglerConfig, other.wranglerConfig, other),
                agree("environment", environment, other.environment, other),
                agree("limits", limits, other.limits, other),
                agree("enforceWriteRate", enforceWriteRate, other.enforceWriteRate, other),
                agree("listStressMode", listStressMode, other.listStressMode, other),
                agree("objectMapper", objectMapper, other.objectMapper, other),
                origin);
    }

    private <T> T agree(String name, T mine, T theirs, Settings other) {
        if (mine != null && theirs != null && !mine.equals(theirs)) {
            throw new ExtensionConfigurationException("Conflicting kvkit settings for " + name + ": " + origin
                    + " sets " + mine + " but " + other.origin + " sets " + theirs + "; set it in one place");
        }
        return mine != null ? mine : theirs;
    }

    static Settings of(KvTestLookup.Found found) {
        KvTest kvTest = found.annotation();
        String origin = "@KvTest on " + found.declaredOn().getName();
        return new Settings(
                parseOrNull(
                        kvTest.clockStart(),
                        "@KvTest(clockStart) on " + found.declaredOn().getName(),
                        Settings::instant),
                parseOrNull(kvTest.wranglerConfig(), "@KvTest(wranglerConfig)", WranglerLocation::parse),
                parseOrNull(kvTest.environment(), "@KvTest(environment)", Function.identity()),
                parseOrNull(
                        kvTest.limits(),
                        "@KvTest(limits) on " + found.declaredOn().getName(),
                        Settings::limits),
                orProductionLike(
                        kvTest.enforceWriteRate().asBoolean(),
                        kvTest.productionLike().asBoolean()),
                orProductionLike(
                        kvTest.listStressMode().asBoolean(),
                        kvTest.productionLike().asBoolean()),
                MapperSource.ofAnnotation(
                        kvTest.objectMapper(),
                        "@KvTest(objectMapper) on " + found.declaredOn().getName()),
                origin);
    }

    private static Settings configured(ExtensionContext context) {
        return new Settings(
                parameter(context, KvNamespace.CLOCK_START_PROPERTY_NAME, Settings::instant),
                parameter(context, KvNamespace.WRANGLER_CONFIG_PROPERTY_NAME, WranglerLocation::parse),
                parameter(context, KvNamespace.WRANGLER_ENVIRONMENT_PROPERTY_NAME, Function.identity()),
                parameter(context, KvNamespace.LIMITS_PROPERTY_NAME, Settings::limits),
                orProductionLike(
                        parameter(context, KvNamespace.WRITE_RATE_ENFORCE_PROPERTY_NAME, Settings::onOff),
                        parameter(context, KvNamespace.PRODUCTION_LIKE_PROPERTY_NAME, Settings::onOff)),
                orProductionLike(
                        parameter(context, KvNamespace.LIST_STRESS_MODE_PROPERTY_NAME, Settings::onOff),
                        parameter(context, KvNamespace.PRODUCTION_LIKE_PROPERTY_NAME, Settings::onOff)),
                parameter(
                        context,
                        KvNamespace.OBJECT_MAPPER_SUPPLIER_PROPERTY_NAME,
                        name -> MapperSource.ofClassName(name, loader(context))),
                "configuration parameters");
    }

    /**
     * The production-like switch stands for the write rate and the list stress mode at once; a
     * switch its source sets on its own wins. Expanded per source, so a stronger source's
     * production-like switch beats a weaker source's single switch.
     */
    static Boolean orProductionLike(Boolean single, Boolean productionLike) {
        return single != null ? single : productionLike;
    }

    private static ClassLoader loader(ExtensionContext context) {
        return context.getTestClass()
                .map(Class::getClassLoader)
                .orElse(Thread.currentThread().getContextClassLoader());
    }

    private static <T> T parameter(ExtensionContext context, String key, Function<String, T> parser) {
        Optional<String> raw = context.getConfigurationParameter(key);
        return raw.map(value -> parseOrNull(value, "configuration parameter " + key, parser))
                .orElse(null);
    }

    static <T> T parseOrNull(String raw, String key, Function<String, T> parser) {
        String value = raw.strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(
                    "Invalid value \"" + raw + "\" for " + key + "; allowed: " + e.getMessage(), Causes.beyond(e));
        }
    }

    /** Parses an instant; the exception's message is the allowed form. */
    static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("an ISO-8601 instant such as " + TestClock.DEFAULT_START, e);
        }
    }

    static KvLimits limits(String value) {
        switch (value) {
            case CLOUDFLARE:
                return KvLimits.cloudflare();
            case JSON_NATIVE:
                return KvLimits.jsonNative();
            default:
                throw new IllegalArgumentException(CLOUDFLARE + ", " + JSON_NATIVE);
        }
    }

    /** Parses a switch of a configuration parameter; the exception's message is the allowed values. */
    static Boolean onOff(String value) {
        // Strict, unlike Boolean.parseBoolean: "yes" or "on" silently meaning false would hide a typo.
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("true, false");
    }

    /** Where the wrangler configuration comes from: looked up, switched off, or a given file. */
    record WranglerLocation(String mode, Path file) {

        static final WranglerLocation AUTO = new WranglerLocation("auto", null);
        static final WranglerLocation NONE = new WranglerLocation("none", null);

        static WranglerLocation parse(String value) {
            switch (value) {
                case "auto":
                    return AUTO;
                case "none":
                    return NONE;
                default:
                    return file(Path.of(value));
            }
        }

        static WranglerLocation file(Path file) {
            return new WranglerLocation("file", Objects.requireNonNull(file, "file"));
        }

        @Override
        public String toString() {
            return file == null ? mode : file.toString();
        }
    }
}
