package dev.kvkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test of persistence: {@link KvApiServerMain} runs in a JVM of its own with {@code
 * --persist-to}, a load of concurrent writes and deletes (single and bulk) goes to it over
 * loopback, the process gets SIGKILL in the middle of it, and a new process on the same directory
 * must hold every acknowledged write and nothing else: each key is in the state of a write that was
 * sent and that no acknowledged write is known to have followed, and no key is there that nothing
 * wrote. Bounded: the load stops at the kill, which comes after a fixed number of acknowledgements
 * or 20 seconds, whichever is first.
 */
class PersistenceKillTest {

    private static final String ID = "0123456789abcdef0123456789abcdef";
    private static final int KEYS = 24;
    private static final int THREADS = 6;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 600;

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    @AfterEach
    void killProcesses() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** One request of the load, what it set each key to (null for a delete), and when. */
    static final class Write {
        final int id;
        final Map<String, String> states = new LinkedHashMap<>();
        final long sentNanos;
        volatile long acknowledgedNanos = Long.MAX_VALUE;

        Write(int id, long sentNanos) {
            this.id = id;
            this.sentNanos = sentNanos;
        }

        boolean acknowledged() {
            return acknowledgedNanos != Long.MAX_VALUE;
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesSigkillMidLoadAndNothingElseAppears() throws Exception {
        Started first = launch("--persist-to", dir.toString(), "--namespace", "LOAD=" + ID);
        String values = first.baseUrl + "/accounts/" + KvApiServer.DEFAULT_ACCOUNT_ID + "/storage/kv/namespaces/" + ID;

        ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        AtomicInteger ids = new AtomicInteger();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> load = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            Random random = new Random(42 + thread);
            load.add(pool.submit(() -> {
                while (!stop.get()) {
                    Write write = send(values, ids.incrementAndGet(), random, writes, unexpected);
                    if (write != null && write.acknowledged()) {
                        acknowledged.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (acknowledged.get() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        first.process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close()
        assertThat(first.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        stop.set(true);
        for (Future<?> thread : load) {
            thread.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(unexpected).isEmpty();
        assertThat(acknowledged.get()).isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);

        Started second = launch("--persist-to", dir.toString(), "--namespace", "LOAD=" + ID);
        String after = second.baseUrl + "/accounts/" + KvApiServer.DEFAULT_ACCOUNT_ID + "/storage/kv/namespaces/" + ID;
        assertThat(second.banner)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("# kept in " + dir.toAbsolutePath().normalize() + ": restored 1 namespace"));

        Set<String> listed = new TreeSet<>();
        request("GET", after + "/keys?limit=1000", null, null)
                .path("result")
                .forEach(key -> listed.add(key.path("name").asText()));
        Set<String> keySpace = new TreeSet<>();
        for (int k = 0; k < KEYS; k++) {
            keySpace.add("k" + k);
        }
        assertThat(keySpace).containsAll(listed); // nothing that was never written

        JsonNode stored = request(
                        "POST",
                        after + "/bulk/get",
                        "application/json",
                        "{\"keys\":["
                                + keySpace.stream().map(k -> "\"" + k + "\"").collect(Collectors.joining(","))
                                + "],\"withMetadata\":true}")
                .path("result")
                .path("values");
        List<String> violations = new ArrayList<>();
        for (String key : keySpace) {
            JsonNode item = stored.path(key);
            String value = item.isNull() || item.isMissingNode()
                    ? null
                    : item.path("value").asText();
            violations.addAll(check(key, value, item, List.copyOf(writes)));
            assertThat(listed.contains(key)).as(key).isEqualTo(value != null);
        }
        assertThat(violations).isEmpty();
    }

    /** Sends one random write; returns it, acknowledged or not, or null when nothing was sent. */
    private Write send(
            String namespace,
            int id,
            Random random,
            ConcurrentLinkedQueue<Write> writes,
            ConcurrentLinkedQueue<String> unexpected) {
        int kind = random.nextInt(100);
        String first = "k" + random.nextInt(KEYS);
        String second = "k" + random.nextInt(KEYS);
        String method;
        String path;
        String contentType;
        String body;
        Map<String, String> states = new LinkedHashMap<>();
        if (kind < 55) {
            method = "PUT";
            path = "/values/" + first + "?expiration_ttl=86400";
            contentType = "text/plain";
            body = "w" + id;
            states.put(first, body);
        } else if (kind < 75) {
            method = "DELETE";
            path = "/values/" + first;
            contentType = null;
            body = null;
            states.put(first, null);
        } else if (kind < 90) {
            method = "PUT";
            path = "/bulk";
            contentType = "application/json";
            body = "[{\"key\":\"" + first + "\",\"value\":\"w" + id + "-" + first + "\",\"metadata\":{\"write\":" + id
                    + "}},{\"key\":\"" + second + "\",\"value\":\"w" + id + "-" + second + "\",\"metadata\":{\"write\":"
                    + id + "}}]";
            // A key given twice: the later item wins.
            states.put(first, "w" + id + "-" + first);
            states.put(second, "w" + id + "-" + second);
        } else {
            method = "POST";
            path = "/bulk/delete";
            contentType = "application/json";
            body = "[\"" + first + "\",\"" + second + "\"]";
            states.put(first, null);
            states.put(second, null);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(namespace + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer t")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        Write write = new Write(id, System.nanoTime());
        write.states.putAll(states);
        writes.add(write); // before it is sent: from here on it may be applied
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                write.acknowledgedNanos = System.nanoTime();
            } else {
                unexpected.add(method + " " + path + ": " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            // Cut off by the kill, or sent after it: in flight, never acknowledged.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return write;
    }

    /**
     * Checks one key's state after the restart: it must be the state some sent write gave it (or
     * no value, if no write was ever acknowledged), and no acknowledged write that set another state
     * may have been sent after that write was acknowledged.
     */
    private static List<String> check(String key, String value, JsonNode item, List<Write> writes) {
        List<Write> touching =
                writes.stream().filter(w -> w.states.containsKey(key)).toList();
        List<Write> candidates = touching.stream()
                .filter(w -> java.util.Objects.equals(w.states.get(key), value))
                .toList();
        boolean initialPossible = value == null && touching.stream().noneMatch(Write::acknowledged);
        if (candidates.isEmpty() && !initialPossible) {
            return List.of(key + " holds " + value + ", which no write sent it");
        }
        for (Write candidate : candidates) {
            boolean overtaken = touching.stream()
                    .anyMatch(other -> other.acknowledged()
                            && !java.util.Objects.equals(other.states.get(key), value)
                            && other.sentNanos > candidate.acknowledgedNanos);
            if (!overtaken) {
                if (value != null && value.contains("-")) {
                    // A bulk write's metadata came with its value.
                    int write = item.path("metadata").path("write").asInt(-1);
                    if (write != candidate.id) {
                        return List.of(key + " holds the value of write " + candidate.id + " with metadata "
                                + item.path("metadata"));
                    }
                }
                return List.of();
            }
        }
        if (initialPossible) {
            return List.of();
        }
        Write last = touching.stream()
                .filter(Write::acknowledged)
                .max((a, b) -> Long.compare(a.sentNanos, b.sentNanos))
                .orElseThrow();
        return List.of(key + " holds " + value + " from write(s) "
                + candidates.stream().map(w -> w.id).toList() + ", but write " + last.id + " ("
                + last.states.get(key) + ") was acknowledged after it");
    }

    private JsonNode request(String method, String url, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer t")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ApiClient.JSON.readTree(response.body());
    }

    // ------------------------------------------------------------------ the command line, in a JVM of its own

    @Test
    void persistingWithoutTheSqliteDriverNamesItsCoordinatesWithoutAStackTrace() throws Exception {
        String withoutDriver = Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("sqlite-jdbc"))
                .collect(Collectors.joining(File.pathSeparator));

        Finished run = run(
                withoutDriver,
                "--port",
                "0",
                "--persist-to",
                dir.resolve("data").toString());

        assertThat(run.status).isEqualTo(1);
        assertThat(run.stderr)
                .isEqualTo("kvkit-server: Cannot persist to " + dir.resolve("data") + ": persistence needs SQLite's"
                        + " JDBC driver, which is not on the class path; add " + DataDirectory.DRIVER_COORDINATES
                        + " (kv-fake declares it optional, so it does not come along)\n");
    }

    @Test
    void aBadPersistenceDirectoryIsSaidWithoutAStackTrace() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");

        Finished run = run(System.getProperty("java.class.path"), "--port", "0", "--persist-to", file.toString());

        assertThat(run.status).isEqualTo(2);
        assertThat(run.stderr)
                .isEqualTo("kvkit-server: Cannot persist to " + file + ": it is a file, not a directory\n");
    }

    private record Started(Process process, String baseUrl, List<String> banner) {}

    private record Finished(int status, String stderr) {}

    private static List<String> command(String classPath, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(classPath);
        command.add(KvApiServerMain.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** Starts the emulator and reads its banner up to the admin line, which comes once it serves. */
    private Started launch(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--port", "0"));
        all.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command(System.getProperty("java.class.path"), all.toArray(String[]::new)));
        builder.redirectError(dir.resolve("stderr-" + processes.size() + ".log").toFile());
        Process process = builder.start();
        processes.add(process);
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<List<String>> banner = reader.submit(() -> {
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                List<String> lines = new ArrayList<>();
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                    if (line.startsWith("# admin routes")) {
                        return lines;
                    }
                }
                throw new IllegalStateException("The emulator stopped before serving: " + lines);
            });
            List<String> lines = banner.get(30, TimeUnit.SECONDS);
            String baseUrl = lines.stream()
                    .filter(line -> line.startsWith("export CLOUDFLARE_API_BASE_URL="))
                    .findFirst()
                    .orElseThrow()
                    .substring("export CLOUDFLARE_API_BASE_URL=".length());
            return new Started(process, baseUrl, lines);
        } finally {
            reader.shutdownNow();
        }
    }

    private Finished run(String classPath, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command(classPath, args));
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        processes.add(process);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Finished(process.exitValue(), stderr);
    }
}
