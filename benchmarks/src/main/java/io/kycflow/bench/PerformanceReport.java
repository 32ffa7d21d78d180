package io.kycflow.bench;

import io.kycflow.bench.ColdStartBenchmark.Result;
import io.kycflow.bench.runner.ColdStartRunner;
import io.kycflow.image.SampleDocuments;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/** Renders docs/PERFORMANCE.md from one run's figures: every number on the page comes from that run. */
final class PerformanceReport {
    static final double COLD_START_TARGET_MS = 1000;
    static final long ARTIFACT_TARGET_BYTES = 20_000_000;
    static final double JOURNEY_TARGET_MS = 1000;

    /** What one run measured, and how. */
    record Inputs(MachineFacts machine, List<String> jvmFlags, int runs, List<Result> coldStarts,
                  Map<String, ColdStartBenchmark.Artifact> artifacts, JourneyBenchmark.Results journeys, Duration took) {
    }

    private final Inputs in;
    private final List<Result> functions;
    private final Result hello;
    private final StringBuilder page = new StringBuilder();

    private PerformanceReport(Inputs in) {
        this.in = in;
        this.functions = in.coldStarts().stream().filter(r -> !r.target().bare()).toList();
        this.hello = in.coldStarts().stream().filter(r -> r.target().bare()).findFirst().orElseThrow();
    }

    static String render(Inputs in) {
        return new PerformanceReport(in).render();
    }

    private String render() {
        line("# kycflow performance");
        line("");
        line(("Written by `./kycflow bench` on %s (commit %s). Every figure on this page comes from that one run, "
                + "which took %d s; rerun it to refresh the page ([Rerun](#rerun)). The machine's load average was %s "
                + "on %s processors: anything else running slows these figures down and spreads them out.").formatted(
                in.machine().date(), in.machine().commit(), in.took().toSeconds(), in.machine().load(), in.machine().nproc()));
        summary();
        machine();
        coldStart();
        artifacts();
        journey();
        method();
        caveats();
        line("");
        line("## Rerun");
        line("");
        line("```bash");
        line("./kycflow bench                       # builds, measures, rewrites this page (a few minutes)");
        line("./kycflow bench --runs 9 --journeys 50   # more runs per cold start, more journeys");
        line("./kycflow bench --only aml-screening --runs 9   # one function's cold starts, printed; the page stays as it is");
        line("```");
        line("");
        line("Close other heavy work first: the figures are only as quiet as the machine. The harness is the "
                + "`benchmarks/` module (`io.kycflow.bench.Benchmarks`); `./kycflow test` does not run it. Its work "
                + "files (the artifacts' copies, the runner jar, the AppCDS archives, the children's stderr and the "
                + "in-process functions' logs) are left in `benchmarks/target/bench/`.");
        return page.toString();
    }

    // ---------------------------------------------------------------- sections

