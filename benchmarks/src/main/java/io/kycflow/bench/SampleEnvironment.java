package io.kycflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.asl.ExecutionStatus;
import io.kycflow.asl.LambdaFunctionError;
import io.kycflow.asl.LocalStepFunctions;
import io.kycflow.asl.SfnHttpEndpoint;
import io.kycflow.auth.Scope;
import io.kycflow.auth.Secrets;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import io.kycflow.aws.AwsClients;
import io.kycflow.aws.ListSnapshots;
import io.kycflow.aws.Settings;
import io.kycflow.backends.LocalBackends;
import io.kycflow.fn.documentcheck.DocumentCheckHandler;
import io.kycflow.fn.journeyrecorder.JourneyRecorderHandler;
import io.kycflow.fn.listrefresh.ListRefreshHandler;
import io.kycflow.journey.CaptureSide;
import io.kycflow.journey.IdType;
import io.kycflow.journey.Journey;
import io.kycflow.journey.JourneyRules;
import io.kycflow.journey.JourneyStep;
import io.kycflow.json.Json;
import io.kycflow.sanctions.ListFileSet;
import io.kycflow.sanctions.ListValidationException;
import io.kycflow.screening.ScreeningIndex;
import io.kycflow.store.DynamoCredentialStore;
import io.kycflow.store.DynamoJourneyRepository;
import io.kycflow.store.KycflowTable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What the events/ samples refer to, on 127.0.0.1: embedded DynamoDB, S3 and SQS ({@link LocalBackends}, in memory),
 * a Step Functions endpoint running the unchanged journey definition, and the seed data: tenant demo-tenant, the
 * authorizer sample's API key, the front image at the bucket and key the upload sample names, and journey j-demo
 * at the {@link Stage} a sample needs; for the list samples, the real lists (published as an index, uploaded as a
 * batch, or served over HTTP to the refresh). Every seed starts from an empty table, so each run does the same work.
 *
 * <p>State machine tasks reach a journey recorder running in this JVM, so that executions the samples start or
 * resume really record their waits, as they would on AWS.
 */
final class SampleEnvironment implements AutoCloseable {
    static final String TENANT = "demo-tenant";
    static final String JOURNEY = "j-demo";
    private static final String TABLE = "kycflow-bench";
    /** The key events/authorizer-request.json presents. */
    private static final String API_KEY = "kf_demo_00000000000000000000000000000000";
    /** The token events/submission-api-get-status.json presents (the API itself trusts the authorizer's context). */
    private static final String JOURNEY_TOKEN = "kfj_demo_journey_token_not_a_secret";
    /** The create sample's callbackUrl host, allow-listed so that the callback guard does not resolve it by DNS. */
    private static final String CALLBACK_HOST = "hooks.example.com";
    private static final String SELFIE_KEY = "uploads/" + TENANT + "/" + JOURNEY + "/SELFIE/u-selfie";
    private static final long VALIDITY_SECONDS = 3600;
    private static final Duration AWAIT = Duration.ofSeconds(10);
    private static final String REGION = "us-east-1";
    private static final String ACCOUNT = "000000000000";
    private static final String RECORDER_ARN = functionArn("journey-recorder");
    /** The journey's DOC_FRONT wait on its own, so that the upload sample resumes a real task token. */
    private static final String AWAIT_FRONT_DEFINITION = """
            {"StartAt": "AwaitDocumentFront", "States": {"AwaitDocumentFront": {
              "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
              "Parameters": {"FunctionName": "%s", "Payload": {"action": "await", "step": "DOC_FRONT",
                "tenantId.$": "$.tenantId", "journeyId.$": "$.journeyId", "taskToken.$": "$$.Task.Token"}},
              "End": true}}}""".formatted(RECORDER_ARN);

    /** What journey j-demo looks like before a run. */
    enum Stage {
        /** No journey (the authorizer and create-journey samples). */
        NO_JOURNEY,
        /** Just created, step INIT. */
        CREATED,
        /** Consent given, passport chosen, and a state machine execution waiting for the front. */
        AWAITING_FRONT,
        /** The front accepted; the document check is due. */
        FRONT_UPLOADED,
        /** The front checked by the real document check, the selfie accepted; completion is due. */
        SELFIE_UPLOADED,
        /** No journey; an index of the real lists published (the screening sample). */
        LISTS_PUBLISHED,
        /** No journey; the real OFAC files uploaded as the batch the list-ingest sample names, nothing published. */
        LIST_BATCH
    }

