package dev.kvkit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs every benchmark, pairs each kvkit figure with its baseline from the same run, and writes a
 * markdown table of figures, JMH's error columns and ratios.
 *
 * <p>Run it with {@code ./mvnw -B -Pbench -pl kv-bench -am verify -DskipTests}; it writes {@code
 * kv-bench/results/latest.md}.
 */
public final class BenchReport {

    static final String COMMAND = "./mvnw -B -Pbench -pl kv-bench -am verify -DskipTests";
    static final int MEMORY_ENTRIES = 1_000_000;
    /** Marks a target on kvkit's own figure rather than on the ratio. */
    static final String ABSOLUTE = "kvkit ";
    /** The default include of the pom and of this class: a run of every benchmark. */
    private static final Set<String> EVERYTHING =
            Set.of("dev\\.kvkit\\.bench\\..*Benchmark\\..*", "dev.kvkit.bench\\..*Benchmark\\..*");

    private static final String MEMORY = "MemoryFootprint.retainedHeapPerEntry";
    private static final Pattern RUN_LINE =
            Pattern.compile("^(\\d+)\\. `(.*)`: started (\\S+), took (\\d+) s, on (.*)$");

    private BenchReport() {}

    /**
     * Runs the benchmarks and writes the report. A run of every benchmark writes a new report; a run
     * narrowed with {@code -Dkvkit.bench.include} replaces the rows it measured in the existing
     * report, keeps the others, and says which run each row comes from.
     *
     * @param args the report file to write
     * @throws RunnerException if JMH fails
     * @throws IOException if the report cannot be written
     * @throws InterruptedException if interrupted while measuring memory
     */
    public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
        Path output = Path.of(args.length > 0 ? args[0] : "kv-bench/results/latest.md");
        Instant started = Instant.now();
        // -Dkvkit.bench.include=REGEX narrows the run; -Dkvkit.bench.smoke=true runs each benchmark
        // once, briefly, to check the harness (its figures mean nothing and it writes no report).
        boolean smoke = Boolean.getBoolean("kvkit.bench.smoke");
        String include =
                System.getProperty("kvkit.bench.include", BenchReport.class.getPackageName() + "\\..*Benchmark\\..*");
        boolean everything = EVERYTHING.contains(include);
        OptionsBuilder builder = new OptionsBuilder();
        builder.include(include).shouldFailOnError(true);
        if (smoke) {
            builder.warmupIterations(0)
                    .measurementIterations(1)
                    .forks(1)
                    .measurementTime(org.openjdk.jmh.runner.options.TimeValue.milliseconds(200));
        }
        Options options = builder.build();
        Collection<RunResult> results = new Runner(options).run();
        List<Row> rows = pair(results);
        if (smoke) {
            render(List.of(), rows.stream().map(row -> row.cells("smoke")).toList())
                    .lines()
                    .forEach(System.out::println);
            return;
        }
        // Memory is measured by a full run, or by a narrowed one whose pattern names it.
        if (everything
                || Pattern.compile(include)
                        .matcher(BenchReport.class.getPackageName() + "." + MEMORY)
                        .find()) {
            double kvkitBytes = measureMemory("kvkit");
            double baselineBytes = measureMemory("baseline");
            rows.add(new Row(
                    MEMORY, "entries=" + MEMORY_ENTRIES, kvkitBytes, 0, baselineBytes, 0, "bytes/entry", false));
        }
        String command = everything ? COMMAND : COMMAND + " -Dkvkit.bench.include='" + include + "'";
        Run run = new Run(
                "", command, started.truncatedTo(ChronoUnit.SECONDS).toString(), seconds(started), Machine.describe());
        String markdown = everything || !Files.exists(output)
                ? render(
                        List.of(run.numbered("1")),
                        rows.stream().map(row -> row.cells("1")).toList())
                : merge(Files.readString(output), run, rows);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, markdown);
        System.out.println(markdown);
        if (rows.stream().anyMatch(row -> row.target() != null && !row.met())) {
            System.out.println("Some targets are missed; see the table.");
        }
    }

    private static long seconds(Instant started) {
        return Math.round((Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0);
    }

    private static double measureMemory(String side) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xms3g",
                        "-Xmx3g",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        MemoryFootprint.class.getName(),
                        side,
                        Integer.toString(MEMORY_ENTRIES))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(process.getInputStream().readAllBytes()).trim();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("Memory measurement of " + side + " failed");
        }
        return Double.parseDouble(out);
    }

    /** One kvkit figure and its baseline. Higher is better when {@code throughput}. */
    record Row(
            String benchmark,
            String params,
            double kvkit,
            double kvkitError,
            double baseline,
            double baselineError,
            String unit,
            boolean throughput) {

        /** The row as the report's cells, the last naming the run it comes from. */
        List<String> cells(String run) {
            return List.of(
                    benchmark,
                    params,
                    number(kvkit),
                    number(kvkitError),
                    number(baseline),
                    number(baselineError),
                    unit,
                    String.format(Locale.ROOT, "%.2f", ratio()),
                    String.format(Locale.ROOT, "%.2f", ratioError()),
                    target() == null ? "" : target(),
                    target() == null ? "" : met() ? "yes" : "**no**",
                    run);
        }

        double ratio() {
            return kvkit / baseline;
        }

        double ratioError() {
            double a = kvkit == 0 ? 0 : kvkitError / kvkit;
            double b = baseline == 0 ? 0 : baselineError / baseline;
            return ratio() * Math.sqrt(a * a + b * b);
        }

        /** The target for this figure: a bound on the ratio, or null when it has none. */
        String target() {
            String op = benchmark.substring(benchmark.indexOf('.') + 1);
            if (benchmark.startsWith("SingleKeyBenchmark.")
                    && (op.startsWith("GetHit")
                            || op.startsWith("GetMiss")
                            || op.startsWith("Put")
                            || op.startsWith("GetWithMetadata"))) {
                return ">= 0.50";
            }
            if (benchmark.startsWith("ListBenchmark.")) {
                return "<= 2.00";
            }
            if (benchmark.startsWith("ExtensionBenchmark.")) {
                return "<= 1.30";
            }
            if (benchmark.startsWith("MemoryFootprint.")) {
                return "<= 2.00";
            }
            // At least half the bare server's throughput; with one client thread, at most twice its latency.
            if (benchmark.startsWith("ApiServerBenchmark.")) {
                return throughput ? ">= 0.50" : "<= 2.00";
            }
            // Not a ratio: the emulator's own figure, under 100 ms once the JVM is up.
            if (benchmark.startsWith("StartupBenchmark.")) {
                return ABSOLUTE + "< 100 ms";
            }
            if (benchmark.startsWith("ClientBenchmark.")) {
                return "<= 1.20";
            }
            return null;
        }

        boolean met() {
            String target = target();
            if (target == null) {
                return true;
            }
            if (target.startsWith(ABSOLUTE)) {
                String[] bound = target.substring(ABSOLUTE.length()).split(" ");
                if (!unit.equals(bound[2] + "/op")) {
                    throw new IllegalStateException(benchmark + " is in " + unit + ", its target in " + bound[2]);
                }
                return kvkit < Double.parseDouble(bound[1]);
            }
            double bound = Double.parseDouble(target.substring(3));
            return target.startsWith(">=") ? ratio() >= bound : ratio() <= bound;
        }
    }

    private static List<Row> pair(Collection<RunResult> results) {
        Map<String, RunResult> kvkit = new LinkedHashMap<>();
        Map<String, RunResult> baseline = new LinkedHashMap<>();
        for (RunResult result : results) {
            String full = result.getParams().getBenchmark();
            String method = full.substring(full.lastIndexOf('.') + 1);
            String type = full.substring(0, full.lastIndexOf('.'));
            type = type.substring(type.lastIndexOf('.') + 1);
            String params = params(result);
            if (method.startsWith("kvkit")) {
                kvkit.put(type + "." + method.substring("kvkit".length()) + "|" + params, result);
            } else if (method.startsWith("baseline")) {
                baseline.put(type + "." + method.substring("baseline".length()) + "|" + params, result);
            }
        }
        List<Row> rows = new ArrayList<>();
        kvkit.forEach((id, mine) -> {
            RunResult theirs = baseline.get(id);
            if (theirs == null) {
                throw new IllegalStateException("No baseline for " + id);
            }
            Result<?> a = mine.getPrimaryResult();
            Result<?> b = theirs.getPrimaryResult();
            boolean throughput = a.getScoreUnit().startsWith("ops/");
            rows.add(new Row(
                    id.substring(0, id.indexOf('|')),
                    id.substring(id.indexOf('|') + 1),
                    a.getScore(),
                    a.getScoreError(),
                    b.getScore(),
                    b.getScoreError(),
                    a.getScoreUnit(),
                    throughput));
        });
        return rows;
    }

    private static String params(RunResult result) {
        List<String> parts = new ArrayList<>();
        for (String key : result.getParams().getParamsKeys()) {
            parts.add(key + "=" + result.getParams().getParam(key));
        }
        String threads = result.getParams().getThreads() > 1
                ? "threads=" + result.getParams().getThreads()
                : "";
        if (!threads.isEmpty()) {
            parts.add(threads);
        }
        return String.join(", ", parts);
    }

    /** A run that measured some of a report's rows. */
    record Run(String label, String command, String started, long seconds, String machine) {

        Run numbered(String number) {
            return new Run(number, command, started, seconds, machine);
        }

        String line() {
            return label + ". `" + command + "`: started " + started + ", took " + seconds + " s, on " + machine;
        }
    }

    /**
     * Replaces the rows of {@code existing} that {@code rows} measured again, keeps the others with
     * the run they came from, and lists the runs that still have rows. Reads reports written before
     * rows were labelled by run too: all their rows are from the one run their header names.
     */
    static String merge(String existing, Run run, List<Row> rows) {
        List<Run> runs = new ArrayList<>();
        String oldCommand = null;
        String oldStarted = null;
        long oldSeconds = 0;
        String oldMachine = null;
        Map<String, List<String>> kept = new LinkedHashMap<>();
        boolean labelled = false;
        for (String line : existing.split("\n")) {
            Matcher runLine = RUN_LINE.matcher(line);
            if (runLine.matches()) {
                runs.add(new Run(
                        runLine.group(1),
                        runLine.group(2),
                        runLine.group(3),
                        Long.parseLong(runLine.group(4)),
                        runLine.group(5)));
            } else if (line.startsWith("Command: `")) {
                oldCommand = line.substring("Command: `".length(), line.lastIndexOf('`'));
            } else if (line.startsWith("Started: ")) {
                String[] parts = line.substring("Started: ".length()).trim().split(", took | s");
                oldStarted = parts[0];
                oldSeconds = Long.parseLong(parts[1]);
            } else if (line.startsWith("Machine: ")) {
                oldMachine = line.substring("Machine: ".length()).trim();
            } else if (line.startsWith("| benchmark |")) {
                labelled = line.contains("| run |");
            } else if (line.startsWith("| ") && !line.startsWith("|---")) {
                List<String> cells = new ArrayList<>();
                for (String cell : line.substring(1, line.length() - 1).split("\\|", -1)) {
                    cells.add(cell.trim());
                }
                if (!labelled) {
                    cells.add("1");
                }
                kept.put(cells.get(0) + "|" + cells.get(1), cells);
            }
        }
        if (oldCommand != null) {
            runs.add(new Run("1", oldCommand, oldStarted, oldSeconds, oldMachine));
        }
        String label = Integer.toString(
                runs.stream().mapToInt(r -> Integer.parseInt(r.label())).max().orElse(0) + 1);
        for (Row row : rows) {
            kept.put(row.benchmark() + "|" + row.params(), row.cells(label));
        }
        runs.add(run.numbered(label));
        // Number the runs that still have rows 1, 2, ... in the order they were made.
        Map<String, String> renumber = new LinkedHashMap<>();
        List<Run> used = new ArrayList<>();
        for (Run each : runs) {
            if (kept.values().stream()
                    .anyMatch(cells -> cells.get(cells.size() - 1).equals(each.label()))) {
                String number = Integer.toString(used.size() + 1);
                renumber.put(each.label(), number);
                used.add(each.numbered(number));
            }
        }
        List<List<String>> table = new ArrayList<>();
        for (List<String> cells : kept.values()) {
            List<String> copy = new ArrayList<>(cells);
            copy.set(copy.size() - 1, renumber.get(copy.get(copy.size() - 1)));
            table.add(copy);
        }
        return render(used, table);
    }

    private static String render(List<Run> runs, List<List<String>> table) {
        StringBuilder md = new StringBuilder();
        md.append("# kvkit benchmarks: latest run\n\n");
        md.append(runs.size() == 1 ? "Every row comes from this run:" : "Rows come from these runs (column \"run\"):")
                .append("\n\n");
        for (Run run : runs) {
            md.append(run.line()).append("\n");
        }
        md.append("\n");
        md.append("Every kvkit figure stands next to its baseline from the same run. Ratio is kvkit / baseline: ")
                .append("for throughput (ops per time) higher is better, for time (us/op, ms/op) and memory lower is ")
                .append("better. Errors are JMH's 99.9% confidence half-widths; the ratio's error combines both. ")
                .append("A target that starts with \"kvkit\" bounds kvkit's own figure, not the ratio.\n\n");
        md.append("| benchmark | params | kvkit | ± | baseline | ± | unit | ratio | ± | target | met | run |\n");
        md.append("|---|---|---:|---:|---:|---:|---|---:|---:|---|---|---:|\n");
        for (List<String> cells : table) {
            md.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
        return md.toString();
    }

    private static String number(double value) {
        if (value == 0) {
            return "0";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