    private void summary() {
        section("Summary");
        line("| target | measured | met |");
        line("|---|---|---|");
        List<Result> journey = functions.stream().filter(r -> !r.target().listJob() && !r.target().screening()).toList();
        List<Result> screening = functions.stream().filter(r -> r.target().screening()).toList();
        List<Result> listJobs = functions.stream().filter(r -> r.target().listJob()).toList();
        line(("| each function's first response within 1.0 s (fresh JVM, template.yaml's JVM options): the journey and "
                + "API functions | %s | %s |").formatted(coldStartSummary(journey, Result::plain),
                coldStartVerdict(journey, Result::plain)));
        line(("| the same for the screening function, whose first response also waits for the published sanctions "
                + "index (a 2.8 MB snapshot) to be downloaded and decoded | %s | %s |").formatted(
                coldStartSummary(screening, Result::plain), coldStartVerdict(screening, Result::plain)));
        line(("| the same for the list jobs (list-ingest, list-refresh), whose first response is the whole job: "
                + "downloading, or parsing, indexing and publishing the lists | %s; init alone %s ms | %s |").formatted(
                coldStartSummary(listJobs, Result::plain),
                range(listJobs, Result::plain, list -> phase(list, ChildJvm.Run::initMs).median()),
                coldStartVerdict(listJobs, Result::plain)));
        line("| every function with an AppCDS archive of its own (measured as an option, not deployed) | %s | %s |"
                .formatted(coldStartSummary(functions, Result::cds), coldStartVerdict(functions, Result::cds)));
        Map.Entry<String, ColdStartBenchmark.Artifact> largest = in.artifacts().entrySet().stream()
                .max(Comparator.comparingLong(e -> e.getValue().bytes())).orElseThrow();
        line("| each deployment artifact 20 MB or less | largest %s MB (%s) | %s |".formatted(mb(largest.getValue().bytes()),
                largest.getKey(), verdict(largest.getValue().bytes() <= ARTIFACT_TARGET_BYTES)));
        Stats completed = Stats.of(in.journeys().measured().stream().map(JourneyBenchmark.Sample::completedAtMs).toList());
        line("| local journey: last upload to COMPLETE under 1 s | median %s ms, p95 %s ms, max %s ms over %d journeys | %s |"
                .formatted(ms(completed.median()), ms(completed.p95()), ms(completed.max()), completed.count(),
                        completed.max() < JOURNEY_TARGET_MS ? "yes, every journey"
                                : completed.p95() < JOURNEY_TARGET_MS ? "p95 yes, not every journey" : "**no**"));
    }

    private String coldStartSummary(List<Result> functions, Runs runs) {
        long everyRun = functions.stream().filter(r -> total(runs.of(r)).max() <= COLD_START_TARGET_MS).count();
        long byMedian = functions.stream().filter(r -> total(runs.of(r)).median() <= COLD_START_TARGET_MS).count();
        String over = functions.stream().filter(r -> total(runs.of(r)).max() > COLD_START_TARGET_MS)
                .map(r -> "%s median %s ms, max %s ms".formatted(r.target().label(), ms(total(runs.of(r)).median()),
                        ms(total(runs.of(r)).max())))
                .collect(Collectors.joining("; "));
        return "%d of %d samples within 1.0 s in every run, %d by median%s; bare JVM %s ms"
                .formatted(everyRun, functions.size(), byMedian, over.isEmpty() ? "" : "; over 1.0 s in a run: " + over,
                        ms(total(runs.of(hello)).median()));
    }

    /**
     * "yes" when every run of every sample is within the target; "by median" when each sample's median is (a single
     * run over it is the machine's noise as much as the function's); otherwise no.
     */
    private String coldStartVerdict(List<Result> functions, Runs runs) {
        if (functions.stream().allMatch(r -> total(runs.of(r)).max() <= COLD_START_TARGET_MS)) {
            return "yes";
        }
        return functions.stream().allMatch(r -> total(runs.of(r)).median() <= COLD_START_TARGET_MS)
                ? "by median; not in every run" : "**no**";
    }

    private void machine() {
        section("Machine");
        line("| | |");
        line("|---|---|");
        line("| date | %s |".formatted(in.machine().date()));
        line("| nproc | %s |".formatted(in.machine().nproc()));
        line("| CPU (/proc/cpuinfo) | %s |".formatted(in.machine().cpuModel()));
        line("| memory | %s |".formatted(in.machine().memory()));
        line("| OS | %s |".formatted(in.machine().os()));
        line("| load average (1 min) | %s |".formatted(in.machine().load()));
        line("| commit | %s |".formatted(in.machine().commit()));
        line("");
        line("`java -version` of the JVM every measured process ran on:");
        line("");
        line("```");
        line(in.machine().javaVersion());
        line("```");
    }

