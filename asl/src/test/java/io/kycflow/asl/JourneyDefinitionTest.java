package io.kycflow.asl;

import static io.kycflow.asl.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the project's real statemachines/journey.asl.json with fake recorder, document-check and AML functions. */
class JourneyDefinitionTest {
    static final String RECORDER = "arn:aws:lambda:us-east-1:123456789012:function:journey-recorder";
    static final String CHECK = "arn:aws:lambda:us-east-1:123456789012:function:document-check";
    static final String AML = "arn:aws:lambda:us-east-1:123456789012:function:aml-screening";

    private final FakeLambda lambda = new FakeLambda();
    private LocalStepFunctions sfn;
    private String machine;

    /** The definition with the template substitutions done, as SAM would. */
    static String journeyDefinition() throws IOException {
        Path project = Path.of(System.getProperty("kycflow.project.dir", ".."));
        String text = Files.readString(project.resolve("statemachines/journey.asl.json"));
        return text.replace("${JourneyRecorderFunctionArn}", RECORDER).replace("${DocumentCheckFunctionArn}", CHECK)
                .replace("${AmlScreeningFunctionArn}", AML);
    }

    @BeforeEach
    void start() throws IOException {
        sfn = Fixtures.runtime().lambda(lambda).build();
        machine = sfn.createStateMachine("journey", journeyDefinition());
    }

    @AfterEach
    void close() {
        sfn.close();
    }

    private String startJourney(String journeyId, int secondsLeft) {
        return sfn.startExecution(machine, journeyId, """
                {"tenantId": "t1", "journeyId": "%s", "user": {"secondsLeft": %d}}""".formatted(journeyId, secondsLeft));
    }

    /** Expects the recorder's "await" call for {@code step} and returns its task token. */
    static String expectAwait(FakeLambda lambda, String step) {
        JsonNode payload = expectRecorder(lambda, "await");
        assertEquals(step, payload.get("step").asText());
        assertEquals("t1", payload.get("tenantId").asText());
        return payload.get("taskToken").asText();
    }

    /**
     * Expects a recorder call with {@code action} and returns its payload. Document checks and AML screenings before
     * it are skipped: how often a failing check is retried is the definition's business.
     */
    static JsonNode expectRecorder(FakeLambda lambda, String action) {
        FakeLambda.Call call = lambda.next();
        while (call.function().equals(CHECK) || call.function().equals(AML)) {
            call = lambda.next();
        }
        assertEquals(RECORDER, call.function());
        assertEquals(action, call.payload().get("action").asText(), call.payload().toString());
        return call.payload();
    }

    private void answer(String token, boolean consent, String idType) {
        sfn.sendTaskSuccess(token, """
                {"secondsLeft": 1000, "consent": %s, "idType": "%s"}""".formatted(consent, idType));
    }

    private ExecutionInfo finish(String execution) {
        return sfn.awaitExecution(execution, Duration.ofSeconds(5));
    }

    /** Names of the states the execution entered, in order. */
    private List<String> path(String execution) {
        return sfn.getExecutionHistory(execution).stream()
                .filter(e -> e.type().endsWith("StateEntered"))
                .map(e -> e.details().get("name").asText())
                .toList();
    }

    @Test
    void aPassportJourneySkipsTheBackSideAndCompletes() {
        lambda.on(CHECK, payload -> json("{\"passed\": true, \"secondsLeft\": 900}"));
        String execution = startJourney("j-passport", 1000);
        answer(expectAwait(lambda, "CONSENT"), true, "PASSPORT");
        answer(expectAwait(lambda, "DOC_SELECTION"), true, "PASSPORT");
        answer(expectAwait(lambda, "DOC_FRONT"), true, "PASSPORT");
        FakeLambda.Call check = lambda.next();
        assertEquals(CHECK, check.function());
        assertEquals(json("{\"tenantId\": \"t1\", \"journeyId\": \"j-passport\"}"), check.payload());
        answer(expectAwait(lambda, "FACE_CAPTURE"), true, "PASSPORT");
        FakeLambda.Call screening = lambda.next();
        assertEquals(AML, screening.function());
        assertEquals(json("{\"action\": \"screen_journey\", \"tenantId\": \"t1\", \"journeyId\": \"j-passport\"}"),
                screening.payload());
        assertEquals("j-passport", expectRecorder(lambda, "complete").get("journeyId").asText());

        ExecutionInfo info = finish(execution);
        assertEquals(ExecutionStatus.SUCCEEDED, info.status());
        assertEquals(List.of("AwaitConsent", "ConsentGiven", "AwaitDocumentSelection", "AwaitDocumentFront",
                "HasBackSide", "CheckDocument", "AwaitSelfie", "ScreenApplicant", "Complete", "Completed"), path(execution));
        JsonNode output = json(info.output());
        assertEquals("PASSPORT", output.at("/user/idType").asText());
        assertNull(output.get("error"));
    }

