package io.kycflow.fn.documentupload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.asl.ExecutionInfo;
import io.kycflow.asl.ExecutionStatus;
import io.kycflow.auth.Secrets;
import io.kycflow.aws.AwsClients;
import io.kycflow.aws.AwsJourneys;
import io.kycflow.aws.Settings;
import io.kycflow.backends.TestBackends;
import io.kycflow.image.SampleDocuments;
import io.kycflow.journey.CaptureKey;
import io.kycflow.journey.CaptureSide;
import io.kycflow.journey.IdType;
import io.kycflow.journey.Journey;
import io.kycflow.journey.JourneyRules;
import io.kycflow.journey.JourneyStep;
import io.kycflow.json.Json;
import io.kycflow.store.DynamoJourneyRepository;
import io.kycflow.testing.TestDeployment;
import io.kycflow.testing.TestStepFunctions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.time.Clock;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The upload trigger on the S3 events the embedded S3 emits, against embedded DynamoDB and S3 and journey executions
 * waiting on the project's Step Functions endpoint.
 */
class DocumentUploadHandlerTest {
    private static final String NAME = "document-upload-test";
    private static final String TENANT = "acme";
    private static final byte[] PASSPORT = SampleDocuments.jpeg(SampleDocuments.passport());

    private static TestStepFunctions stepFunctions;
    private static Settings settings;
    private static DocumentUploadHandler handler;
    private static DynamoJourneyRepository journeys;
    private static S3Client s3;
    private static final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private static final Consumer<String> listener = event -> events.add(Json.parse(event));

    @BeforeAll
    static void start() {
        stepFunctions = TestStepFunctions.start();
        settings = stepFunctions.settings(TestDeployment.named(NAME), null);
        AwsJourneys wiring = AwsJourneys.resuming(settings, AwsClients.dynamoDb(settings), Clock.systemUTC());
        stepFunctions.recordWaitsIn(wiring.service());
        journeys = wiring.repository();
        s3 = AwsClients.s3(settings);
        handler = new DocumentUploadHandler(settings, Clock.systemUTC());
        TestBackends.addS3EventListener(listener);
    }

    @AfterAll
    static void stop() {
        TestBackends.removeS3EventListener(listener);
        stepFunctions.close();
    }

    /** A journey and its execution, which waits for the front. */
    private record Waiting(String journeyId, String execution) {
        /** A key of its own for an upload of this side. */
        String key(CaptureSide side) {
            return CaptureKey.newUpload(TENANT, journeyId, side).key();
        }

        /** Asserts that nothing was recorded and the execution still waits. */
        void assertStillWaiting() {
            Journey journey = journey(journeyId);
            assertNull(journey.image(CaptureSide.FRONT));
            assertEquals(JourneyStep.DOC_FRONT, journey.waitingStep());
            assertEquals(ExecutionStatus.RUNNING, stepFunctions.describe(execution).status());
        }
    }

    /** A passport journey, consent given, whose execution waits for the front. */
    private static Waiting journeyAwaitingFront() {
        Journey journey = Journey.create(TENANT, "j_" + Secrets.random(9), System.currentTimeMillis(), 3600);
        JourneyRules.acceptConsent(journey, true, System.currentTimeMillis());
        JourneyRules.selectDocument(journey, "ESP", IdType.PASSPORT, System.currentTimeMillis());
        journeys.create(journey, Secrets.hash(Secrets.newJourneyToken()));
        return new Waiting(journey.journeyId(), stepFunctions.awaitStep(journeys, journey, JourneyStep.DOC_FRONT));
    }

    /** Uploads the object and returns the ObjectCreated event S3 emitted for it. */
    private static JsonNode upload(String key, byte[] bytes) throws InterruptedException {
        s3.putObject(b -> b.bucket(NAME).key(key).contentType("image/jpeg"), RequestBody.fromBytes(bytes));
        for (JsonNode event = events.poll(10, TimeUnit.SECONDS); event != null; event = events.poll(10, TimeUnit.SECONDS)) {
            if (event.at("/Records/0/s3/object/key").asText().equals(key)) {
                return event;
            }
        }
        throw new AssertionError("no S3 event for " + key);
    }

