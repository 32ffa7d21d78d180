package io.kycflow.asl;

import static io.kycflow.asl.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Executions survive a restart of the runtime when it has an {@link ExecutionStore}. */
class RestartTest {
    @TempDir
    Path data;

    private LocalStepFunctions runtime(FakeLambda lambda) {
        return Fixtures.runtime().lambda(lambda).store(new ExecutionStore(data)).build();
    }

    private static String journeyInput(String id, int secondsLeft) {
        return "{\"tenantId\": \"t1\", \"journeyId\": \"" + id + "\", \"user\": {\"secondsLeft\": " + secondsLeft + "}}";
    }

    private static void answer(LocalStepFunctions sfn, String token, String idType) {
        sfn.sendTaskSuccess(token, "{\"secondsLeft\": 1000, \"consent\": true, \"idType\": \"" + idType + "\"}");
    }

    @Test
    void aJourneyContinuesWhereItWasWithAFreshToken() throws IOException {
        FakeLambda before = new FakeLambda();
        String execution;
        String staleToken;
        try (LocalStepFunctions sfn = runtime(before)) {
            String machine = sfn.createStateMachine("journey", JourneyDefinitionTest.journeyDefinition());
            execution = sfn.startExecution(machine, "j-restart", journeyInput("j-restart", 1000));
            answer(sfn, JourneyDefinitionTest.expectAwait(before, "CONSENT"), "PASSPORT");
            staleToken = JourneyDefinitionTest.expectAwait(before, "DOC_SELECTION");
        }

        FakeLambda after = new FakeLambda();
        after.on(JourneyDefinitionTest.CHECK, payload -> json("{\"passed\": true, \"secondsLeft\": 900}"));
        try (LocalStepFunctions sfn = runtime(after)) {
            assertEquals(ExecutionStatus.RUNNING, sfn.describeExecution(execution).status());
            assertEquals(1, sfn.resumeAll());
            String token = JourneyDefinitionTest.expectAwait(after, "DOC_SELECTION");
            assertNotEquals(staleToken, token);
            assertEquals("InvalidToken",
                    assertThrows(SfnException.class, () -> sfn.sendTaskSuccess(staleToken, "{}")).code());
            answer(sfn, token, "PASSPORT");
            answer(sfn, JourneyDefinitionTest.expectAwait(after, "DOC_FRONT"), "PASSPORT");
            answer(sfn, JourneyDefinitionTest.expectAwait(after, "FACE_CAPTURE"), "PASSPORT");
            JourneyDefinitionTest.expectRecorder(after, "complete");
            ExecutionInfo info = sfn.awaitExecution(execution, Duration.ofSeconds(5));
            assertEquals(ExecutionStatus.SUCCEEDED, info.status());
            // Consent was answered before the restart and is not asked again; the history spans both runs.
            List<HistoryEvent> history = sfn.getExecutionHistory(execution);
            assertEquals("ExecutionStarted", history.getFirst().type());
            assertEquals(1, history.stream().filter(e -> e.type().equals("TaskStateEntered")
                    && e.details().get("name").asText().equals("AwaitConsent")).count());
        }

        try (LocalStepFunctions sfn = runtime(new FakeLambda())) {
            assertEquals(0, sfn.resumeAll());
            assertEquals(ExecutionStatus.SUCCEEDED, sfn.describeExecution(execution).status());
            assertEquals(execution.substring(0, execution.indexOf(":execution:")) + ":stateMachine:journey",
                    sfn.createStateMachine("journey", JourneyDefinitionTest.journeyDefinition()));
        }
    }

    @Test
    void aJourneyWhoseLinkRanOutWhileDownExpiresRightAfterTheRestart() throws Exception {
        FakeLambda before = new FakeLambda();
        String execution;
        try (LocalStepFunctions sfn = runtime(before)) {
            String machine = sfn.createStateMachine("journey", JourneyDefinitionTest.journeyDefinition());
            // 30 s at the test time scale: the consent wait times out 300 ms after it started.
            execution = sfn.startExecution(machine, "j-down", journeyInput("j-down", 30));
            JourneyDefinitionTest.expectAwait(before, "CONSENT");
        }
        Thread.sleep(400);

        FakeLambda after = new FakeLambda();
        try (LocalStepFunctions sfn = runtime(after)) {
            sfn.resumeAll();
            // No new "await" call: the task is already out of time and goes straight to Expire.
            assertEquals("expire", after.next().payload().get("action").asText());
            ExecutionInfo info = sfn.awaitExecution(execution, Duration.ofSeconds(5));
            assertEquals(ExecutionStatus.SUCCEEDED, info.status());
            assertEquals("States.Timeout", json(info.output()).at("/error/Error").asText());
            assertNull(after.poll(50));
        }
    }

    @Test
    void theExecutionTimeoutAndWaitsKeepCountingFromTheOriginalTimes() throws Exception {
        String timedOut;
        String waiting;
        long started = System.nanoTime();
        try (LocalStepFunctions sfn = runtime(new FakeLambda())) {
            String timeoutMachine = sfn.createStateMachine("times-out", """
                    {"StartAt": "W", "TimeoutSeconds": 20, "States": {
                      "W": {"Type": "Wait", "Seconds": 100000, "End": true}}}""");
            String waitMachine = sfn.createStateMachine("waits", """
                    {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 100, "Next": "P"},
                      "P": {"Type": "Pass", "Result": "waited", "End": true}}}""");
            timedOut = sfn.startExecution(timeoutMachine, "down", "{}");
            waiting = sfn.startExecution(waitMachine, "down", "{}");
            Thread.sleep(100);
        }
        Thread.sleep(300);

        try (LocalStepFunctions sfn = runtime(new FakeLambda())) {
            assertEquals(2, sfn.resumeAll());
            ExecutionInfo info = sfn.awaitExecution(timedOut, Duration.ofSeconds(1));
            assertEquals(ExecutionStatus.TIMED_OUT, info.status());
            ExecutionInfo waited = sfn.awaitExecution(waiting, Duration.ofSeconds(5));
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals("\"waited\"", waited.output());
            // 100 s at scale 0.01 is one second from the start, not one second from the restart.
            assertTrue(millis >= 990 && millis < 1300, "took " + millis + " ms");
        }
    }
}