    private void coldStart() {
        section("1. Cold start per function");
        line(("Each row is one sample from `events/`, run in a fresh JVM %d times (after one discarded warm-up run) "
                + "with template.yaml's `JAVA_TOOL_OPTIONS` as JVM options: `%s`. Times are from just before the "
                + "process is started to the moment its response line is read. The phase columns are the medians of "
                + "each phase, so they add up to about, not exactly, the median. Every response was checked (column "
                + "\"checked\") and every run answered it.").formatted(in.runs(), String.join(" ", in.jvmFlags())));
        line("");
        coldStartTable(Result::plain, false);
        line("");
        line("Phases: **launch** is process creation, the `java` launcher and loading the JVM library, up to the JVM's "
                + "recorded start time; **JVM boot** is from there to `main` (VM and module system start-up, loading the "
                + "runner); **init** is loading the handler class and constructing it, SDK clients included (Lambda's "
                + "init phase); **first invocation** is the first `handleRequest`, the first SDK requests to the "
                + "embedded services included. **classes** counts the classes loaded by the end of the run, and **CPU** is "
                + "the CPU time all of the child's threads used by then (the JIT compiler and the garbage collector "
                + "run beside the main thread, so it can exceed the wall time; a run far slower than its CPU time "
                + "waited for a core).");
        line("");
        line(whereTheTimeGoes());

        subsection("With an AppCDS archive");
        line("The same runs with `-Xshare:on -XX:SharedArchiveFile=<function>.jsa` added: one dynamic archive per "
                + "deployment artifact, dumped with `-XX:ArchiveClassesAtExit` by one training run on the function's "
                + "first sample (so the second sample of submission-api and journey-recorder uses an archive trained "
                + "on the other one). `-Xshare:on` makes a run fail rather than silently run without its archive.");
        line("");
        coldStartTable(Result::cds, true);
        line("");
        line(appCdsEffect());
        afterPriming();

        List<Result> misses = functions.stream().filter(r -> total(r.plain()).max() > COLD_START_TARGET_MS).toList();
        if (!misses.isEmpty()) {
            subsection("Misses, and what would fix them");
            line("These samples have at least one run over 1.0 s without AppCDS (median, and where it goes):");
            line("");
            for (Result miss : misses) {
                line("- **%s**: median %s ms = launch %s + JVM boot %s + init %s + first invocation %s ms; with AppCDS %s ms."
                        .formatted(miss.target().label(), ms(total(miss.plain()).median()),
                                ms(phase(miss.plain(), ChildJvm.Run::launchMs).median()),
                                ms(phase(miss.plain(), ChildJvm.Run::vmMs).median()),
                                ms(phase(miss.plain(), ChildJvm.Run::initMs).median()),
                                ms(phase(miss.plain(), ChildJvm.Run::invokeMs).median()),
                                ms(total(miss.cds()).median())));
            }
            line("");
            line(PROPOSALS);
        }
    }

    /** The request-serving functions' first invocation after SnapStart priming, next to the cold one. */
    private void afterPriming() {
        subsection("After SnapStart priming");
        line(("template.yaml deploys every function with SnapStart: on AWS a cold start is a snapshot restore, then the "
                + "first invocation. Lambda takes the snapshot after init and after the handler's `prime()`, which "
                + "runs its hot path once. These runs stand in for that: a fresh JVM constructs the handler, calls "
                + "`prime()`, waits %d ms with connections kept alive for one second only (a restored snapshot's "
                + "connections are gone too, so the invocation opens new ones), then is timed on its first invocation. "
                + "The restore itself cannot be measured here (on AWS it is the `Restore Duration` of the REPORT log "
                + "line); add it to these figures. Same rounds, %d runs each.").formatted(
                ColdStartRunner.PRIMED_PAUSE_MS, in.runs()));
        line("");
        line("| function | sample | first invocation, cold: median | after priming: min | median | max |");
        line("|---|---|--:|--:|--:|--:|");
        for (Result result : in.coldStarts()) {
            if (result.primed().isEmpty()) {
                continue;
            }
            Stats primed = phase(result.primed(), ChildJvm.Run::invokeMs);
            line("| %s | `%s` | %s | %s | %s | %s |".formatted(result.target().function(), result.target().event(),
                    ms(phase(result.plain(), ChildJvm.Run::invokeMs).median()), ms(primed.min()), ms(primed.median()),
                    ms(primed.max())));
        }
    }

