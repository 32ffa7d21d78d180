package io.kycflow.bench;

import io.kycflow.sanctions.ParsedList;
import io.kycflow.screening.ScreeningIndex;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * {@code ./kycflow bench screening [--data DIR]}: runs the sanctions screening JMH benchmarks ({@link ScreenBenchmark},
 * {@link IndexBenchmark}, {@link SnapshotColdLoadBenchmark}) with modest settings (one fork, a few short iterations,
 * and a few fresh JVMs for the cold load; about three minutes) and writes their figures into the "Sanctions
 * screening" section of docs/PERFORMANCE.md ({@link ReportSection#SCREENING}), leaving the rest of the file as it
 * is. Runs from the project root.
 */
public final class ScreeningBench {

    private ScreeningBench() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of("").toAbsolutePath();
        Path data = args.length == 2 && args[0].equals("--data") ? Path.of(args[1]).toAbsolutePath()
                : SanctionsFiles.find(project.getParent());
        if (args.length != 0 && args.length != 2) {
            System.err.println("usage: ./kycflow bench screening [--data DIR]");
            System.exit(2);
        }
        String loadAtStart = MachineFacts.loadAverage();
        long started = System.nanoTime();
        List<ParsedList> lists = SanctionsFiles.parse(data);
        ScreeningIndex index = ScreeningIndex.build(lists);
        ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
        index.writeSnapshot(snapshot);
        Path snapshotFile = Files.createTempFile("kycflow-screening", ".idx");
        Files.write(snapshotFile, snapshot.toByteArray());
        Options options = new OptionsBuilder()
                .include(ScreenBenchmark.class.getName())
                .include(IndexBenchmark.class.getName())
                .include(SnapshotColdLoadBenchmark.class.getName())
                .jvmArgsAppend("-D" + SanctionsFiles.PROPERTY + "=" + data,
                        "-D" + SnapshotColdLoadBenchmark.PROPERTY + "=" + snapshotFile, "-Xmx2g")
                .build();
        Map<String, RunResult> results;
        try {
            results = new Runner(options).run().stream()
                    .collect(Collectors.toMap(r -> r.getParams().getBenchmark().replaceAll(".*\\.", ""), Function.identity()));
        } finally {
            Files.delete(snapshotFile);
        }
        MachineFacts machine = MachineFacts.collect(Path.of(System.getProperty("java.home"), "bin", "java"), loadAtStart);
        String section = render(results, index, snapshot.size(), machine, (System.nanoTime() - started) / 1_000_000_000);

        Path report = project.resolve("docs/PERFORMANCE.md");
        ReportSection.SCREENING.write(report, section);
        System.out.println("bench: wrote the sanctions screening section of " + project.relativize(report));
    }

    private static String render(Map<String, RunResult> results, ScreeningIndex index, int snapshotBytes,
            MachineFacts machine, long tookSeconds) {
        Statistics screen = statistics(results, "screen");
        StringBuilder out = new StringBuilder();
        out.append(ReportSection.SCREENING.begin()).append('\n');
        out.append("## Sanctions screening\n\n");
        out.append("""
                `ScreeningIndex` over the real OFAC SDN and UN consolidated lists (%,d entries, %,d names: primary names \
                and aliases). One screening scores the screened name against every name the candidate filter cannot \
                rule out, with results identical to scoring every name (`ScreeningEquivalenceTest`).

                | measurement | figure |
                |---|---|
                | screen one name, minimum score %s, single thread: median | %s |
                | screen one name: 99th percentile | %s |
                | screen one name: mean (%,d samples) | %s |
                | build the index from parsed lists | %s |
                | parse the list files and build the index | %s |
                | load the index from a snapshot, in a fresh JVM (first load, as a cold start) | %s |
                | load the index from a snapshot, warm JVM | %s |
                | snapshot size | %,d bytes |

                """.formatted(index.entryCount(), index.nameCount(),
                results.get("screen").getParams().getParam("minScore"),
                micros(screen.getPercentile(50)), micros(screen.getPercentile(99)), screen.getN(),
                micros(screen.getMean()),
                millis(results, "buildFromParsedLists"), millis(results, "parseAndBuildFromFiles"),
                millis(results, "loadSnapshotInFreshJvm"), millis(results, "loadSnapshot"), snapshotBytes));
        out.append("""
                Machine: %s processors (%s), %s, %s; load average %s. Commit %s. JVM:

                ```
                %s
                ```

                How: `./kycflow bench screening` (took %d s) runs JMH 1.37 through its Runner API, one fork per \
                benchmark. `ScreenBenchmark` (mode SampleTime, 3 warm-up iterations of 3 s, 5 measured of 4 s) \
                rotates through %d queries: listed names with a letter dropped, common names that are mostly not \
                listed, and names in Cyrillic, Arabic, Han, Hangul, Greek, Hebrew and Japanese scripts, which are \
                transliterated per query. `IndexBenchmark` (mode SingleShotTime, 2 warm-up and 6 measured \
                invocations, mean shown) builds from the parsed lists, parses and builds from the files, and loads \
                a snapshot from memory. `SnapshotColdLoadBenchmark` (mode SingleShotTime, 8 forks of one invocation, \
                mean shown) loads a snapshot from memory once per fresh JVM that has run no screening code.

                Caveat: the machine is shared with other work (see the load average), so the figures are noisy and \
                on the slow side; rerun on a quiet machine for steadier numbers.
                """.formatted(machine.nproc(), machine.cpuModel(), machine.memory(), machine.os(), machine.load(),
                machine.commit(), machine.javaVersion().strip(), tookSeconds,
                ScreenBenchmark.QUERY_COUNT));
        out.append(ReportSection.SCREENING.end());
        return out.toString();
    }

    private static Statistics statistics(Map<String, RunResult> results, String benchmark) {
        RunResult result = results.get(benchmark);
        if (result == null) {
            throw new IllegalStateException("benchmark " + benchmark + " did not run; ran " + results.keySet());
        }
        return result.getPrimaryResult().getStatistics();
    }

    private static String millis(Map<String, RunResult> results, String benchmark) {
        return "%.0f ms".formatted(statistics(results, benchmark).getMean());
    }

    private static String micros(double micros) {
        return "%.2f ms".formatted(micros / 1000);
    }
}
