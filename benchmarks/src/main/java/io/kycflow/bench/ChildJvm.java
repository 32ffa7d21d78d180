package io.kycflow.bench;

import io.kycflow.bench.runner.ColdStartRunner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Starts {@link ColdStartRunner} in a fresh JVM and times it from just before the process is started to the moment
 * its response line is read, together with the runner's own account of where that time went.
 */
final class ChildJvm {
    /** The children run on the harness's own JVM, the build JDK. */
    static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    /** Generous: a child that needs this long is broken, not slow. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private ChildJvm() {
    }

    /**
     * One child's first response.
     *
     * @param totalMs  process start to response line read, measured by the parent
     * @param launchMs process start to the JVM's recorded start time (fork, exec, launcher, loading libjvm)
     * @param vmMs     JVM start to {@code main} (VM and module system boot, loading the runner)
     * @param initMs   handler class loading, static init and constructor (the Lambda init phase)
     * @param invokeMs the first {@code handleRequest}, reading the event included
     * @param classes  classes loaded by the end, java.management's own included
     * @param cpuMs    CPU time of all the child's threads (JIT compiler and GC included) by the end
     */
    record Run(double totalMs, long launchMs, long vmMs, long initMs, long invokeMs, long classes, long cpuMs,
               String response) {
    }

    /**
     * Writes the runner, alone, to {@code dir/runner.jar}. A jar and not a class directory because CDS refuses to
     * dump an archive when a non-empty directory is on the class path.
     */
    static Path writeRunnerJar(Path dir) {
        String entry = ColdStartRunner.class.getName().replace('.', '/') + ".class";
        Path jar = dir.resolve("runner.jar");
        try (InputStream in = ChildJvm.class.getClassLoader().getResourceAsStream(entry);
             JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            if (in == null) {
                throw new IllegalStateException(entry + " is not on the harness's class path");
            }
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    /**
     * Runs the command with exactly {@code environment} (nothing inherited, as in Lambda) and waits for it to exit.
     * The child's stderr goes to {@code stderrLog}.
     *
     * @throws IllegalStateException when the child times out, fails or prints no response
     */
    static Run run(List<String> command, Map<String, String> environment, Path stderrLog) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderrLog.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);

        long startedMillis = System.currentTimeMillis();
        long startedNanos = System.nanoTime();
        Process process = builder.start();
        // Read on a platform thread, which stamps the response line the moment it arrives.
        FutureTask<Output> reading = new FutureTask<>(() -> Output.read(process.getInputStream()));
        Thread.ofPlatform().daemon().name("child-stdout").start(reading);
        Output output;
        try {
            output = reading.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new TimeoutException();
            }
        } catch (TimeoutException e) {
            throw failure("did not finish within " + TIMEOUT.toSeconds() + " s", command, stderrLog, List.of());
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read the child's output: " + command, e.getCause());
        } finally {
            process.destroyForcibly();
        }
        if (process.exitValue() != 0 || output.response() == null || output.timings() == null || output.timings().length != 6) {
            throw failure("exited with " + process.exitValue() + " without a complete answer", command, stderrLog, output.logs());
        }
        long[] t = output.timings();
        return new Run((output.respondedNanos() - startedNanos) / 1e6, t[0] - startedMillis, t[1] - t[0], t[2] - t[1],
                t[3] - t[2], t[4], t[5], output.response());
    }

    private static IllegalStateException failure(String what, List<String> command, Path stderrLog, List<String> logs) {
        String stderr;
        try {
            stderr = Files.readString(stderrLog);
        } catch (IOException e) {
            stderr = "(unreadable: " + e + ")";
        }
        return new IllegalStateException("child JVM " + what + ": " + String.join(" ", command)
                + "\nstdout:\n" + String.join("\n", logs) + "\nstderr:\n" + stderr);
    }

    /** What the child printed: its response (stamped when read), its timings and any other lines (logs). */
    private record Output(String response, long respondedNanos, long[] timings, List<String> logs) {

        static Output read(InputStream stdout) throws IOException {
            String response = null;
            long respondedNanos = 0;
            long[] timings = null;
            List<String> logs = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (response == null && line.startsWith(ColdStartRunner.RESPONSE)) {
                        respondedNanos = System.nanoTime();
                        response = line.substring(ColdStartRunner.RESPONSE.length());
                    } else if (line.startsWith(ColdStartRunner.TIMINGS)) {
                        String[] fields = line.substring(ColdStartRunner.TIMINGS.length()).trim().split(" ");
                        timings = new long[fields.length];
                        for (int i = 0; i < fields.length; i++) {
                            timings[i] = Long.parseLong(fields[i]);
                        }
                    } else {
                        logs.add(line);
                    }
                }
            }
            return new Output(response, respondedNanos, timings, logs);
        }
    }
}