    private final LocalBackends backends;
    private final LocalStepFunctions stepFunctions;
    private final SfnHttpEndpoint sfnEndpoint;
    private final String awaitFrontArn;
    private final Map<String, String> environment;
    private final DynamoDbClient dynamo;
    private final S3Client s3;
    private final DynamoJourneyRepository journeys;
    private final DynamoCredentialStore credentials;
    private final JourneyRecorderHandler recorder;
    private final DocumentCheckHandler documentCheck;
    private final String bucket;
    private final String frontKey;
    private final byte[] frontJpeg;
    private String awaitFrontExecution;
    private final Path lists;
    /** The real lists served over HTTP, as the refresh sample downloads them. */
    private final HttpServer listServer;
    private final String listBatchPrefix;
    private ScreeningIndex index;

    /**
     * Starts everything on free ports.
     *
     * @param projectDir the project root (events/ and statemachines/)
     * @param frontJpeg  the passport image the upload and document-check samples read
     */
    SampleEnvironment(Path projectDir, byte[] frontJpeg) throws IOException {
        this.frontJpeg = frontJpeg;
        JsonNode upload = Json.parse(Files.readString(projectDir.resolve("events/document-upload-s3-put.json")))
                .path("Records").path(0).path("s3");
        bucket = upload.path("bucket").path("name").asText();
        frontKey = upload.path("object").path("key").asText();

        backends = LocalBackends.start(LocalBackends.Options.inMemory().region(REGION).buckets(bucket));
        stepFunctions = LocalStepFunctions.builder().region(REGION).accountId(ACCOUNT).lambda(this::invoke).build();
        sfnEndpoint = SfnHttpEndpoint.start(stepFunctions, 0);
        String journeyArn = stepFunctions.createStateMachine("kycflow-journey",
                Files.readString(projectDir.resolve("statemachines/journey.asl.json"))
                        .replace("${JourneyRecorderFunctionArn}", RECORDER_ARN)
                        .replace("${DocumentCheckFunctionArn}", functionArn("document-check"))
                        .replace("${AmlScreeningFunctionArn}", functionArn("aml-screening")));
        awaitFrontArn = stepFunctions.createStateMachine("await-document-front", AWAIT_FRONT_DEFINITION);

        lists = SanctionsFiles.find(projectDir);
        listServer = SimpleFileServer.createFileServer(new InetSocketAddress("127.0.0.1", 0), lists.toAbsolutePath(),
                SimpleFileServer.OutputLevel.NONE);
        listServer.start();
        String listKey = Json.parse(Files.readString(projectDir.resolve("events/list-ingest-s3-put.json")))
                .at("/Records/0/s3/object/key").asText();
        listBatchPrefix = listKey.substring(0, listKey.lastIndexOf('/') + 1);

        Map<String, String> env = new HashMap<>(backends.environment());
        env.put("KYCFLOW_CALLBACK_QUEUE_URL", backends.createQueue("kycflow-bench-callbacks"));
        env.put("KYCFLOW_LIST_URL_ALLOWLIST", "127.0.0.1");
        for (ListFileSet set : ListFileSet.values()) {
            for (String file : set.files()) {
                env.put(ListRefreshHandler.urlVariable(set, file),
                        "http://127.0.0.1:" + listServer.getAddress().getPort() + "/" + set.folder() + "/" + file);
            }
        }
        env.put("AWS_ENDPOINT_URL_SFN", sfnEndpoint.endpoint().toString());
        env.put("KYCFLOW_TABLE", TABLE);
        env.put("KYCFLOW_BUCKET", bucket);
        env.put("KYCFLOW_STATE_MACHINE_ARN", journeyArn);
        env.put("KYCFLOW_CALLBACK_ALLOWLIST", CALLBACK_HOST);
        // Nothing may leave 127.0.0.1, not even an instance-metadata probe by some SDK default.
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        environment = Map.copyOf(env);

        Settings settings = new Settings(environment);
        dynamo = AwsClients.dynamoDb(settings);
        s3 = AwsClients.s3(settings);
        journeys = new DynamoJourneyRepository(dynamo, TABLE);
        credentials = new DynamoCredentialStore(dynamo, TABLE);
        recorder = new JourneyRecorderHandler(settings, Clock.systemUTC());
        documentCheck = new DocumentCheckHandler(settings, Clock.systemUTC());
    }

    private static String functionArn(String name) {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + name;
    }

    /** The environment a function gets: the variables it reads, pointing at this environment. */
    Map<String, String> environment() {
        return environment;
    }

