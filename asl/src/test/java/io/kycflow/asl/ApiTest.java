package io.kycflow.asl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The API object: validation, idempotency and the AWS error codes. */
class ApiTest {
    private static final String WAITS = """
            {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 100000, "End": true}}}""";
    private static final String PASSES = """
            {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}""";

    private final LocalStepFunctions sfn = Fixtures.runtime().lambda(new FakeLambda()).build();

    @AfterEach
    void close() {
        sfn.close();
    }

    private static void assertCode(String code, Runnable call) {
        assertEquals(code, assertThrows(SfnException.class, call::run).code());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json",
        "[]",
        "{\"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}",
        "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"Next\": \"Nowhere\"}}}",
        "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true, \"Next\": \"P\"}}}",
        "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\"}}}",
        "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"Ressult\": 1, \"End\": true}}}",
        "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Teleport\", \"End\": true}}}",
        "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"Parameters\": {\"x.$\": \"States.Nope()\"}, \"End\": true}}}",
        "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"Parameters\": {\"x.$\": \"no path\"}, \"End\": true}}}",
        "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"ResultPath\": \"$.a[*]\", \"End\": true}}}",
        "{\"StartAt\": \"T\", \"States\": {\"T\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::dynamodb:putItem\", \"End\": true}}}",
        "{\"StartAt\": \"T\", \"States\": {\"T\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"TimeoutSeconds\": 5, \"HeartbeatSeconds\": 5, \"End\": true}}}",
        "{\"StartAt\": \"T\", \"States\": {\"T\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"Retry\": [{\"ErrorEquals\": [\"States.ALL\"]}, {\"ErrorEquals\": [\"X\"]}], \"End\": true}}}",
        "{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": 1, \"SecondsPath\": \"$.s\", \"End\": true}}}",
        "{\"StartAt\": \"C\", \"States\": {\"C\": {\"Type\": \"Choice\", \"Choices\": []}}}",
        "{\"StartAt\": \"M\", \"States\": {\"M\": {\"Type\": \"Map\", \"End\": true}}}",
        "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}",
        "{\"StartAt\": \"P\", \"TimeoutSeconds\": 0, \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}"
    })
    void invalidDefinitionsAreRejected(String definition) {
        assertCode("InvalidDefinition", () -> sfn.createStateMachine(Fixtures.uniqueName("bad"), definition));
    }

    @Test
    void namesAreValidated() {
        assertCode("InvalidName", () -> sfn.createStateMachine("has space", PASSES));
        assertCode("InvalidName", () -> sfn.createStateMachine("x".repeat(81), PASSES));
        String machine = sfn.createStateMachine("names", PASSES);
        assertCode("InvalidName", () -> sfn.startExecution(machine, "a:b", "{}"));
    }

    @Test
    void creatingTheSameStateMachineAgainIsIdempotentButADifferentOneConflicts() {
        String arn = sfn.createStateMachine("twice", PASSES);
        assertEquals("arn:aws:states:us-east-1:123456789012:stateMachine:twice", arn);
        assertEquals(arn, sfn.createStateMachine("twice", PASSES));
        assertCode("StateMachineAlreadyExists", () -> sfn.createStateMachine("twice", WAITS));
        sfn.updateStateMachine(arn, WAITS);
        assertEquals(WAITS, sfn.describeStateMachine(arn).definition());
        assertTrue(sfn.listStateMachines().stream().anyMatch(m -> m.stateMachineArn().equals(arn)));
    }

    @Test
    void startingARunningExecutionAgainIsIdempotentOnlyWithTheSameInput() {
        String machine = sfn.createStateMachine("idempotent", WAITS);
        String arn = sfn.startExecution(machine, "journey-1", "{\"a\": 1}");
        assertEquals("arn:aws:states:us-east-1:123456789012:execution:idempotent:journey-1", arn);
        assertEquals(arn, sfn.startExecution(machine, "journey-1", "{\"a\":1.0}"));
        assertCode("ExecutionAlreadyExists", () -> sfn.startExecution(machine, "journey-1", "{\"a\": 2}"));
        sfn.stopExecution(arn, null, null);
        assertCode("ExecutionAlreadyExists", () -> sfn.startExecution(machine, "journey-1", "{\"a\": 1}"));
    }

    @Test
    void unknownThingsAndBadInputHaveTheirOwnCodes() {
        String machine = sfn.createStateMachine("codes", PASSES);
        assertCode("InvalidExecutionInput", () -> sfn.startExecution(machine, "x", "{oops"));
        assertCode("StateMachineDoesNotExist", () -> sfn.startExecution(machine + "-nope", "x", "{}"));
        assertCode("ExecutionDoesNotExist", () -> sfn.describeExecution(
                "arn:aws:states:us-east-1:123456789012:execution:codes:nope"));
        assertCode("InvalidArn", () -> sfn.describeExecution("not-an-arn"));
        assertCode("InvalidArn", () -> sfn.describeStateMachine(
                "arn:aws:states:us-east-1:123456789012:execution:codes:x"));
        assertCode("ValidationException", () -> sfn.sendTaskSuccess(null, "{}"));
    }

    @Test
    void executionsAreListedNewestFirstAndCanBeFiltered() {
        String machine = sfn.createStateMachine("listing", WAITS);
        String first = sfn.startExecution(machine, "first", "{}");
        String second = sfn.startExecution(machine, "second", "{}");
        sfn.stopExecution(first, null, null);
        assertEquals(List.of(second, first), sfn.listExecutions(machine, null).stream()
                .map(ExecutionInfo::executionArn).toList());
        assertEquals(List.of(first), sfn.listExecutions(machine, ExecutionStatus.ABORTED).stream()
                .map(ExecutionInfo::executionArn).toList());
        ExecutionInfo running = sfn.awaitExecution(second, Duration.ofMillis(20));
        assertEquals(ExecutionStatus.RUNNING, running.status());
        assertEquals("{}", running.input());
    }
}
