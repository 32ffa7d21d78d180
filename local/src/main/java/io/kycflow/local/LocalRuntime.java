package io.kycflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.asl.ExecutionStore;
import io.kycflow.asl.LambdaFunctionError;
import io.kycflow.asl.LocalStepFunctions;
import io.kycflow.asl.SfnHttpEndpoint;
import io.kycflow.auth.Scope;
import io.kycflow.auth.Secrets;
import io.kycflow.aws.AwsClients;
import io.kycflow.aws.ListSnapshots;
import io.kycflow.aws.Log;
import io.kycflow.aws.Settings;
import io.kycflow.backends.LocalBackends;
import io.kycflow.fn.amlscreening.AmlScreeningHandler;
import io.kycflow.fn.submissionapi.SubmissionApiHandler;
import io.kycflow.fn.authorizer.AuthorizerHandler;
import io.kycflow.fn.documentcheck.DocumentCheckHandler;
import io.kycflow.fn.listingest.ListIngestHandler;
import io.kycflow.fn.amlmonitoringscheduler.MonitoringSchedulerHandler;
import io.kycflow.fn.amlmonitoringworker.MonitoringWorkerHandler;
import io.kycflow.fn.journeyrecorder.JourneyRecorderHandler;
import io.kycflow.fn.listrefresh.ListRefreshHandler;
import io.kycflow.fn.documentupload.DocumentUploadHandler;
import io.kycflow.http.ApiRoutes;
import io.kycflow.json.Json;
import io.kycflow.sanctions.ListFileSet;
import io.kycflow.sanctions.SanctionsList;
import io.kycflow.store.DynamoCredentialStore;
import io.kycflow.store.KycflowTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * kycflow on one machine: embedded DynamoDB Local, ElasticMQ and s3proxy, the functions' real handlers (the
 * monitoring scheduler on KYCFLOW_MONITORING_SCHEDULE and after each list publication, its worker fed by the
 * monitoring queue), the
 * unchanged journey definition on the project's States Language interpreter (reached through a Step Functions
 * endpoint, so the functions use the real SDK client), and API Gateway emulation on localhost.
 *
 * <p>The API port is open from the first moment but serves the API only once every part is up and the screening
 * function serves the lists published at start; until then, and from the moment {@link #close()} begins, it answers
 * 503 {@code unavailable} (see {@link LocalApiGateway}).
 */
public final class LocalRuntime implements AutoCloseable {
    public static final String TABLE = "kycflow";
    public static final String BUCKET = "kycflow-documents";
    public static final String DEMO_TENANT = "demo";
    static final String REGION = "us-east-1";
    static final String ACCOUNT = "000000000000";
    static final String AUTHORIZER = "authorizer";
    static final String API = ApiRoutes.SUBMISSION_API;
    static final String AML = ApiRoutes.AML_SCREENING;
    static final String UPLOAD = "document-upload";
    static final String DOCUMENT_CHECK = "document-check";
    static final String RECORDER = "journey-recorder";
    static final String LIST_INGEST = "list-ingest";
    static final String LIST_REFRESH = "list-refresh";
    static final String CALLBACK_QUEUE = "kycflow-callbacks";
    static final String MONITORING_SCHEDULER = "aml-monitoring-scheduler";
    static final String MONITORING_WORKER = "aml-monitoring-worker";
    public static final String MONITORING_QUEUE = "kycflow-monitoring";
    /** Concurrent batches of the monitoring worker: the machine's cores, as the screening is CPU work. */
    private static final int MONITORING_POLLERS = Math.max(2, Runtime.getRuntime().availableProcessors());
    /** How long stopping waits for API requests in flight (API Gateway's own limit is 29 s). */
    private static final Duration DRAIN = Duration.ofSeconds(30);
    /** How long a start waits for its lists to be served before it serves the API without them. */
    private static final Duration LISTS_DEADLINE = Duration.ofMinutes(2);
    /**
     * The deadline of the official lists' download at a first start, unless KYCFLOW_LIST_DOWNLOAD_TIMEOUT sets it:
     * start-up stays quick when a site is slow (offline, every download fails at once).
     */
    static final Duration START_DOWNLOAD_TIMEOUT = Duration.ofSeconds(15);

    private final LocalFunctions functions;
    private final LocalBackends backends;
    private final LocalStepFunctions stepFunctions;
    private final SfnHttpEndpoint sfnEndpoint;
    private final LocalApiGateway gateway;
    private final Settings settings;
    private final String apiKey;
    private final AmlScreeningHandler aml;
    /** Where the lists in force at start came from, for the start banner. */
    private final String listsAtStart;
    private ScheduledExecutorService listRefreshSchedule;
    private final SqsEventSource monitoringQueue;
    private final ScheduledExecutorService monitoringSchedule = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "monitoring-schedule");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * What to start.
     *
     * @param port         API port (0: any free port)
     * @param dataDir      where data survives restarts; null keeps everything in memory (tests)
     * @param apiKey       the demo tenant's API key; null generates one
     * @param listsDir     sanctions list files (ofac/, un/) to publish at start when none is published yet and the
     *                     download did not bring them; null for none
     * @param listDownload when none is published yet, the official lists are downloaded first by the list-refresh
     *                     function with these variables (KYCFLOW_LIST_URL_..., none for the official URLs); null for no
     *                     download
     */
    public record Config(int port, Path dataDir, String apiKey, Path listsDir, Map<String, String> listDownload) {
        /** No download at start (tests, benchmarks): the lists of {@code listsDir}, or none. */
        public Config(int port, Path dataDir, String apiKey, Path listsDir) {
            this(port, dataDir, apiKey, listsDir, null);
        }
    }

    private LocalRuntime(Config config) throws IOException {
        functions = new LocalFunctions();
        // The API port first: if it is taken, fail before anything else has started.
        gateway = new LocalApiGateway(functions, AUTHORIZER, config.port());
        LocalBackends.Options options = config.dataDir() == null
                ? LocalBackends.Options.inMemory()
                : LocalBackends.Options.persistent(config.dataDir());
        // S3 invokes the upload and list functions asynchronously for objects created under their prefixes, as the
        // template's S3 events do.
        backends = LocalBackends.start(options.region(REGION).buckets(BUCKET).queues(CALLBACK_QUEUE)
                .s3Events("", this::deliverS3Event));
        LocalStepFunctions.Builder sfn = LocalStepFunctions.builder().region(REGION).accountId(ACCOUNT)
                .lambda((name, payload) -> {
                    try {
                        return functions.invoke(name, payload);
                    } catch (LocalFunctions.FunctionError e) {
                        throw new LambdaFunctionError(e.errorType(), e.getMessage());
                    }
                });
        if (config.dataDir() != null) {
            sfn.store(new ExecutionStore(config.dataDir().resolve("stepfunctions")));
        }
        stepFunctions = sfn.build();
        sfnEndpoint = SfnHttpEndpoint.start(stepFunctions, 0);
        String stateMachineArn = stepFunctions.createStateMachine("kycflow-journey", journeyDefinition());

        Map<String, String> env = new HashMap<>(backends.environment());
        env.put("AWS_ENDPOINT_URL_SFN", sfnEndpoint.endpoint().toString());
        env.put("KYCFLOW_TABLE", TABLE);
        env.put("KYCFLOW_BUCKET", BUCKET);
        env.put("KYCFLOW_STATE_MACHINE_ARN", stateMachineArn);
        env.put("KYCFLOW_CALLBACK_ALLOWLIST", "127.0.0.1,localhost");
        env.put("KYCFLOW_CALLBACK_QUEUE_URL", backends.createQueue(CALLBACK_QUEUE));
        env.put("KYCFLOW_JOURNEY_BASE_URL", "http://127.0.0.1:" + gateway.port() + "/journey");
        SqsClient sqs = AwsClients.sqs(new Settings(Map.copyOf(env)));
        // as template.yaml's MonitoringQueue, with a visibility timeout for local function times
        env.put("KYCFLOW_MONITORING_QUEUE_URL", SqsEventSource.createWithDeadLetterQueue(sqs, MONITORING_QUEUE, 60, 5));
        settings = new Settings(Map.copyOf(env));

        DynamoDbClient dynamo = AwsClients.dynamoDb(settings);
        KycflowTable.create(dynamo, TABLE);
        apiKey = config.apiKey() == null ? Secrets.newApiKey() : config.apiKey();
        new DynamoCredentialStore(dynamo, TABLE).putApiKey(DEMO_TENANT, apiKey, EnumSet.allOf(Scope.class), "local demo key");

        Clock clock = Clock.systemUTC();
        functions.register(AUTHORIZER, new AuthorizerHandler(settings, clock));
        functions.register(API, new SubmissionApiHandler(settings, clock));
        functions.register(UPLOAD, new DocumentUploadHandler(settings, clock));
        functions.register(DOCUMENT_CHECK, new DocumentCheckHandler(settings, clock));
        functions.register(RECORDER, new JourneyRecorderHandler(settings, clock));
        functions.register(LIST_INGEST, new ListIngestHandler(settings, clock));
        aml = new AmlScreeningHandler(settings, clock);
        functions.register(AML, aml);
        functions.register(MONITORING_SCHEDULER, new MonitoringSchedulerHandler(settings, clock, dynamo, sqs));
        functions.register(MONITORING_WORKER, new MonitoringWorkerHandler(settings, clock));
        monitoringQueue = new SqsEventSource(sqs, settings.require("KYCFLOW_MONITORING_QUEUE_URL"), REGION, functions,
                MONITORING_WORKER, MONITORING_POLLERS);
        Duration every = Duration.parse(Settings.fromEnvironment().get("KYCFLOW_MONITORING_SCHEDULE", "PT1M"));
        monitoringSchedule.scheduleWithFixedDelay(this::sweepMonitoredSubjects, every.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
        long listsFrom = System.currentTimeMillis();
        StartLists lists = publishListsAtStart(dynamo, config);
        listsAtStart = lists.origin();
        awaitServed(dynamo, lists.lists(), listsFrom);
        // Executions that were waiting when the runtime stopped go on (and time out if their time ran out meanwhile).
        stepFunctions.resumeAll();
        gateway.ready();
    }

    private static ObjectNode scheduledEvent() {
        return Json.object().put("detail-type", "Scheduled Event").put("source", "aws.events");
    }

    private void deliverS3Event(String event) {
        JsonNode parsed = Json.parse(event);
        String key = parsed.at("/Records/0/s3/object/key").asText();
        if (key.startsWith("uploads/")) {
            functions.invokeAsync(UPLOAD, parsed);
        } else if (key.startsWith("lists/incoming/")) {
            functions.invokeAsync(LIST_INGEST, parsed);
        } else if (key.startsWith(ListSnapshots.ANNOUNCEMENTS)) {
            // a new list version: every monitored subject is re-screened now, not at the next tick (on the schedule's
            // thread, so sweeps run one at a time as the function's reserved concurrency of 1 makes them in AWS)
            monitoringSchedule.execute(this::sweepMonitoredSubjects);
        }
    }

    /** What the EventBridge schedule does in AWS: one run of the monitoring scheduler. */
    private void sweepMonitoredSubjects() {
        try {
            functions.invoke(MONITORING_SCHEDULER, Json.object());
        } catch (LocalFunctions.FunctionError e) {
            Log.warn("monitoring sweep failed", "errorType", e.errorType());
        }
    }

    /**
     * The lists at start. A later start serves those an earlier run published (the ingestion function republishes them
     * if an earlier release wrote the snapshot). The first start takes each list from the official download, when
     * {@code listDownload} asks for one, else from {@code listsDir}, and publishes it the way the refresh function does:
     * its files uploaded as a batch under {@code lists/incoming/}, which the ingestion function validates and publishes
     * (a few seconds). With no list at all it says so: screenings answer 503 lists_unavailable.
     */
    private StartLists publishListsAtStart(DynamoDbClient dynamo, Config config) throws IOException {
        S3Client s3 = AwsClients.s3(settings);
        Optional<ListSnapshots.Pointer> current = new ListSnapshots(dynamo, TABLE, () -> s3, BUCKET).current();
        if (current.isPresent()) {
            // published by an earlier run, perhaps of an earlier release: the template's hourly check, at once
            functions.invokeAsync(LIST_INGEST, scheduledEvent());
            Set<SanctionsList> lists = EnumSet.noneOf(SanctionsList.class);
            Arrays.stream(SanctionsList.values()).filter(current.get()::covers).forEach(lists::add);
            return new StartLists(lists, lists + " as published by an earlier run");
        }
        Map<SanctionsList, String> sources = new EnumMap<>(SanctionsList.class);
        if (config.listDownload() != null) {
            downloadOfficialLists(config.listDownload()).forEach(set -> sources.put(set.list(), "the official download"));
        }
        for (ListFileSet set : ListFileSet.values()) {
            if (sources.containsKey(set.list()) || config.listsDir() == null) {
                continue;
            }
            Map<String, byte[]> files = ListBatches.read(config.listsDir(), set);
            if (files.size() == set.files().size()) {
                // one batch per list: ingested once its last file is there, never mixed with older files
                ListBatches.upload(s3, BUCKET, set, files);
                sources.put(set.list(), config.listsDir().resolve(set.folder()).toString());
            } else if (!files.isEmpty()) {
                Log.warn("list files incomplete, not published", "list", set.list().name(), "folder",
                        config.listsDir().resolve(set.folder()).toString(), "needs", String.join(",", set.files()));
            }
        }
        if (sources.isEmpty()) {
            Log.warn("no sanctions list loaded", "detail", "screening answers 503 lists_unavailable until a list is "
                    + "published; start with KYCFLOW_LISTS_DIR set to a folder of ofac/ (sdn.csv, alt.csv, add.csv) "
                    + "and un/ (consolidated.xml), or drop the files into S3 lists/incoming/");
            return new StartLists(Set.of(), "none; screening answers 503 lists_unavailable (set KYCFLOW_LISTS_DIR, see README)");
        }
        return new StartLists(sources.keySet(), sources.entrySet().stream()
                .map(source -> source.getKey() + " from " + source.getValue()).collect(Collectors.joining(", ")));
    }

    /** The lists a start waits for, and where they came from. */
    private record StartLists(Set<SanctionsList> lists, String origin) {
    }

    /**
     * Runs the list-refresh function once per list, in parallel, within one deadline (KYCFLOW_LIST_DOWNLOAD_TIMEOUT,
     * default {@link #START_DOWNLOAD_TIMEOUT} at start): a list not downloaded by then is given up (its download
     * interrupted) and taken from the list files instead.
     *
     * @return the lists it uploaded for ingestion
     */
    private Set<ListFileSet> downloadOfficialLists(Map<String, String> listEnv) throws IOException {
        Map<String, String> env = new HashMap<>(settings.env());
        env.put("KYCFLOW_LIST_DOWNLOAD_TIMEOUT", START_DOWNLOAD_TIMEOUT.toString());
        env.putAll(listEnv);
        ExecutorService downloads = Executors.newCachedThreadPool(
                Thread.ofPlatform().daemon().name(LIST_REFRESH + "-start-", 0).factory());
        try {
            Map<ListFileSet, Future<JsonNode>> runs = new EnumMap<>(ListFileSet.class);
            for (ListFileSet set : ListFileSet.values()) {
                Map<String, String> one = new HashMap<>(env);
                one.put("KYCFLOW_LIST_REFRESH", set.folder());
                ListRefreshHandler refresh = new ListRefreshHandler(new Settings(one), Clock.systemUTC());
                runs.put(set, downloads.submit(() -> refresh.handle(scheduledEvent(), null)));
            }
            // parsed once the function has accepted the variable
            Duration deadline = Duration.parse(env.get("KYCFLOW_LIST_DOWNLOAD_TIMEOUT"));
            long end = System.nanoTime() + deadline.toNanos();
            Set<ListFileSet> uploaded = EnumSet.noneOf(ListFileSet.class);
            for (Map.Entry<ListFileSet, Future<JsonNode>> run : runs.entrySet()) {
                try {
                    JsonNode result = run.getValue().get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if ("Uploaded".equals(result.at("/outcomes/0/outcome").asText())) {
                        uploaded.add(run.getKey());
                    }
                } catch (ExecutionException failed) {
                    // the function logged why ("list refresh failed")
                } catch (TimeoutException slow) {
                    Log.warn("list download given up at start", "list", run.getKey().list().name(), "after", deadline.toString());
                }
            }
            return uploaded;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while downloading the lists");
        } finally {
            downloads.shutdownNow();
        }
    }

    /**
     * Waits until the screening function serves each of {@code lists} (its index loaded: the first screening neither
     * waits for it nor misses a list still being published), or the list was rejected since {@code since}; after
     * {@link #LISTS_DEADLINE}, goes on with a warning.
     */
    private void awaitServed(DynamoDbClient dynamo, Set<SanctionsList> lists, long since) throws InterruptedIOException {
        Set<SanctionsList> waiting = EnumSet.noneOf(SanctionsList.class);
        waiting.addAll(lists);
        long deadline = System.nanoTime() + LISTS_DEADLINE.toNanos();
        while (true) {
            waiting.removeAll(servedLists());
            waiting.removeIf(list -> rejectedSince(dynamo, list, since));
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                Log.warn("sanctions lists not served at start", "lists", waiting.toString(), "after", LISTS_DEADLINE.toString());
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the lists");
            }
        }
    }

    private Set<SanctionsList> servedLists() {
        try {
            return aml.listVersions().keySet();
        } catch (RuntimeException notYet) {
            // a snapshot that cannot be read yet: asked again at the next turn
            return Set.of();
        }
    }

    /** Whether the ingestion function rejected the list's files (it logged why) since {@code since}. */
    private static boolean rejectedSince(DynamoDbClient dynamo, SanctionsList list, long since) {
        Map<String, AttributeValue> status = dynamo.getItem(b -> b.tableName(TABLE).consistentRead(true)
                .key(KycflowTable.key("LISTS", "STATUS#" + list.name()))).item();
        return status != null && status.containsKey("outcome") && status.get("outcome").s().equals("rejected")
                && Long.parseLong(status.get("at").n()) >= since;
    }

    /**
     * Runs the list-refresh function now and then every {@code interval}, as the template's schedule does. Off unless
     * asked for ({@code ./kycflow run} with KYCFLOW_LIST_REFRESH_INTERVAL): by default it downloads from the official
     * sites, and a local demo has its lists from {@code listsDir}.
     *
     * @param listEnv the function's own variables (KYCFLOW_LIST_URL_..., KYCFLOW_LIST_URL_ALLOWLIST, ...)
     */
    public synchronized void scheduleListRefresh(Map<String, String> listEnv, Duration interval) {
        if (listRefreshSchedule != null) {
            throw new IllegalStateException("the list refresh is scheduled already");
        }
        Map<String, String> env = new HashMap<>(settings.env());
        env.putAll(listEnv);
        functions.register(LIST_REFRESH, new ListRefreshHandler(new Settings(env), Clock.systemUTC()));
        JsonNode scheduled = scheduledEvent();
        listRefreshSchedule = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name(LIST_REFRESH).factory());
        listRefreshSchedule.scheduleWithFixedDelay(() -> functions.invokeAsync(LIST_REFRESH, scheduled), 0,
                interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until an index of every list is published (tests, and scripts that screen right after start). */
    public void awaitPublishedLists(java.time.Duration timeout) throws InterruptedException {
        ListSnapshots snapshots = new ListSnapshots(AwsClients.dynamoDb(settings), TABLE, () -> AwsClients.s3(settings), BUCKET);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!snapshots.current().map(p -> Arrays.stream(ListFileSet.values()).allMatch(set -> p.covers(set.list())))
                .orElse(false)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no sanctions list was published within " + timeout);
            }
            Thread.sleep(200);
        }
    }

    /** Starts everything and returns once the API is served; close() stops all of it. */
    public static LocalRuntime start(Config config) throws IOException {
        return new LocalRuntime(config);
    }

    /** Where the lists in force at start came from. */
    public String listsAtStart() {
        return listsAtStart;
    }

    /** The API's base URL. */
    public URI apiUrl() {
        return URI.create("http://127.0.0.1:" + gateway.port());
    }

    public String apiKey() {
        return apiKey;
    }

    public Settings settings() {
        return settings;
    }

    public LocalStepFunctions stepFunctions() {
        return stepFunctions;
    }

    public LocalBackends backends() {
        return backends;
    }

    /** The definition from statemachines/, with the substitutions template.yaml makes, pointed at local functions. */
    static String journeyDefinition() {
        try (InputStream in = LocalRuntime.class.getResourceAsStream("/statemachines/journey.asl.json")) {
            if (in == null) {
                throw new IllegalStateException("statemachines/journey.asl.json is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${JourneyRecorderFunctionArn}", functionArn(RECORDER))
                    .replace("${DocumentCheckFunctionArn}", functionArn(DOCUMENT_CHECK))
                    .replace("${AmlScreeningFunctionArn}", functionArn(AML));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String functionArn(String name) {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + name + ":live";
    }

    /**
     * Stops in the order that keeps every API answer sound: the API first (new requests get 503 unavailable), then,
     * once the requests in flight are answered, the functions and the backends, and the port last.
     */
    @Override
    public void close() {
        try {
            if (!gateway.stopTaking(DRAIN)) {
                Log.warn("API requests still in flight while stopping", "after", DRAIN.toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (listRefreshSchedule != null) {
                listRefreshSchedule.shutdownNow();
            }
        }
        monitoringSchedule.shutdownNow();
        try {
            monitoringQueue.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sfnEndpoint.close();
        stepFunctions.close();
        try {
            functions.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        backends.close();
        gateway.close();
    }

    /** KYCFLOW_LIST_REFRESH_INTERVAL, or null: the refresh is off. */
    private static Duration listRefreshInterval(Settings env) {
        String value = env.get("KYCFLOW_LIST_REFRESH_INTERVAL", null);
        try {
            return value == null ? null : Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("KYCFLOW_LIST_REFRESH_INTERVAL is not an ISO 8601 duration such as PT6H", e);
        }
    }

    /**
     * The list files a first start publishes when the download brings none: KYCFLOW_LISTS_DIR, else this workspace's
     * {@code ../shared/data/sanctions}; null when neither is a folder.
     */
    private static Path listsDir(Settings env) {
        String chosen = env.get("KYCFLOW_LISTS_DIR", null);
        if (chosen != null) {
            Path dir = Path.of(chosen).toAbsolutePath();
            if (Files.isDirectory(dir)) {
                return dir;
            }
            System.out.println("kycflow: KYCFLOW_LISTS_DIR " + dir + " is not a folder; ignored");
        }
        Path workspace = Path.of("../shared/data/sanctions").toAbsolutePath().normalize();
        return Files.isDirectory(workspace) ? workspace : null;
    }

    /** {@code ./kycflow run}: KYCFLOW_PORT, KYCFLOW_API_KEY and KYCFLOW_DATA_DIR choose the port, demo key and data folder. */
    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Settings env = Settings.fromEnvironment();
        int port = Integer.parseInt(env.get("KYCFLOW_PORT", "8787"));
        Path dataDir = Path.of(env.get("KYCFLOW_DATA_DIR", ".kycflow-data")).toAbsolutePath();
        Duration refreshInterval = listRefreshInterval(env);
        Map<String, String> listEnv = new HashMap<>();
        env.env().forEach((name, value) -> {
            if (name.startsWith("KYCFLOW_LIST_")) {
                listEnv.put(name, value);
            }
        });
        long started = System.nanoTime();
        System.out.println("kycflow: starting; until it is ready the API answers 503 (GET /health says when)");
        LocalRuntime runtime = start(new Config(port, dataDir, env.get("KYCFLOW_API_KEY", null), listsDir(env), listEnv));
        if (refreshInterval != null) {
            runtime.scheduleListRefresh(listEnv, refreshInterval);
            System.out.println("kycflow: list refresh every " + refreshInterval + " (KYCFLOW_LIST_URL_* or the official URLs)");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("kycflow: stopping (the API answers 503 from now on)");
            runtime.close();
            System.out.println("kycflow: stopped");
            stopped.countDown();
        }));
        System.out.printf("""
                kycflow is running (started in %d ms)
                  API:       %s
                  tenant:    %s
                  API key:   %s
                  data:      %s
                  lists:     %s
                Try: curl -s -X POST %s/journeys -H "Authorization: Bearer %s" -H "Content-Type: application/json" -d '{"userId":"u-1"}'
                Ctrl-C stops everything.
                """, (System.nanoTime() - started) / 1_000_000, runtime.apiUrl(), DEMO_TENANT, runtime.apiKey(), dataDir,
                runtime.listsAtStart(), runtime.apiUrl(), runtime.apiKey());
        stopped.await();
    }
}
