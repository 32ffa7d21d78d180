package io.kycflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.bench.SampleEnvironment.Stage;
import io.kycflow.bench.runner.ColdStartRunner;
import io.kycflow.fn.amlscreening.AmlScreeningHandler;
import io.kycflow.fn.submissionapi.SubmissionApiHandler;
import io.kycflow.fn.authorizer.AuthorizerHandler;
import io.kycflow.fn.documentcheck.DocumentCheckHandler;
import io.kycflow.fn.listingest.ListIngestHandler;
import io.kycflow.fn.journeyrecorder.JourneyRecorderHandler;
import io.kycflow.fn.listrefresh.ListRefreshHandler;
import io.kycflow.fn.documentupload.DocumentUploadHandler;
import io.kycflow.json.Json;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Cold start of each function's deployment artifact: every run is a fresh JVM, timed to its first response to an
 * events/ sample, next to a bare JVM that prints "hello". Each is also run with an AppCDS archive of its own.
 *
 * <p>Order: one discarded warm-up run of every target (OS file cache, the embedded servers' own warm-up), one
 * training run per function that dumps its archive, then rounds that run every target without and with its
 * archive, so that drifts in the machine's load spread over all targets alike.
 */
final class ColdStartBenchmark {

    /** A function and one of its samples, what its response must show, and the seed it needs. */
    record Target(String function, String handler, String event, Stage stage, String expectation,
                  BiPredicate<SampleEnvironment, String> success) {

        /** The bare JVM has no function. */
        boolean bare() {
            return function == null;
        }

        String label() {
            return bare() ? "hello world (bare JVM)" : function + " " + event;
        }

        /**
         * A scheduled or S3-triggered list job (download, or parse, index and publish the sanctions lists): its first
         * response is the whole job, seconds of work no start-up saving removes, not a request anyone waits on.
         */
        boolean listJob() {
            return LIST_JOBS.contains(function);
        }

        /**
         * The screening function: besides starting up, its first response waits for the published sanctions index
         * (a 2.8 MB snapshot) to be downloaded and decoded.
         */
        boolean screening() {
            return SCREENING.equals(function);
        }
    }

    private static final Set<String> LIST_JOBS = Set.of("list-ingest", "list-refresh");
    private static final String SCREENING = "aml-screening";

    /** The bare-JVM baseline: no function, no seed. */
    static final Target HELLO = new Target(null, null, null, null, "hello", (env, response) -> response.equals("hello"));

    /** Every sample in events/, with the success its response must show. */
    static final List<Target> FUNCTIONS = List.of(
            new Target("authorizer", AuthorizerHandler.class.getName(), "authorizer-request.json", Stage.NO_JOURNEY,
                    "an Allow policy", json((env, r) -> r.at("/policyDocument/Statement/0/Effect").asText().equals("Allow"))),
            new Target("submission-api", SubmissionApiHandler.class.getName(), "submission-api-create-journey.json",
                    Stage.NO_JOURNEY, "statusCode 201, then the journey's execution waiting for consent",
                    json((env, r) -> r.path("statusCode").asInt() == 201
                            && env.awaitsConsent(Json.parse(r.path("body").asText()).path("journeyId").asText()))),
            new Target("submission-api", SubmissionApiHandler.class.getName(), "submission-api-get-status.json",
                    Stage.CREATED, "statusCode 200", json((env, r) -> r.path("statusCode").asInt() == 200)),
            new Target("document-upload", DocumentUploadHandler.class.getName(), "document-upload-s3-put.json",
                    Stage.AWAITING_FRONT, "outcome ACCEPTED, then the waiting execution resumed",
                    json((env, r) -> r.at("/results/0/outcome").asText().equals("ACCEPTED") && env.frontWaitResumed())),
            new Target("document-check", DocumentCheckHandler.class.getName(), "document-check.json",
                    Stage.FRONT_UPLOADED, "passed true", json((env, r) -> r.path("passed").asBoolean())),
            new Target("journey-recorder", JourneyRecorderHandler.class.getName(), "journey-recorder-await.json",
                    Stage.CREATED, "step CONSENT", json((env, r) -> r.path("step").asText().equals("CONSENT"))),
            new Target("journey-recorder", JourneyRecorderHandler.class.getName(), "journey-recorder-complete.json",
                    Stage.SELFIE_UPLOADED, "step COMPLETE, decision Approved",
                    json((env, r) -> r.path("step").asText().equals("COMPLETE")
                            && r.path("decisionStatus").asText().equals("Approved"))),
            new Target("aml-screening", AmlScreeningHandler.class.getName(), "aml-screening-create-kyc.json",
                    Stage.LISTS_PUBLISHED, "statusCode 201, the listed person In Review",
                    json((env, r) -> r.path("statusCode").asInt() == 201
                            && Json.parse(r.path("body").asText()).path("status").asText().equals("In Review"))),
            new Target("list-ingest", ListIngestHandler.class.getName(), "list-ingest-s3-put.json", Stage.LIST_BATCH,
                    "outcome Published", json((env, r) -> r.at("/outcomes/0/outcome").asText().equals("Published"))),
            new Target("list-refresh", ListRefreshHandler.class.getName(), "list-refresh-scheduled.json", Stage.NO_JOURNEY,
                    "both lists Uploaded", json((env, r) -> r.path("outcomes").size() == 2
                            && r.at("/outcomes/0/outcome").asText().equals("Uploaded")
                            && r.at("/outcomes/1/outcome").asText().equals("Uploaded"))));

    /**
     * One target's runs without and with its AppCDS archive, and primed (request-serving functions only; else empty).
     */
    record Result(Target target, List<ChildJvm.Run> plain, List<ChildJvm.Run> cds, List<ChildJvm.Run> primed,
                  long archiveBytes) {
    }

    private final Path projectDir;
    private final Map<String, Path> artifactCopies = new LinkedHashMap<>();
    private final SampleEnvironment environment;
    private final List<String> jvmFlags;
    private final Path workDir;
    private final Path runnerJar;
    private final Consumer<String> progress;

    /**
     * @param jvmFlags the functions' JVM options (template.yaml's JAVA_TOOL_OPTIONS)
     * @param workDir  where the artifacts' copies, the runner jar, the archives and the children's stderr go
     */
    ColdStartBenchmark(Path projectDir, SampleEnvironment environment, List<String> jvmFlags, Path workDir,
                       Consumer<String> progress) throws IOException {
        this.projectDir = projectDir;
        // Copies: a rebuild while the benchmark runs must neither change what is measured nor invalidate the
        // archives, which record each jar's size and modification time.
        for (Target target : FUNCTIONS) {
            if (!artifactCopies.containsKey(target.function())) {
                Path artifact = projectDir.resolve("functions").resolve(target.function()).resolve("target")
                        .resolve(target.function() + ".jar");
                if (!Files.isRegularFile(artifact)) {
                    throw new IllegalStateException(artifact + " is missing: build with ./mvnw -DskipTests install");
                }
                artifactCopies.put(target.function(), Files.copy(artifact, workDir.resolve(target.function() + ".jar")));
            }
        }
        this.environment = environment;
        this.jvmFlags = jvmFlags;
        this.workDir = workDir;
        this.runnerJar = ChildJvm.writeRunnerJar(workDir);
        this.progress = progress;
    }

    /** The JVM options template.yaml gives every function (JAVA_TOOL_OPTIONS in Globals). */
    static List<String> templateJvmFlags(Path projectDir) throws IOException {
        Matcher m = Pattern.compile("JAVA_TOOL_OPTIONS:\\s*\"([^\"]+)\"").matcher(Files.readString(projectDir.resolve("template.yaml")));
        if (!m.find()) {
            throw new IllegalStateException("template.yaml sets no JAVA_TOOL_OPTIONS");
        }
        return List.of(m.group(1).trim().split("\\s+"));
    }

    /** A deployment artifact (the SAM CodeUri): its size and the AWS SDK service modules it carries. */
    record Artifact(long bytes, List<String> sdkServices) {
    }

    /** Each function's deployment artifact, as measured. */
    Map<String, Artifact> artifacts() throws IOException {
        String services = "software/amazon/awssdk/services/";
        Map<String, Artifact> artifacts = new LinkedHashMap<>();
        for (Map.Entry<String, Path> copy : artifactCopies.entrySet()) {
            try (ZipFile jar = new ZipFile(copy.getValue().toFile())) {
                List<String> sdkServices = jar.stream().map(ZipEntry::getName)
                        .filter(name -> name.startsWith(services) && name.indexOf('/', services.length()) > 0)
                        .map(name -> name.substring(services.length(), name.indexOf('/', services.length())))
                        .distinct().sorted().toList();
                artifacts.put(copy.getKey(), new Artifact(Files.size(copy.getValue()), sdkServices));
            }
        }
        return artifacts;
    }

    /** Runs the bare JVM and every sample {@code runs} times each way and returns them in that order. */
    List<Result> run(int runs) throws IOException, InterruptedException {
        List<Target> targets = Stream.concat(Stream.of(HELLO), FUNCTIONS.stream()).toList();
        for (Target target : targets) {
            progress.accept("warm-up: " + target.label());
            launch(target, List.of());
        }
        Map<String, Path> archives = new LinkedHashMap<>();
        for (Target target : targets) {
            if (!archives.containsKey(archiveName(target))) {
                Path archive = workDir.resolve(archiveName(target) + ".jsa");
                progress.accept("AppCDS archive: " + target.label());
                launch(target, List.of("-XX:ArchiveClassesAtExit=" + archive));
                archives.put(archiveName(target), archive);
            }
        }
        Map<Target, List<ChildJvm.Run>> plain = new LinkedHashMap<>();
        Map<Target, List<ChildJvm.Run>> cds = new LinkedHashMap<>();
        Map<Target, List<ChildJvm.Run>> primed = new LinkedHashMap<>();
        for (int round = 1; round <= runs; round++) {
            for (Target target : targets) {
                ChildJvm.Run without = launch(target, List.of());
                // -Xshare:on: an archive the JVM cannot use fails the run instead of silently measuring nothing.
                ChildJvm.Run with = launch(target, List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archives.get(archiveName(target))));
                plain.computeIfAbsent(target, t -> new ArrayList<>()).add(without);
                cds.computeIfAbsent(target, t -> new ArrayList<>()).add(with);
                String afterPriming = "";
                if (!target.bare() && !target.listJob()) {
                    ChildJvm.Run run = launch(target, List.of(), true);
                    primed.computeIfAbsent(target, t -> new ArrayList<>()).add(run);
                    afterPriming = ", first invocation after priming %d ms".formatted(run.invokeMs());
                }
                progress.accept("round %d/%d: %s %.0f ms, with AppCDS %.0f ms%s".formatted(round, runs, target.label(),
                        without.totalMs(), with.totalMs(), afterPriming));
            }
        }
        List<Result> results = new ArrayList<>();
        for (Target target : targets) {
            results.add(new Result(target, plain.get(target), cds.get(target), primed.getOrDefault(target, List.of()),
                    Files.size(archives.get(archiveName(target)))));
        }
        return results;
    }

    /**
     * A quick look while working on one function: runs the bare JVM and the named functions' samples {@code runs}
     * times each (after a warm-up), without AppCDS, and prints every run's phases; writes no report. With
     * {@code against}, each round also runs every sample on the other build of its artifact, right after this one:
     * the machine's speed drifts by 20% or more between batches of runs, so only runs taken in turn compare.
     *
     * @param extraFlags JVM options added to the functions' own (a profiler agent, a flag to try)
     * @param against    a folder holding another build of each named artifact ({@code <function>.jar}); null for none
     * @param primed     whether each function's handler is primed first and its first invocation timed after, as after
     *                   a SnapStart restore (the bare JVM has nothing to prime)
     */
    void probe(List<String> functions, int runs, List<String> extraFlags, Path against, boolean primed)
            throws IOException, InterruptedException {
        List<Target> targets = Stream.concat(Stream.of(HELLO),
                FUNCTIONS.stream().filter(t -> functions.contains(t.function()))).toList();
        if (targets.size() == 1) {
            throw new IllegalArgumentException("no function named " + functions);
        }
        for (Target target : targets) {
            for (Path artifact : variants(target, against).values()) {
                launch(target, extraFlags, false, artifact);
            }
        }
        Map<String, List<Double>> totals = new LinkedHashMap<>();
        for (int round = 1; round <= runs; round++) {
            for (Target target : targets) {
                for (Map.Entry<String, Path> variant : variants(target, against).entrySet()) {
                    ChildJvm.Run run = launch(target, target.bare() ? List.of() : extraFlags, primed && !target.bare(),
                            variant.getValue());
                    totals.computeIfAbsent(variant.getKey(), t -> new ArrayList<>()).add(run.totalMs());
                    progress.accept("%s: %.0f ms (launch %d, boot %d, init %d, invoke %d; %d classes, CPU %d ms)".formatted(
                            variant.getKey(), run.totalMs(), run.launchMs(), run.vmMs(), run.initMs(), run.invokeMs(),
                            run.classes(), run.cpuMs()));
                }
            }
        }
        totals.forEach((label, ms) -> progress.accept("%s: median %.0f ms of %d runs".formatted(
                label, Stats.of(ms).median(), ms.size())));
    }

    /**
     * The handler class as the artifact names it: the class itself when the jar has it, else the jar's only class of
     * the same simple name, so a build from before a package rename can still be run with {@code --against}.
     */
    static String handlerIn(Path artifact, String handler) throws IOException {
        String entry = handler.replace('.', '/') + ".class";
        String simpleName = "/" + entry.substring(entry.lastIndexOf('/') + 1);
        try (ZipFile jar = new ZipFile(artifact.toFile())) {
            if (jar.getEntry(entry) != null) {
                return handler;
            }
            List<String> sameName = jar.stream().map(ZipEntry::getName).filter(name -> name.endsWith(simpleName)).toList();
            if (sameName.size() != 1) {
                throw new IllegalArgumentException(artifact + " has " + sameName.size() + " classes named like " + handler);
            }
            String found = sameName.get(0);
            return found.substring(0, found.length() - ".class".length()).replace('/', '.');
        }
    }

    /** The target's label → the artifact it runs on: the project's build, then the one in {@code against} if any. */
    private Map<String, Path> variants(Target target, Path against) {
        Map<String, Path> variants = new LinkedHashMap<>();
        variants.put(target.label(), artifactCopies.get(target.function()));
        if (against != null && !target.bare()) {
            variants.put(target.label() + " (against)", against.resolve(target.function() + ".jar"));
        }
        return variants;
    }

    /** One archive per deployment artifact, trained on its first sample, as one would ship it. */
    private static String archiveName(Target target) {
        return target.bare() ? "hello" : target.function();
    }

    /** Seeds what the target's sample needs, runs it in a fresh JVM and checks its response. */
    private ChildJvm.Run launch(Target target, List<String> extraFlags) throws IOException, InterruptedException {
        return launch(target, extraFlags, false);
    }

    private ChildJvm.Run launch(Target target, List<String> extraFlags, boolean primed) throws IOException, InterruptedException {
        return launch(target, extraFlags, primed, artifactCopies.get(target.function()));
    }

    /**
     * As {@link #launch(Target, List)}; {@code primed}: the handler is primed first, standing in for a SnapStart
     * restore ({@link ColdStartRunner}), with connections kept alive for one second only; {@code artifact}: the
     * deployment artifact to run (null for the bare JVM).
     */
    private ChildJvm.Run launch(Target target, List<String> extraFlags, boolean primed, Path artifact)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ChildJvm.JAVA.toString());
        command.addAll(jvmFlags);
        command.addAll(extraFlags);
        if (primed) {
            command.add("-Dhttp.keepAlive.time.server=1");
        }
        command.add("-cp");
        command.add(target.bare() ? runnerJar.toString() : artifact + File.pathSeparator + runnerJar);
        command.add(ColdStartRunner.class.getName());
        if (!target.bare()) {
            environment.seed(target.stage());
            if (primed) {
                command.add("--primed");
            }
            command.add(handlerIn(artifact, target.handler()));
            command.add(projectDir.resolve("events").resolve(target.event()).toString());
        }
        ChildJvm.Run run = ChildJvm.run(command, environment.environment(), workDir.resolve(archiveName(target) + ".stderr.log"));
        if (!target.success().test(environment, run.response())) {
            throw new IllegalStateException(target.label() + ": expected " + target.expectation() + ", got " + run.response());
        }
        return run;
    }

    private static BiPredicate<SampleEnvironment, String> json(BiPredicate<SampleEnvironment, JsonNode> check) {
        return (env, response) -> check.test(env, Json.parse(response));
    }
}
