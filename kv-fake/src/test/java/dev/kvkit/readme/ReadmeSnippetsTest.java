package dev.kvkit.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README honest: every Java block in {@code README.md} is preceded by {@code <!--
 * snippet: NAME -->} and must equal, line for line, the region {@code // tag::NAME[]} ... {@code //
 * end::NAME[]} of a source file in the build (indentation removed). A README example is therefore
 * always code that compiles and, in a test, runs.
 */
class ReadmeSnippetsTest {

    private static final Pattern SNIPPET =
            Pattern.compile("<!-- snippet: ([\\w-]+) -->\\s*\\n```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("//\\s*tag::([\\w-]+)\\[]");

    /**
     * With {@code -Dkvkit.readme.update=true}, the test first rewrites every snippet of README.md from
     * its source region, then checks as usual: after changing a tagged example, run {@code ./mvnw -pl
     * kv-fake test -Dtest=ReadmeSnippetsTest -Dkvkit.readme.update=true} and review the diff.
     */
    static final String UPDATE_PROPERTY = "kvkit.readme.update";

    @Test
    void everyJavaBlockOfTheReadmeIsTakenFromCompiledSource() throws IOException {
        Path root = projectRoot();
        Map<String, String> regions = taggedRegions(root);
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.writeString(
                    root.resolve("README.md"), withRegions(Files.readString(root.resolve("README.md")), regions));
        }
        String readme = Files.readString(root.resolve("README.md"));

        long javaBlocks = Pattern.compile("```java").matcher(readme).results().count();
        Matcher matcher = SNIPPET.matcher(readme);
        List<String> problems = new ArrayList<>();
        int checked = 0;
        while (matcher.find()) {
            checked++;
            String name = matcher.group(1);
            String block = matcher.group(2);
            String region = regions.get(name);
            if (region == null) {
                problems.add("README snippet '" + name + "' has no // tag::" + name + "[] region in any source");
            } else if (!region.equals(block)) {
                problems.add("README snippet '" + name + "' differs from its source region:\n--- README\n" + block
                        + "--- source\n" + region);
            }
        }
        assertThat(checked)
                .as("every ```java block in README.md needs a <!-- snippet: NAME --> line before it")
                .isEqualTo(javaBlocks);
        assertThat(problems).isEmpty();
        assertThat(checked).isPositive();
    }

    /** Replaces each snippet's block with its region; a snippet without a region is left for the check. */
    static String withRegions(String readme, Map<String, String> regions) {
        return SNIPPET.matcher(readme).replaceAll(match -> {
            String region = regions.get(match.group(1));
            String block = region == null ? match.group(2) : region;
            return Matcher.quoteReplacement("<!-- snippet: " + match.group(1) + " -->\n```java\n" + block + "```");
        });
    }

    @Test
    void updatingRewritesAStaleBlockFromItsRegionAndLeavesTheRestAlone() {
        String readme =
                "intro\n<!-- snippet: a -->\n```java\nold();\n```\n<!-- snippet: b -->\n```java\nkeep();\n```\n";

        String updated = withRegions(readme, Map.of("a", "fresh();\n"));

        assertThat(updated)
                .isEqualTo(
                        "intro\n<!-- snippet: a -->\n```java\nfresh();\n```\n<!-- snippet: b -->\n```java\nkeep();\n```\n");
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("README.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a directory above the module holding README.md").isNotNull();
        return dir;
    }

    private static Map<String, String> taggedRegions(Path root) throws IOException {
        Map<String, String> regions = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> file.toString().contains("/src/"))
                    .filter(file -> !file.toString().contains("/target/"))
                    .forEach(file -> regions.putAll(regions(file)));
        }
        return regions;
    }

    private static Map<String, String> regions(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> found = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher tag = TAG.matcher(lines.get(i));
            if (tag.find()) {
                String name = tag.group(1);
                String end = "end::" + name + "[]";
                List<String> body = new ArrayList<>();
                int j = i + 1;
                while (j < lines.size() && !lines.get(j).contains(end)) {
                    body.add(lines.get(j));
                    j++;
                }
                found.put(name, dedent(body));
            }
        }
        return found;
    }

    private static String dedent(List<String> lines) {
        int indent = lines.stream()
                .filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length())
                .min()
                .orElse(0);
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return text.toString();
    }
}