    @Test
    void anIdCardJourneyAsksForTheBackSide() {
        lambda.on(CHECK, payload -> json("{\"passed\": true, \"secondsLeft\": 900}"));
        String execution = startJourney("j-idcard", 1000);
        answer(expectAwait(lambda, "CONSENT"), true, "ID_CARD");
        answer(expectAwait(lambda, "DOC_SELECTION"), true, "ID_CARD");
        answer(expectAwait(lambda, "DOC_FRONT"), true, "ID_CARD");
        answer(expectAwait(lambda, "DOC_BACK"), true, "ID_CARD");
        answer(expectAwait(lambda, "FACE_CAPTURE"), true, "ID_CARD");
        expectRecorder(lambda, "complete");
        assertEquals(ExecutionStatus.SUCCEEDED, finish(execution).status());
        assertTrue(path(execution).contains("AwaitDocumentBack"));
    }

    @Test
    void declinedConsentIsRecordedAndEndsTheJourney() {
        String execution = startJourney("j-declined", 1000);
        answer(expectAwait(lambda, "CONSENT"), false, "");
        expectRecorder(lambda, "consent_declined");
        assertEquals(ExecutionStatus.SUCCEEDED, finish(execution).status());
        assertEquals("RecordConsentDeclined", path(execution).getLast());
    }

    @Test
    void aJourneyWhoseLinkRunsOutExpires() {
        // 5 s left at the time scale of the tests is 50 ms without an answer.
        String execution = startJourney("j-expired", 5);
        String token = expectAwait(lambda, "CONSENT");
        expectRecorder(lambda, "expire");
        ExecutionInfo info = finish(execution);
        assertEquals(ExecutionStatus.SUCCEEDED, info.status());
        assertEquals("Expired", path(execution).getLast());
        assertEquals("States.Timeout", json(info.output()).at("/error/Error").asText());
        assertEquals("TaskTimedOut", assertThrows(SfnException.class,
                () -> sfn.sendTaskSuccess(token, "{}")).code());
    }

    @Test
    void aFailingDocumentCheckIsRecordedAndFailsTheJourney() {
        lambda.on(CHECK, payload -> {
            throw new LambdaFunctionError("DocumentUnreadable", "blurred");
        });
        String execution = startJourney("j-failed", 1000);
        answer(expectAwait(lambda, "CONSENT"), true, "PASSPORT");
        answer(expectAwait(lambda, "DOC_SELECTION"), true, "PASSPORT");
        answer(expectAwait(lambda, "DOC_FRONT"), true, "PASSPORT");
        JsonNode failure = expectRecorder(lambda, "fail");
        assertEquals("DocumentUnreadable", failure.at("/error/Error").asText());
        assertEquals("blurred", json(failure.at("/error/Cause").asText()).get("errorMessage").asText());

        ExecutionInfo info = finish(execution);
        assertEquals(ExecutionStatus.FAILED, info.status());
        assertEquals("JourneyFailed", info.error());
        assertEquals("A journey step failed; the journey records why.", info.cause());
    }

    @Test
    void transientDocumentCheckErrorsAreRetried() {
        AtomicInteger checks = new AtomicInteger();
        lambda.on(CHECK, payload -> {
            if (checks.incrementAndGet() < 3) {
                throw new LambdaFunctionError("TransientError", "try again");
            }
            return json("{\"passed\": true, \"secondsLeft\": 900}");
        });
        String execution = startJourney("j-retry", 1000);
        answer(expectAwait(lambda, "CONSENT"), true, "PASSPORT");
        answer(expectAwait(lambda, "DOC_SELECTION"), true, "PASSPORT");
        answer(expectAwait(lambda, "DOC_FRONT"), true, "PASSPORT");
        answer(expectAwait(lambda, "FACE_CAPTURE"), true, "PASSPORT");
        expectRecorder(lambda, "complete");
        assertEquals(ExecutionStatus.SUCCEEDED, finish(execution).status());
        assertEquals(3, checks.get());
    }

    @Test
    void aFailingAmlScreeningIsRetriedThenRecordedAsAFailure() {
        lambda.on(CHECK, payload -> json("{\"passed\": true, \"secondsLeft\": 900}"));
        AtomicInteger screenings = new AtomicInteger();
        lambda.on(AML, payload -> {
            screenings.incrementAndGet();
            throw new LambdaFunctionError("ListsUnavailableException", "no list published");
        });
        String execution = startJourney("j-aml-down", 1000);
        answer(expectAwait(lambda, "CONSENT"), true, "PASSPORT");
        answer(expectAwait(lambda, "DOC_SELECTION"), true, "PASSPORT");
        answer(expectAwait(lambda, "DOC_FRONT"), true, "PASSPORT");
        answer(expectAwait(lambda, "FACE_CAPTURE"), true, "PASSPORT");
        JsonNode failure = expectRecorder(lambda, "fail");
        assertEquals("ListsUnavailableException", failure.at("/error/Error").asText());
        assertEquals(ExecutionStatus.FAILED, finish(execution).status());
        assertEquals(4, screenings.get(), "the first attempt and three retries");
    }
}