    /** Empties the table, then seeds the key, the front image and journey j-demo at {@code stage}. */
    void seed(Stage stage) {
        try {
            dynamo.deleteTable(b -> b.tableName(TABLE));
        } catch (ResourceNotFoundException firstSeed) {
            // nothing to empty yet
        }
        KycflowTable.create(dynamo, TABLE);
        credentials.putApiKey(TENANT, API_KEY, EnumSet.allOf(Scope.class), "benchmark");
        s3.putObject(b -> b.bucket(bucket).key(frontKey).contentType("image/jpeg"), RequestBody.fromBytes(frontJpeg));
        if (stage == Stage.LISTS_PUBLISHED) {
            new ListSnapshots(dynamo, TABLE, () -> s3, bucket).publish("bench", index(), System.currentTimeMillis());
        } else if (stage == Stage.LIST_BATCH) {
            for (String file : ListFileSet.OFAC_SDN.files()) {
                s3.putObject(b -> b.bucket(bucket).key(listBatchPrefix + file),
                        RequestBody.fromFile(lists.resolve(ListFileSet.OFAC_SDN.folder()).resolve(file)));
            }
        }
        if (stage == Stage.NO_JOURNEY || stage == Stage.LISTS_PUBLISHED || stage == Stage.LIST_BATCH) {
            return;
        }
        long now = System.currentTimeMillis();
        Journey journey = Journey.create(TENANT, JOURNEY, now, VALIDITY_SECONDS);
        if (stage != Stage.CREATED) {
            JourneyRules.acceptConsent(journey, true, now);
            JourneyRules.selectDocument(journey, "UTO", IdType.PASSPORT, now);
        }
        if (stage == Stage.FRONT_UPLOADED || stage == Stage.SELFIE_UPLOADED) {
            JourneyRules.acceptImage(journey, CaptureSide.FRONT, frontKey, now);
        }
        journeys.create(journey, Secrets.hash(JOURNEY_TOKEN));
        if (stage == Stage.AWAITING_FRONT) {
            awaitFrontExecution = stepFunctions.startExecution(awaitFrontArn, null,
                    Json.write(Json.object().put("tenantId", TENANT).put("journeyId", JOURNEY)));
            if (!journeyReaches(JOURNEY, j -> j.waitingStep() == JourneyStep.DOC_FRONT)) {
                throw new IllegalStateException("the execution did not record its wait for the front");
            }
        } else if (stage == Stage.SELFIE_UPLOADED) {
            JsonNode check = documentCheck.handle(Json.object().put("tenantId", TENANT).put("journeyId", JOURNEY), null);
            if (!check.path("passed").asBoolean()) {
                throw new IllegalStateException("the seeded front failed the document check: " + check);
            }
            Journey checked = journeys.find(TENANT, JOURNEY).orElseThrow();
            JourneyRules.acceptImage(checked, CaptureSide.SELFIE, SELFIE_KEY, System.currentTimeMillis());
            journeys.save(checked);
        }
    }

    /** The index of the real lists, built once. */
    private ScreeningIndex index() {
        if (index == null) {
            try {
                index = ScreeningIndex.build(SanctionsFiles.parse(lists));
            } catch (IOException | ListValidationException e) {
                throw new IllegalStateException("the lists in " + lists + " do not parse", e);
            }
        }
        return index;
    }

    /** True once the execution started for this journey (by the create sample) has recorded its wait for consent. */
    boolean awaitsConsent(String journeyId) {
        return journeyReaches(journeyId, j -> j.waitingStep() == JourneyStep.CONSENT);
    }

    /** True once the execution waiting for the front (resumed by the upload sample) has succeeded. */
    boolean frontWaitResumed() {
        return stepFunctions.awaitExecution(awaitFrontExecution, AWAIT).status() == ExecutionStatus.SUCCEEDED;
    }

    private boolean journeyReaches(String journeyId, Predicate<Journey> condition) {
        long deadline = System.nanoTime() + AWAIT.toNanos();
        do {
            if (journeys.find(TENANT, journeyId).filter(condition).isPresent()) {
                return true;
            }
            Pause.millis(10);
        } while (System.nanoTime() < deadline);
        return false;
    }

    /** Lambda for the state machine: only the recorder is reached, as no run goes past a user step. */
    private JsonNode invoke(String function, JsonNode payload) throws LambdaFunctionError {
        if (!function.startsWith(RECORDER_ARN)) {
            throw new LambdaFunctionError("ResourceNotFoundException", "not deployed in the benchmark: " + function);
        }
        try {
            return recorder.handle(payload, null);
        } catch (RuntimeException e) {
            throw new LambdaFunctionError(e.getClass().getName(), String.valueOf(e.getMessage()));
        }
    }

    @Override
    public void close() {
        listServer.stop(0);
        sfnEndpoint.close();
        stepFunctions.close();
        dynamo.close();
        s3.close();
        backends.close();
    }
}
