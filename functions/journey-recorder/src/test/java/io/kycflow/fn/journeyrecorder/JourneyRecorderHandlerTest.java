package io.kycflow.fn.journeyrecorder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.asl.ExecutionInfo;
import io.kycflow.asl.ExecutionStatus;
import io.kycflow.auth.Secrets;
import io.kycflow.aws.AwsClients;
import io.kycflow.aws.AwsJourneys;
import io.kycflow.aws.Settings;
import io.kycflow.journey.CurrentStatus;
import io.kycflow.journey.DecisionStatus;
import io.kycflow.journey.IdType;
import io.kycflow.journey.Journey;
import io.kycflow.journey.JourneyNotFoundException;
import io.kycflow.journey.JourneyRules;
import io.kycflow.journey.JourneyService;
import io.kycflow.journey.JourneyStep;
import io.kycflow.json.Json;
import io.kycflow.store.DynamoJourneyRepository;
import io.kycflow.testing.TestDeployment;
import io.kycflow.testing.TestStepFunctions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recorder as the journey's executions invoke it, on embedded DynamoDB and the project's Step Functions endpoint,
 * and with the events they send delivered again, malformed or against unreachable services.
 */
class JourneyRecorderHandlerTest {
    private static final String TENANT = "acme";

    private static TestStepFunctions stepFunctions;
    private static Settings settings;
    private static JourneyRecorderHandler recorder;
    private static DynamoJourneyRepository journeys;
    private static JourneyService service;

    @BeforeAll
    static void start() {
        stepFunctions = TestStepFunctions.start();
        settings = stepFunctions.settings(TestDeployment.named("journey-recorder-test"), null);
        recorder = new JourneyRecorderHandler(settings, Clock.systemUTC());
        stepFunctions.recorder(recorder);
        AwsJourneys wiring = AwsJourneys.resuming(settings, AwsClients.dynamoDb(settings), Clock.systemUTC());
        journeys = wiring.repository();
        service = wiring.service();
    }

    @AfterAll
    static void stop() {
        stepFunctions.close();
    }

    private static Journey newJourney() {
        Journey journey = Journey.create(TENANT, "j_" + Secrets.random(9), System.currentTimeMillis(), 3600);
        journeys.create(journey, Secrets.hash(Secrets.newJourneyToken()));
        return journey;
    }

    private static Journey stored(Journey journey) {
        return journeys.find(TENANT, journey.journeyId()).orElseThrow();
    }

    private static ObjectNode event(String action, Journey journey) {
        return Json.object().put("action", action).put("tenantId", TENANT).put("journeyId", journey.journeyId());
    }

    /** A passport journey whose document check passed and whose user steps are all done: completion is due. */
    private static Journey journeyDueForCompletion() {
        Journey journey = newJourney();
        service.update(TENANT, journey.journeyId(), (j, now) -> {
            JourneyRules.acceptConsent(j, true, now);
            JourneyRules.selectDocument(j, "ESP", IdType.PASSPORT, now);
            JourneyRules.recordDocumentCheck(j, Json.object(), true, Json.array(), now);
            return null;
        });
        return journey;
    }

    @Test
    void aWaitStoresItsTokenAndTheUsersInputResumesIt() {
        Journey journey = newJourney();
        String execution = stepFunctions.awaitStep(journeys, journey, JourneyStep.CONSENT);
        Journey waiting = stored(journey);
        assertEquals(JourneyStep.CONSENT, waiting.step());
        assertEquals("Waiting for the user's consent.", waiting.message());
        assertEquals(ExecutionStatus.RUNNING, stepFunctions.describe(execution).status());

        service.userInput(TENANT, journey.journeyId(), JourneyStep.CONSENT, (j, now) -> JourneyRules.acceptConsent(j, true, now));
        ExecutionInfo ended = stepFunctions.awaitEnd(execution);
        assertEquals(ExecutionStatus.SUCCEEDED, ended.status());
        assertTrue(TestStepFunctions.output(ended).at("/user/consent").asBoolean(), ended.output());
        assertNull(stored(journey).waitingStep());
    }

    @Test
    void aWaitForInputAlreadyGivenResumesAtOnce() {
        Journey journey = newJourney();
        service.userInput(TENANT, journey.journeyId(), JourneyStep.CONSENT, (j, now) -> JourneyRules.acceptConsent(j, false, now));

        String execution = stepFunctions.startWaiting(journey, JourneyStep.CONSENT);
        ExecutionInfo ended = stepFunctions.awaitEnd(execution);
        assertEquals(ExecutionStatus.SUCCEEDED, ended.status());
        assertEquals(false, TestStepFunctions.output(ended).at("/user/consent").asBoolean(true), ended.output());
        assertNull(stored(journey).waitingStep());
    }

    @Test
    void theSameWaitDeliveredTwiceKeepsOneWait() {
        Journey journey = newJourney();
        ObjectNode await = event("await", journey).put("step", "CONSENT").put("taskToken", "token-1");
        JsonNode first = recorder.handle(await, null);
        JsonNode second = recorder.handle(await, null);
        assertEquals(first, second);
        assertEquals("CONSENT", second.get("step").asText());
        Journey waiting = stored(journey);
        assertEquals(JourneyStep.CONSENT, waiting.waitingStep());
        assertEquals("token-1", waiting.waitingToken());
    }