    private void coldStartTable(Runs runs, boolean withArchive) {
        line("| function | sample | checked | min | median | max | within 1.0 s | launch | JVM boot | init | first invocation | classes | CPU |"
                + (withArchive ? " archive MB |" : ""));
        line("|---|---|---|--:|--:|--:|---|--:|--:|--:|--:|--:|--:|" + (withArchive ? "--:|" : ""));
        for (Result result : in.coldStarts()) {
            List<ChildJvm.Run> list = runs.of(result);
            Stats total = total(list);
            boolean bare = result.target().bare();
            line("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%s".formatted(
                    bare ? "hello world" : result.target().function(),
                    bare ? "(bare JVM)" : "`" + result.target().event() + "`",
                    result.target().expectation(),
                    ms(total.min()), ms(total.median()), ms(total.max()),
                    total.max() <= COLD_START_TARGET_MS ? "yes"
                            : total.median() <= COLD_START_TARGET_MS ? "median only" : "**no**",
                    ms(phase(list, ChildJvm.Run::launchMs).median()),
                    ms(phase(list, ChildJvm.Run::vmMs).median()),
                    bare ? "-" : ms(phase(list, ChildJvm.Run::initMs).median()),
                    bare ? "-" : ms(phase(list, ChildJvm.Run::invokeMs).median()),
                    ms(phase(list, ChildJvm.Run::classes).median()),
                    ms(phase(list, ChildJvm.Run::cpuMs).median()),
                    withArchive ? " " + mb(result.archiveBytes()) + " |" : ""));
        }
    }

    private String whereTheTimeGoes() {
        return ("Where the time goes: the bare JVM answers in a median of %s ms (%s classes), and launch plus JVM boot "
                + "cost the functions about as much (%s ms). What makes the difference is init, %s ms, mostly class "
                + "loading and initialisation (the functions load %s classes) and building SDK clients, and the first "
                + "invocation, %s ms: the SDK's first requests (marshalling, endpoint rules, signing, a new HTTP "
                + "connection) and the function's own work, run once with the C1 compiler only. It is CPU work: the "
                + "functions use %s ms of CPU for their first response.").formatted(
                ms(total(hello.plain()).median()), ms(phase(hello.plain(), ChildJvm.Run::classes).median()),
                range(Result::plain, list -> phase(list, ChildJvm.Run::launchMs).median() + phase(list, ChildJvm.Run::vmMs).median()),
                range(Result::plain, list -> phase(list, ChildJvm.Run::initMs).median()),
                range(Result::plain, list -> phase(list, ChildJvm.Run::classes).median()),
                range(Result::plain, list -> phase(list, ChildJvm.Run::invokeMs).median()),
                range(Result::plain, list -> phase(list, ChildJvm.Run::cpuMs).median()));
    }

    private String appCdsEffect() {
        double least = Double.MAX_VALUE;
        double most = 0;
        for (Result result : functions) {
            double saved = 1 - total(result.cds()).median() / total(result.plain()).median();
            least = Math.min(least, saved);
            most = Math.max(most, saved);
        }
        return ("AppCDS cuts the functions' median first response by %.0f%% to %.0f%%: init falls from %s ms to %s ms "
                + "and the first invocation from %s ms to %s ms, because archived classes are mapped already parsed "
                + "and verified instead of being read from the jar. Whether this can be had on Lambda is discussed "
                + "below; with SnapStart, which the template enables, init is replaced by a snapshot restore anyway.")
                .formatted(100 * least, 100 * most,
                        range(Result::plain, list -> phase(list, ChildJvm.Run::initMs).median()),
                        range(Result::cds, list -> phase(list, ChildJvm.Run::initMs).median()),
                        range(Result::plain, list -> phase(list, ChildJvm.Run::invokeMs).median()),
                        range(Result::cds, list -> phase(list, ChildJvm.Run::invokeMs).median()));
    }

