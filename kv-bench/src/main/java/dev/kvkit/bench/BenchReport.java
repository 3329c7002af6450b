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

    private BenchReport() {}

    /**
     * Runs the benchmarks and writes the report.
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
        OptionsBuilder builder = new OptionsBuilder();
        builder.include(System.getProperty(
                        "kvkit.bench.include", BenchReport.class.getPackageName() + "\\..*Benchmark\\..*"))
                .shouldFailOnError(true);
        if (smoke) {
            builder.warmupIterations(0)
                    .measurementIterations(1)
                    .measurementTime(org.openjdk.jmh.runner.options.TimeValue.milliseconds(200));
        }
        Options options = builder.build();
        Collection<RunResult> results = new Runner(options).run();
        if (smoke) {
            render(pair(results), started).lines().forEach(System.out::println);
            return;
        }
        double kvkitBytes = measureMemory("kvkit");
        double baselineBytes = measureMemory("baseline");

        List<Row> rows = pair(results);
        rows.add(new Row(
                "MemoryFootprint.retainedHeapPerEntry",
                "entries=" + MEMORY_ENTRIES,
                kvkitBytes,
                0,
                baselineBytes,
                0,
                "bytes/entry",
                false));
        String markdown = render(rows, started);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, markdown);
        System.out.println(markdown);
        if (rows.stream().anyMatch(row -> row.target() != null && !row.met())) {
            System.out.println("Some targets are missed; see the table.");
        }
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
            return null;
        }

        boolean met() {
            String target = target();
            if (target == null) {
                return true;
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

    private static String render(List<Row> rows, Instant started) {
        StringBuilder md = new StringBuilder();
        md.append("# kvkit benchmarks: latest run\n\n");
        md.append("Command: `").append(COMMAND).append("`  \n");
        md.append("Started: ")
                .append(started.truncatedTo(ChronoUnit.SECONDS))
                .append(", took ")
                .append(Math.round((Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0))
                .append(" s  \n");
        md.append("Machine: ").append(Machine.describe()).append("\n\n");
        md.append("Every kvkit figure stands next to its baseline from the same run. Ratio is kvkit / baseline: ")
                .append("for throughput (ops/us) higher is better, for time (us/op) and memory lower is better. ")
                .append("Errors are JMH's 99.9% confidence half-widths; the ratio's error combines both.\n\n");
        md.append("| benchmark | params | kvkit | ± | baseline | ± | unit | ratio | ± | target | met |\n");
        md.append("|---|---|---:|---:|---:|---:|---|---:|---:|---|---|\n");
        for (Row row : rows) {
            md.append("| ")
                    .append(row.benchmark())
                    .append(" | ")
                    .append(row.params())
                    .append(" | ")
                    .append(number(row.kvkit()))
                    .append(" | ")
                    .append(number(row.kvkitError()))
                    .append(" | ")
                    .append(number(row.baseline()))
                    .append(" | ")
                    .append(number(row.baselineError()))
                    .append(" | ")
                    .append(row.unit())
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", row.ratio()))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", row.ratioError()))
                    .append(" | ")
                    .append(row.target() == null ? "" : row.target())
                    .append(" | ")
                    .append(row.target() == null ? "" : row.met() ? "yes" : "**no**")
                    .append(" |\n");
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