    private static String outcome(JsonNode result) {
        assertEquals(1, result.path("results").size(), result.toString());
        return result.at("/results/0/outcome").asText();
    }

    private static Journey journey(String journeyId) {
        return journeys.find(TENANT, journeyId).orElseThrow();
    }

    private static boolean stored(String key) {
        try {
            s3.headObject(b -> b.bucket(NAME).key(key));
            return true;
        } catch (NoSuchKeyException gone) {
            return false;
        }
    }

    @Test
    void theFrontIsRecordedAndResumesTheWaitingExecution() throws Exception {
        Waiting waiting = journeyAwaitingFront();
        String key = waiting.key(CaptureSide.FRONT);

        JsonNode result = handler.handle(upload(key, PASSPORT), null);
        assertEquals("ACCEPTED", outcome(result));
        assertEquals(key, result.at("/results/0/key").asText());
        Journey journey = journey(waiting.journeyId());
        assertEquals(key, journey.image(CaptureSide.FRONT));
        assertEquals("The front of the document was received.", journey.message());
        assertNull(journey.waitingStep());
        ExecutionInfo ended = stepFunctions.awaitEnd(waiting.execution());
        assertEquals(ExecutionStatus.SUCCEEDED, ended.status());
        JsonNode user = TestStepFunctions.output(ended).path("user");
        assertEquals("PASSPORT", user.path("idType").asText(), user.toString());
        assertTrue(user.path("consent").asBoolean());
        assertTrue(user.path("secondsLeft").asLong() > 3500, user.toString());
        assertTrue(stored(key));
    }

    @Test
    void theSameEventDeliveredTwiceResumesOnceAndWritesOnce() throws Exception {
        Waiting waiting = journeyAwaitingFront();
        JsonNode event = upload(waiting.key(CaptureSide.FRONT), PASSPORT);
        assertEquals("ACCEPTED", outcome(handler.handle(event, null)));
        assertEquals(ExecutionStatus.SUCCEEDED, stepFunctions.awaitEnd(waiting.execution()).status());
        long version = journey(waiting.journeyId()).version();

        assertEquals("DUPLICATE", outcome(handler.handle(event, null)));
        assertEquals(version, journey(waiting.journeyId()).version());
        assertEquals(1, stepFunctions.succeededTasks(waiting.execution()));
    }

    @Test
    void anEventForAnObjectThatIsGoneChangesNothing() throws Exception {
        Waiting waiting = journeyAwaitingFront();
        String key = waiting.key(CaptureSide.FRONT);
        JsonNode event = upload(key, PASSPORT);
        s3.deleteObject(b -> b.bucket(NAME).key(key));
        long version = journey(waiting.journeyId()).version();

        assertEquals("DUPLICATE", outcome(handler.handle(event, null)));
        assertEquals(version, journey(waiting.journeyId()).version());
        waiting.assertStillWaiting();
    }

    @Test
    void anUploadForNoJourneyOrOutOfTurnIsRemoved() throws Exception {
        String noJourney = CaptureKey.newUpload(TENANT, "j_" + Secrets.random(9), CaptureSide.FRONT).key();
        assertEquals("IGNORED", outcome(handler.handle(upload(noJourney, PASSPORT), null)));
        assertFalse(stored(noJourney));

        // a selfie while the journey waits for the front
        Waiting waiting = journeyAwaitingFront();
        String selfie = waiting.key(CaptureSide.SELFIE);
        assertEquals("IGNORED", outcome(handler.handle(upload(selfie, SampleDocuments.jpeg(SampleDocuments.selfie())), null)));
        assertFalse(stored(selfie));
        assertNull(journey(waiting.journeyId()).image(CaptureSide.SELFIE));
        waiting.assertStillWaiting();
    }