    private static final String PROPOSALS = """
            What would bring them under 1.0 s (proposals; nothing of this is implemented by the harness):

            1. **SnapStart with priming, as deployed.** template.yaml enables SnapStart on every function and each \
            handler primes its hot path before the snapshot (`JsonHandler.prime()`). On AWS a cold start is then a \
            snapshot restore plus the first invocation: the restore replaces the launch, JVM boot and init columns \
            above, and priming moves into the snapshot whatever part of the first-invocation column it exercises, \
            so it should make a harmless call through every client the function uses, not only DynamoDB. What is \
            left after priming is measured above ("After SnapStart priming"); the restore itself is not, measure it \
            on AWS (`Restore Duration` in the REPORT log line).
            2. **AppCDS, measured above.** Lambda honours `JAVA_TOOL_OPTIONS`, so \
            `-XX:SharedArchiveFile=/var/task/<function>.jsa` can be deployed, without SnapStart. Two conditions, not \
            yet verified on AWS: the archive must be dumped by the same JDK build as the Lambda java21 runtime's \
            (otherwise the JVM ignores it, silently under the default `-Xshare:auto`), for instance in the \
            `public.ecr.aws/lambda/java:21` image; and CDS archives only classes loaded from jars, while Lambda \
            unpacks a jar CodeUri into `/var/task`, so the function would ship as a zip with its jar under `lib/`.
            3. **Less work per cold start: done so far, and what is left.** The functions build Step Functions \
            clients and the S3 presigner on first use (document-check never builds one), resolve DynamoDB and Step \
            Functions endpoints without the SDK's rules engine, share one HTTP client (and so one TLS set-up) among \
            their SDK clients, read and write JSON without an `ObjectMapper`, and load the request-signing, TLS, HTTP \
            and image classes on a spare core while the constructor builds its clients (`io.kycflow.aws.ColdStart`). \
            On that core the journey and API functions also make the SDK requests of their first invocation, on \
            clients whose HTTP client answers without connecting (`ColdStart.warmRequests`): the operations' model \
            classes, marshallers, endpoint rules and signing are loaded when the real request comes. Measured in \
            turn against the build without it (`--only F --against DIR`), it took 20-130 ms off their median first \
            response. aml-screening is left without it: its first response waits on the index loader, which a third \
            busy thread slowed down. \
            The screening functions load the published index on a thread of their own while the request is parsed \
            and claimed, and warm ICU's transliteration data only when priming the SnapStart snapshot. \
            A CPU profile (async-profiler, `--only <function> --flags -agentpath:...`) of what is left shows the AWS \
            SDK's own class loading and first requests at about half of a function's CPU and the C1 compiler at a \
            quarter; building clients side by side on two threads did not measurably help, since both cores are \
            busy already. The list functions' first response is their whole batch job (downloading, parsing and \
            indexing the lists, writing a 2.8 MB snapshot), not start-up overhead: their init column is in line \
            with the other functions'.""";


    private void artifacts() {
        section("2. Deployment artifacts");
        line("The shaded jar each function deploys (`functions/<name>/target/<name>.jar`, the SAM CodeUri); "
                + "MB here is 10^6 bytes, the stricter reading of the 20 MB target.");
        line("");
        line("| function | bytes | MB | 20 MB or less | AWS SDK service modules |");
        line("|---|--:|--:|---|---|");
        in.artifacts().forEach((function, artifact) -> line("| %s | %d | %s | %s | %s |".formatted(function,
                artifact.bytes(), mb(artifact.bytes()), artifact.bytes() <= ARTIFACT_TARGET_BYTES ? "yes" : "**no**",
                String.join(", ", artifact.sdkServices()))));
        line("");
        line("A smaller jar does not by itself start faster: classes are loaded when first used, not because they "
                + "are in the jar. What counts for cold start is the classes loaded (section 1).");
    }

