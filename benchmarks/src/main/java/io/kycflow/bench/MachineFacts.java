package io.kycflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The machine and software the figures were measured on.
 *
 * @param load        the 1-minute load average at the start and at the end: how quiet the machine was
 * @param javaVersion what {@code java -version} prints for the JVM the children ran on
 * @param commit      the commit measured, and whether the working tree had changes on top of it
 */
record MachineFacts(String date, String nproc, String cpuModel, String memory, String os, String load,
                    String javaVersion, String commit) {

    /** The 1-minute load average from /proc/loadavg. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Collects the facts at the end of a run that started with {@code loadAtStart}. */
    static MachineFacts collect(Path java, String loadAtStart) {
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        String nproc = command(List.of("nproc")).orElse(Runtime.getRuntime().availableProcessors() + " (JVM)");
        String cpu = procField("/proc/cpuinfo", "model name").orElse("unknown");
        String memory = procField("/proc/meminfo", "MemTotal")
                .map(kb -> "%.1f GiB".formatted(Long.parseLong(kb.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                .orElse("unknown");
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
        String javaVersion = command(List.of(java.toString(), "-version")).orElse("unknown");
        String commit = command(List.of("git", "rev-parse", "--short", "HEAD"))
                .map(head -> head + command(List.of("git", "status", "--porcelain"))
                        .filter(changes -> !changes.isEmpty()).map(changes -> " with uncommitted changes").orElse(""))
                .orElse("unknown");
        String load = loadAtStart + " at the start, " + loadAverage() + " at the end";
        return new MachineFacts(date, nproc, cpu, memory, os, load, javaVersion, commit);
    }

    /** The value of the first "name : value" line of a /proc file. */
    private static Optional<String> procField(String file, String name) {
        try {
            return Files.readAllLines(Path.of(file)).stream()
                    .filter(line -> line.startsWith(name))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A command's output (stdout and stderr, trimmed), or empty when it fails or takes over 10 seconds. */
    private static Optional<String> command(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            // These commands print little, far less than a pipe holds, so waiting before reading cannot block.
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.exitValue() == 0 ? Optional.of(output) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
