package io.kycflow.bench;

import io.kycflow.image.SampleDocuments;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code ./kycflow bench [--runs N] [--journeys N]}: times each function's cold start on its events/ sample and the
 * local journey's latency, and rewrites docs/PERFORMANCE.md with the figures. Runs from the project root once
 * everything is built ({@code ./mvnw -DskipTests install}); it takes a few minutes.
 */
public final class Benchmarks {
    private static final int DEFAULT_RUNS = 5;
    private static final int DEFAULT_JOURNEYS = 20;
    private static final int JOURNEY_WARM_UPS = 2;
    private static final String USAGE =
            "usage: ./kycflow bench [--runs 1-50] [--journeys 1-500] [--only function,... [--flags \"JVM options\"] [--against DIR] [--primed]]";

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        int runs = DEFAULT_RUNS;
        int journeys = DEFAULT_JOURNEYS;
        List<String> only = List.of();
        List<String> flags = List.of();
        Path against = null;
        boolean primed = false;
        try {
            for (int i = 0; i < args.length; i += 2) {
                String value = i + 1 < args.length ? args[i + 1] : "";
                switch (args[i]) {
                    case "--runs" -> runs = number(value, 50);
                    case "--journeys" -> journeys = number(value, 500);
                    case "--only" -> only = List.of(value.split(","));
                    case "--flags" -> flags = List.of(value.trim().split("\\s+"));
                    case "--against" -> against = Path.of(value).toAbsolutePath();
                    case "--primed" -> {
                        primed = true;
                        i--; // a flag without a value
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        Path project = Path.of("").toAbsolutePath();
        if (!Files.isRegularFile(project.resolve("template.yaml"))) {
            throw new IllegalStateException("run the benchmarks from the project root (where template.yaml is)");
        }
        Path workDir = recreate(project.resolve("benchmarks/target/bench"));
        if (!only.isEmpty()) {
            probe(project, workDir, only, runs, flags, against, primed);
            return;
        }
        Path report = project.resolve("docs/PERFORMANCE.md");
        long started = System.nanoTime();
        String loadAtStart = MachineFacts.loadAverage();

        PrintStream console = System.out;
        Consumer<String> progress = line -> console.println("bench: " + line);
        progress.accept("load average " + loadAtStart + " on " + Runtime.getRuntime().availableProcessors()
                + " processors; other work on the machine slows the figures down and spreads them out");
        PerformanceReport.Inputs inputs;
        // The functions running inside this JVM log a JSON line per step to stdout: keep them out of the progress.
        try (PrintStream functionLog = new PrintStream(Files.newOutputStream(workDir.resolve("functions.log")), true,
                StandardCharsets.UTF_8)) {
            System.setOut(functionLog);
            inputs = measure(project, workDir, runs, journeys, progress, started, loadAtStart);
        } finally {
            System.setOut(console);
        }
        // the screening and monitoring figures come from their own benchmarks: carry them over
        String rendered = PerformanceReport.render(inputs);
        String previous = Files.isRegularFile(report) ? Files.readString(report) : "";
        for (ReportSection section : ReportSection.ALL) {
            String page = rendered;
            rendered = section.in(previous).map(text -> section.replaceIn(page, text)).orElse(page);
        }
        Files.writeString(report, rendered);
        progress.accept("wrote " + project.relativize(report) + " in " + inputs.took().toSeconds() + " s");
    }

    private static PerformanceReport.Inputs measure(Path project, Path workDir, int runs, int journeys,
                                                    Consumer<String> progress, long started, String loadAtStart)
            throws Exception {
        byte[] passport = SampleDocuments.jpeg(SampleDocuments.passport());
        byte[] selfie = SampleDocuments.jpeg(SampleDocuments.selfie());
        List<String> jvmFlags = ColdStartBenchmark.templateJvmFlags(project);

        progress.accept("starting the embedded backends and the Step Functions endpoint");
        List<ColdStartBenchmark.Result> coldStarts;
        Map<String, ColdStartBenchmark.Artifact> artifacts;
        try (SampleEnvironment environment = new SampleEnvironment(project, passport)) {
            ColdStartBenchmark coldStart = new ColdStartBenchmark(project, environment, jvmFlags, workDir, progress);
            artifacts = coldStart.artifacts();
            coldStarts = coldStart.run(runs);
        }
        progress.accept("starting a LocalRuntime for the journeys");
        JourneyBenchmark.Results journeyResults = JourneyBenchmark.run(JOURNEY_WARM_UPS, journeys, passport, selfie, progress);
        MachineFacts machine = MachineFacts.collect(ChildJvm.JAVA, loadAtStart);
        return new PerformanceReport.Inputs(machine, jvmFlags, runs, coldStarts, artifacts, journeyResults,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * {@code --only}: the named functions' cold starts, printed, for a quick look; the report is left as it is.
     *
     * @param against a folder of other builds of the same artifacts ({@code <function>.jar}), run in turn with these;
     *                null for none
     */
    private static void probe(Path project, Path workDir, List<String> functions, int runs, List<String> flags,
                              Path against, boolean primed) throws Exception {
        PrintStream console = System.out;
        try (PrintStream functionLog = new PrintStream(Files.newOutputStream(workDir.resolve("functions.log")), true,
                StandardCharsets.UTF_8);
             SampleEnvironment environment = new SampleEnvironment(project,
                     SampleDocuments.jpeg(SampleDocuments.passport()))) {
            System.setOut(functionLog);
            new ColdStartBenchmark(project, environment, ColdStartBenchmark.templateJvmFlags(project), workDir,
                    line -> console.println("bench: " + line)).probe(functions, runs, flags, against, primed);
        } finally {
            System.setOut(console);
        }
    }

    /** Empties the work directory of an earlier run: its archives and jar copies would otherwise be in the way. */
    private static Path recreate(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    private static int number(String value, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("not a number from 1 to " + max + ": " + value);
    }
}