    private void journey() {
        section("3. Local journey latency");
        JourneyBenchmark.Results journeys = in.journeys();
        line(("%d passport journeys, one after another, over HTTP on a `LocalRuntime` (in memory, free ports), after "
                + "%d warm-up journeys that are not counted. Each journey is driven as the end user would: create "
                + "(tenant key), consent, document choice, front upload (presigned PUT), wait for FACE_CAPTURE, selfie "
                + "upload, then the tenant polls the result; every journey ended Approved.")
                .formatted(journeys.measured().size(), journeys.warmUp().size()));
        line("");
        line("| ms | median | p95 | max |");
        line("|---|--:|--:|--:|");
        journeyRow("last upload to COMPLETE: selfie PUT returned to the journey's `completedAt`",
                JourneyBenchmark.Sample::completedAtMs);
        journeyRow("last upload to COMPLETED first seen by a %d ms poll of `GET /journeys/{id}`"
                .formatted(JourneyBenchmark.POLL_MILLIS), JourneyBenchmark.Sample::seenCompleteMs);
        journeyRow("document check step: front PUT returned to FACE_CAPTURE first seen by a %d ms poll of `/status`"
                .formatted(JourneyBenchmark.POLL_MILLIS), JourneyBenchmark.Sample::documentCheckMs);
        line("");
        line(("`completedAt` is written by the journey recorder with the same clock as the harness's, in the same "
                + "process, so the first row is exact to the millisecond. After the selfie's PUT, s3proxy emits the "
                + "ObjectCreated event, the upload function decodes the selfie and resumes the execution, and the "
                + "state machine has the recorder complete the journey. The warm-up journeys took %s ms (last upload "
                + "to COMPLETE) and %s ms (document check): the first journey in a fresh runtime pays for class "
                + "loading and JIT warm-up.").formatted(
                join(journeys.warmUp(), JourneyBenchmark.Sample::completedAtMs),
                join(journeys.warmUp(), JourneyBenchmark.Sample::documentCheckMs)));
    }

    private void journeyRow(String label, ToDoubleFunction<JourneyBenchmark.Sample> value) {
        Stats stats = Stats.of(in.journeys().measured().stream().map(value::applyAsDouble).toList());
        line("| %s | %s | %s | %s |".formatted(label, ms(stats.median()), ms(stats.p95()), ms(stats.max())));
    }

    private void method() {
        section("How the figures were obtained");
        line("""
                - Cold start: the harness JVM starts the embedded backends (`LocalBackends`: DynamoDB Local, s3proxy, \
                ElasticMQ; in memory) and a Step Functions endpoint (`LocalStepFunctions` + `SfnHttpEndpoint`) running \
                the unchanged `statemachines/journey.asl.json`, all on 127.0.0.1. Before every run it empties the \
                table and seeds exactly what that sample refers to: tenant `demo-tenant`, the authorizer sample's API \
                key, the front image at the bucket and key the upload sample names (that bucket is the child's \
                `KYCFLOW_BUCKET`), and journey `j-demo` in the state the sample needs (created; waiting for the front \
                with a real task token; front uploaded; front checked and selfie uploaded).
                - Each run is `java <JAVA_TOOL_OPTIONS> -cp functions/<name>/target/<name>.jar:runner.jar \
                io.kycflow.bench.runner.ColdStartRunner <handler> events/<sample>`, the artifacts being copied first \
                so that a rebuild during the benchmark changes nothing. The runner is one class in a jar of its own \
                (CDS will not dump an archive with a non-empty directory on the class path); it creates the handler \
                with its no-arg constructor, as Lambda does, calls `handleRequest(in, out, null)` once and prints the \
                response and its timestamps (JVM start from `RuntimeMXBean`, read after the response).
                - The child's environment is exactly what the functions read and nothing inherited: `KYCFLOW_TABLE`, \
                `KYCFLOW_BUCKET`, `KYCFLOW_STATE_MACHINE_ARN`, `AWS_ENDPOINT_URL_DYNAMODB`/`_S3`/`_SQS`/`_SFN`, \
                `AWS_REGION`, credentials, `KYCFLOW_S3_PATH_STYLE=true`, plus `KYCFLOW_CALLBACK_ALLOWLIST` naming the \
                create sample's callback host (so that it is not resolved by DNS) and `AWS_EC2_METADATA_DISABLED`.
                - Every response is checked (the "checked" column), including the effect where there is one: the \
                journey the create sample made reaches its wait for consent, and the execution the upload sample \
                resumed succeeds. A run that fails, times out (60 s) or answers anything else stops the benchmark.
                - Order: a warm-up run of every target, then one AppCDS training run per artifact, then rounds in \
                which every target runs once without and once with its archive, hello world included, so that \
                drifts in the machine's load spread over all of them.
                - Local journey: `LocalRuntime` with port 0 and no data directory, driven by `java.net.http` from \
                the same JVM; the images are `SampleDocuments.passport()` and `selfie()` from the shared test-jar.""");
    }