    @Test
    void aRetriedCompletionKeepsTheFirstDecision() {
        Journey journey = journeyDueForCompletion();
        JsonNode completed = recorder.handle(event("complete", journey), null);
        assertEquals("COMPLETE", completed.get("step").asText());
        assertEquals("Approved", completed.get("decisionStatus").asText());
        JsonNode first = stored(journey).state();

        assertEquals(completed, recorder.handle(event("complete", journey), null));
        JsonNode again = stored(journey).state();
        assertEquals(first.get("completedAt"), again.get("completedAt"));
        assertEquals(first.get("endedAt"), again.get("endedAt"));
        assertEquals(first.get("message"), again.get("message"));
        // and a late expiry or failure does not override it either
        recorder.handle(event("expire", journey), null);
        recorder.handle(event("fail", journey), null);
        assertEquals(DecisionStatus.APPROVED, stored(journey).decisionStatus());
    }

    @Test
    void declinedConsentIsRecordedOnce() {
        Journey journey = newJourney();
        assertEquals("Declined", recorder.handle(event("consent_declined", journey), null).get("decisionStatus").asText());
        JsonNode first = stored(journey).state();
        recorder.handle(event("consent_declined", journey), null);
        Journey again = stored(journey);
        assertEquals(first.get("endedAt"), again.state().get("endedAt"));
        assertEquals(CurrentStatus.COMPLETED, again.currentStatus());
        assertEquals("consent", again.state().path("declineReason").asText());
    }

    @Test
    void expiryAndFailureEndTheJourneyWithTheirReason() {
        Journey expiring = newJourney();
        recorder.handle(event("await", expiring).put("step", "CONSENT").put("taskToken", "token-2"), null);
        assertEquals("Expired", recorder.handle(event("expire", expiring), null).get("decisionStatus").asText());
        assertNull(stored(expiring).waitingStep(), "an ended journey holds no token");

        Journey failing = newJourney();
        // what the Catch puts at $.error
        ObjectNode fail = event("fail", failing);
        fail.putObject("error").put("Error", "States.Timeout").put("Cause", "the document check took too long");
        JsonNode failed = recorder.handle(fail, null);
        assertEquals("In Review", failed.get("decisionStatus").asText());
        assertTrue(stored(failing).message().contains("(States.Timeout)"), stored(failing).message());
    }

    @Test
    void aWaitOnAnEndedJourneyFailsTheExecution() {
        Journey journey = newJourney();
        recorder.handle(event("expire", journey), null);
        assertThrows(IllegalStateException.class,
                () -> recorder.handle(event("await", journey).put("step", "CONSENT").put("taskToken", "token-3"), null));

        String execution = stepFunctions.startWaiting(journey, JourneyStep.CONSENT);
        ExecutionInfo ended = stepFunctions.awaitEnd(execution);
        assertEquals(ExecutionStatus.FAILED, ended.status());
        assertEquals("java.lang.IllegalStateException", ended.error());
        assertEquals(DecisionStatus.EXPIRED, stored(journey).decisionStatus());
    }

    @Test
    void malformedOrUnexpectedEventsFailAndChangeNothing() {
        Journey journey = newJourney();
        long version = stored(journey).version();
        assertEquals("unknown action dance",
                assertThrows(IllegalArgumentException.class, () -> recorder.handle(event("dance", journey), null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> recorder.handle(Json.object(), null));
        assertThrows(IllegalArgumentException.class,
                () -> recorder.handle(event("await", journey).put("step", "NAP").put("taskToken", "t"), null));
        assertEquals("DOC_CHECK is not a user step", assertThrows(IllegalArgumentException.class,
                () -> recorder.handle(event("await", journey).put("step", "DOC_CHECK").put("taskToken", "t"), null)).getMessage());
        // the completion of a journey whose document was never checked is a bug of the caller, not a decision
        assertThrows(IllegalStateException.class, () -> recorder.handle(event("complete", journey), null));
        assertEquals(version, stored(journey).version());

        ObjectNode elsewhere = event("complete", journey).put("tenantId", "another-tenant");
        assertThrows(JourneyNotFoundException.class, () -> recorder.handle(elsewhere, null));
    }

    @Test
    void whenResumingFailsTheRetriedWaitResumes() {
        Journey journey = newJourney();
        String execution = stepFunctions.awaitStep(journeys, journey, JourneyStep.CONSENT);
        String token = stored(journey).waitingToken();
        // the consent lands without resuming (as if its own resume had failed), then the wait is delivered again
        Journey consented = stored(journey);
        JourneyRules.acceptConsent(consented, true, System.currentTimeMillis());
        journeys.save(consented);
        ObjectNode await = event("await", journey).put("step", "CONSENT").put("taskToken", token);
        JourneyRecorderHandler cutOff = new JourneyRecorderHandler(TestDeployment.withStepFunctionsUnreachable(settings), Clock.systemUTC());
        assertThrows(SdkClientException.class, () -> cutOff.handle(await, null));
        assertEquals(ExecutionStatus.RUNNING, stepFunctions.describe(execution).status());

        // the state machine's retry of the task
        recorder.handle(await, null);
        assertEquals(ExecutionStatus.SUCCEEDED, stepFunctions.awaitEnd(execution).status());
        assertEquals(1, stepFunctions.succeededTasks(execution));
    }

    @Test
    void whenTheTableCannotBeReachedTheStepFails() {
        JourneyRecorderHandler noTable = new JourneyRecorderHandler(TestDeployment.withoutTable(settings), Clock.systemUTC());
        assertThrows(ResourceNotFoundException.class, () -> noTable.handle(event("expire", newJourney()), null));
    }
}