    @Test
    void aFileThatIsNoImageIsRefusedExplainedAndRemovedAndTheNextUploadIsTaken() throws Exception {
        Waiting waiting = journeyAwaitingFront();
        String bad = waiting.key(CaptureSide.FRONT);

        assertEquals("REJECTED", outcome(handler.handle(upload(bad, SampleDocuments.truncatedJpeg()), null)));
        assertFalse(stored(bad));
        String message = journey(waiting.journeyId()).message();
        assertTrue(message.startsWith("The front of the document was rejected: The image could not be read completely"), message);
        waiting.assertStillWaiting();

        assertEquals("ACCEPTED", outcome(handler.handle(upload(waiting.key(CaptureSide.FRONT), PASSPORT), null)));
        assertEquals(ExecutionStatus.SUCCEEDED, stepFunctions.awaitEnd(waiting.execution()).status());
    }

    @Test
    void eventsOfAnotherShapeOrForOtherObjectsChangeNothing() throws Exception {
        assertEquals(0, handler.handle(Json.object(), null).path("results").size());
        assertEquals(0, handler.handle(Json.parse("{\"Records\":\"not a list\"}"), null).path("results").size());
        assertEquals("IGNORED", outcome(handler.handle(Json.parse("{\"Records\":[{\"eventSource\":\"aws:sqs\",\"body\":\"{}\"}]}"), null)));

        Waiting waiting = journeyAwaitingFront();
        String key = waiting.key(CaptureSide.FRONT);
        JsonNode event = upload(key, PASSPORT);
        // the same object announced by another bucket is not this function's to read or remove
        ObjectNode elsewhere = event.deepCopy();
        ((ObjectNode) elsewhere.at("/Records/0/s3/bucket")).put("name", "another-bucket");
        assertEquals("IGNORED", outcome(handler.handle(elsewhere, null)));
        // a key S3 cannot have sent (a broken escape) fails the invocation: retried, then the dead-letter queue
        ObjectNode broken = event.deepCopy();
        ((ObjectNode) broken.at("/Records/0/s3/object")).put("key", "uploads/acme/%zz");
        assertThrows(IllegalArgumentException.class, () -> handler.handle(broken, null));

        assertTrue(stored(key));
        waiting.assertStillWaiting();
    }

    @Test
    void whenStepFunctionsCannotBeReachedTheRetriedEventResumesTheExecution() throws Exception {
        Waiting waiting = journeyAwaitingFront();
        String key = waiting.key(CaptureSide.FRONT);
        JsonNode event = upload(key, PASSPORT);
        DocumentUploadHandler cutOff = new DocumentUploadHandler(TestDeployment.withStepFunctionsUnreachable(settings), Clock.systemUTC());

        assertThrows(SdkClientException.class, () -> cutOff.handle(event, null));
        Journey recorded = journey(waiting.journeyId());
        assertEquals(key, recorded.image(CaptureSide.FRONT));
        assertEquals(JourneyStep.DOC_FRONT, recorded.waitingStep(), "the task token is kept for the retry");
        assertNotNull(recorded.waitingToken());
        assertEquals(ExecutionStatus.RUNNING, stepFunctions.describe(waiting.execution()).status());

        // Lambda retries the event; Step Functions answers again
        assertEquals("DUPLICATE", outcome(handler.handle(event, null)));
        assertEquals(ExecutionStatus.SUCCEEDED, stepFunctions.awaitEnd(waiting.execution()).status());
        assertNull(journey(waiting.journeyId()).waitingStep());
        assertEquals(1, stepFunctions.succeededTasks(waiting.execution()));
    }

    @Test
    void whenTheTableCannotBeReadTheObjectIsKeptForTheRetry() throws Exception {
        String key = CaptureKey.newUpload(TENANT, "j_" + Secrets.random(9), CaptureSide.FRONT).key();
        JsonNode event = upload(key, PASSPORT);
        DocumentUploadHandler noTable = new DocumentUploadHandler(TestDeployment.withoutTable(settings), Clock.systemUTC());
        assertThrows(ResourceNotFoundException.class, () -> noTable.handle(event, null));
        assertTrue(stored(key));
    }
}