    private void caveats() {
        section("Caveats");
        line("""
                - These are JVM cold starts on this machine, not Lambda cold starts. They leave out the Lambda \
                runtime's own start-up and its Runtime API loop, and SnapStart (see above). Lambda gives a \
                function a share of a vCPU in proportion to its memory (a whole one at 1,769 MB; the template gives \
                1,024 MB, and 2,048 MB to the two document functions), so CPU-bound phases can take longer there. \
                The functions used %s ms of CPU for their first response here; if that were all on a 1,024 MB \
                share (0.58 of a vCPU), it alone would take about %s ms.""".formatted(
                range(Result::plain, list -> phase(list, ChildJvm.Run::cpuMs).median()),
                range(Result::plain, list -> phase(list, ChildJvm.Run::cpuMs).median() * 1769 / 1024)));
        line("""
                - The child shares this machine's %s processors with the harness, which answers its DynamoDB, S3 and \
                Step Functions requests in process; on AWS those are network round trips instead.
                - The JVM above is the build JDK; Lambda's java21 runtime runs Java 21, whose class loading and CDS \
                differ in detail. The children get this machine's default heap and garbage collector plus \
                template.yaml's options; the Lambda runtime adds options of its own.
                - The samples do the real work: document-check decodes and measures a %dx%d passport image in its \
                first invocation, with the C1 compiler only.
                - The journey figures are for a warm, single-user runtime; the 10 ms polls themselves add load."""
                .formatted(in.machine().nproc(), SampleDocuments.PASSPORT_WIDTH, SampleDocuments.PASSPORT_HEIGHT));
    }

    // ---------------------------------------------------------------- helpers

    /** Which of a result's two lists of runs. */
    @FunctionalInterface
    private interface Runs {
        List<ChildJvm.Run> of(Result result);
    }

    private static Stats total(List<ChildJvm.Run> runs) {
        return Stats.of(runs.stream().map(ChildJvm.Run::totalMs).toList());
    }

    private static Stats phase(List<ChildJvm.Run> runs, ToLongFunction<ChildJvm.Run> phase) {
        return Stats.of(runs.stream().map(phase::applyAsLong).toList());
    }

    /** "a-b": the least and greatest value over the functions' samples. */
    private String range(Runs runs, ToDoubleFunction<List<ChildJvm.Run>> value) {
        return range(functions, runs, value);
    }

    private static String range(List<Result> functions, Runs runs, ToDoubleFunction<List<ChildJvm.Run>> value) {
        double[] values = functions.stream().mapToDouble(r -> value.applyAsDouble(runs.of(r))).sorted().toArray();
        return ms(values[0]) + "-" + ms(values[values.length - 1]);
    }

    private static String join(List<JourneyBenchmark.Sample> samples, ToDoubleFunction<JourneyBenchmark.Sample> value) {
        return String.join(" and ", samples.stream().map(s -> ms(value.applyAsDouble(s))).toList());
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.0f", millis);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.2f", bytes / 1e6);
    }

    private static String verdict(boolean met) {
        return met ? "yes" : "**no**";
    }

    private void section(String title) {
        line("");
        line("## " + title);
        line("");
    }

    private void subsection(String title) {
        line("");
        line("### " + title);
        line("");
    }

    private void line(String text) {
        page.append(text).append('\n');
    }
}
