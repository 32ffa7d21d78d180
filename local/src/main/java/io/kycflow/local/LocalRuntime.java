package io.kycflow.local;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.kycflow.fn.aml.AmlScreeningHandler;
import io.kycflow.fn.api.SubmissionApiHandler;
import io.kycflow.fn.authorizer.AuthorizerHandler;
import io.kycflow.fn.doccheck.DocumentCheckHandler;
import io.kycflow.fn.lists.ListIngestHandler;
import io.kycflow.fn.monitoring.MonitoringSchedulerHandler;
import io.kycflow.fn.monitoring.MonitoringWorkerHandler;
import io.kycflow.fn.recorder.JourneyRecorderHandler;
import io.kycflow.fn.refresh.ListRefreshHandler;
import io.kycflow.fn.upload.DocumentUploadHandler;
import io.kycflow.http.ApiRoutes;
import io.kycflow.json.Json;
import io.kycflow.sanctions.ListFileSet;
import io.kycflow.store.DynamoCredentialStore;
import io.kycflow.store.KycflowTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * kycflow on one machine: embedded DynamoDB Local, ElasticMQ and s3proxy, the functions' real handlers (the
 * monitoring scheduler on KYCFLOW_MONITORING_SCHEDULE and after each list publication, its worker fed by the
 * monitoring queue), the
 * unchanged journey definition on the project's States Language interpreter (reached through a Step Functions
 * endpoint, so the functions use the real SDK client), and API Gateway emulation on localhost.
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

    private final LocalFunctions functions;
    private final LocalBackends backends;
    private final LocalStepFunctions stepFunctions;
    private final SfnHttpEndpoint sfnEndpoint;
    private final LocalApiGateway gateway;
    private final Settings settings;
    private final String apiKey;
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
     * @param port     API port (0: any free port)
     * @param dataDir  where data survives restarts; null keeps everything in memory (tests)
     * @param apiKey   the demo tenant's API key; null generates one
     * @param listsDir sanctions list files (ofac/, un/) to publish at start when none is published yet; null for none
     */
    public record Config(int port, Path dataDir, String apiKey, Path listsDir) {
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
        functions.register(AML, new AmlScreeningHandler(settings, clock));
        functions.register(MONITORING_SCHEDULER, new MonitoringSchedulerHandler(settings, clock, dynamo, sqs));
        functions.register(MONITORING_WORKER, new MonitoringWorkerHandler(settings, clock));
        monitoringQueue = new SqsEventSource(sqs, settings.require("KYCFLOW_MONITORING_QUEUE_URL"), REGION, functions,
                MONITORING_WORKER, MONITORING_POLLERS);
        Duration every = Duration.parse(Settings.fromEnvironment().get("KYCFLOW_MONITORING_SCHEDULE", "PT1M"));
        monitoringSchedule.scheduleWithFixedDelay(this::sweepMonitoredSubjects, every.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
        if (config.listsDir() != null) {
            publishListsIfNone(dynamo, config.listsDir());
        }
        // Executions that were waiting when the runtime stopped go on (and time out if their time ran out meanwhile).
        stepFunctions.resumeAll();
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
     * The first start publishes the lists found in {@code listsDir} the way the refresh function does: by uploading each
     * list's files as a batch under {@code lists/incoming/}, which the ingestion function validates and publishes (a
     * few seconds). A later start has the ingestion function republish them if an earlier release wrote the snapshot.
     */
    private void publishListsIfNone(DynamoDbClient dynamo, Path listsDir) throws IOException {
        S3Client s3 = AwsClients.s3(settings);
        if (new ListSnapshots(dynamo, TABLE, () -> s3, BUCKET).current().isPresent()) {
            // published by an earlier run, perhaps of an earlier release: the template's hourly check, at once
            functions.invokeAsync(LIST_INGEST, Json.object().put("detail-type", "Scheduled Event").put("source", "aws.events"));
            return;
        }
        for (ListFileSet set : ListFileSet.values()) {
            // one batch per list: ingested once its last file is there, never mixed with older files
            ListBatches.upload(s3, BUCKET, set, ListBatches.read(listsDir, set));
        }
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
        JsonNode scheduled = Json.object().put("detail-type", "Scheduled Event").put("source", "aws.events");
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

    /** Starts everything; close() stops all of it. */
    public static LocalRuntime start(Config config) throws IOException {
        return new LocalRuntime(config);
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

    @Override
    public void close() {
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
        gateway.close();
        sfnEndpoint.close();
        stepFunctions.close();
        try {
            functions.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        backends.close();
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

    /** {@code ./kycflow run}: KYCFLOW_PORT, KYCFLOW_API_KEY and KYCFLOW_DATA_DIR choose the port, demo key and data folder. */
    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Settings env = Settings.fromEnvironment();
        int port = Integer.parseInt(env.get("KYCFLOW_PORT", "8787"));
        Path dataDir = Path.of(env.get("KYCFLOW_DATA_DIR", ".kycflow-data")).toAbsolutePath();
        Path listsDir = Path.of(env.get("KYCFLOW_LISTS_DIR", "../shared/data/sanctions")).toAbsolutePath();
        Duration refreshInterval = listRefreshInterval(env);
        long started = System.nanoTime();
        LocalRuntime runtime = start(new Config(port, dataDir, env.get("KYCFLOW_API_KEY", null),
                Files.isDirectory(listsDir) ? listsDir : null));
        if (refreshInterval != null) {
            Map<String, String> listEnv = new HashMap<>();
            env.env().forEach((name, value) -> {
                if (name.startsWith("KYCFLOW_LIST_")) {
                    listEnv.put(name, value);
                }
            });
            runtime.scheduleListRefresh(listEnv, refreshInterval);
            System.out.println("kycflow: list refresh every " + refreshInterval + " (KYCFLOW_LIST_URL_* or the official URLs)");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("kycflow: stopping");
            runtime.close();
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
                Files.isDirectory(listsDir) ? listsDir + " (published by the list-ingest function if none is yet)"
                        : "none found at " + listsDir + "; drop list files into S3 lists/incoming/ (see README)",
                runtime.apiUrl(), runtime.apiKey());
        stopped.await();
    }
}
