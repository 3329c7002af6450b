package dev.kvkit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A one-line description of the machine a report was measured on. */
final class Machine {

    private Machine() {}

    static String describe() {
        return cpu() + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + memory() + "; "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + "; "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(line -> line.startsWith("MemTotal"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / (1024 * 1024) + " GiB RAM")
                    .findFirst()
                    .orElse("unknown RAM");
        } catch (IOException | RuntimeException e) {
            return "unknown RAM";
        }
    }
}
