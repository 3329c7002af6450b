package dev.kvkit.junit;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops a test run at its start when the JUnit Jupiter on the class path is older than kvkit's
 * extension needs, with a message naming both versions.
 *
 * <p>{@link KvExtension} implements an interface JUnit Jupiter added in 5.12. On an older Jupiter the
 * JVM cannot load it, and JUnit reports only {@code TypeNotPresentException: Type [unknown] not
 * present} for every class that uses {@link KvNamespace}. The JUnit Platform launcher finds this
 * listener through {@link java.util.ServiceLoader} ({@code META-INF/services}) and runs it before
 * any test class is read. It is not meant to be used directly.
 *
 * @since 0.1.0
 */
public final class JupiterVersionCheck implements LauncherSessionListener {

    /** The oldest JUnit Jupiter kvkit's extension runs on. */
    static final String MINIMUM = "5.12";

    /** The newest type of the Jupiter API the extension needs; it arrived in {@link #MINIMUM}. */
    private static final String NEWEST_TYPE_NEEDED = "org.junit.jupiter.api.extension.TestInstantiationAwareExtension";

    private static final String JUPITER_API_TYPE = "org.junit.jupiter.api.Test";

    /** Created by the JUnit Platform launcher. */
    public JupiterVersionCheck() {}

    /**
     * Fails the session when JUnit Jupiter is on the class path in a version older than 5.12; does
     * nothing when Jupiter is absent (a run of other engines only) or recent enough.
     *
     * @param session the session being opened
     * @throws IllegalStateException naming the Jupiter version found and the minimum
     */
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        ClassLoader loader = JupiterVersionCheck.class.getClassLoader();
        Class<?> jupiterApi = load(JUPITER_API_TYPE, loader);
        if (jupiterApi == null || load(NEWEST_TYPE_NEEDED, loader) != null) {
            return;
        }
        throw new IllegalStateException(tooOld(versionOf(jupiterApi)));
    }

    static String tooOld(String found) {
        return "kvkit's JUnit extension (dev.kvkit:kv-junit) needs JUnit Jupiter " + MINIMUM
                + " or later, but the class path has junit-jupiter-api " + found
                + ". Upgrade JUnit, for example by importing org.junit:junit-bom 5.14.x or 6.x in your build.";
    }

    static String versionOf(Class<?> jupiterApi) {
        Package pkg = jupiterApi.getPackage();
        String version = pkg == null ? null : pkg.getImplementationVersion();
        return version == null ? "(version unknown, older than " + MINIMUM + ")" : version;
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
