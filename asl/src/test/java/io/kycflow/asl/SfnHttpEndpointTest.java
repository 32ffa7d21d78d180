package io.kycflow.asl;

import static io.kycflow.asl.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** The HTTP endpoint driven by the real AWS SDK v2 client. */
class SfnHttpEndpointTest {
    private static final String CALLBACK = """
            {"StartAt": "Await", "States": {
              "Await": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                "Parameters": {"FunctionName": "recorder", "Payload": {"token.$": "$$.Task.Token"}},
                "TimeoutSecondsPath": "$.seconds", "ResultPath": "$.answer", "Next": "Done"},
              "Done": {"Type": "Succeed"}}}""";

    private static final FakeLambda LAMBDA = new FakeLambda();
    private static LocalStepFunctions sfn;
    private static SfnHttpEndpoint endpoint;
    private static SfnClient client;
    private static String machine;

    @BeforeAll
    static void start() throws IOException {
        sfn = Fixtures.runtime().lambda(LAMBDA).build();
        endpoint = SfnHttpEndpoint.start(sfn, 0);
        client = Fixtures.sfnClient(endpoint.endpoint());
        machine = client.createStateMachine(r -> r.name("http-callback").definition(CALLBACK)
                .roleArn("arn:aws:iam::123456789012:role/test")).stateMachineArn();
    }

    @AfterAll
    static void stop() {
        client.close();
        endpoint.close();
        sfn.close();
    }

    private static String token() {
        return LAMBDA.next().payload().get("token").asText();
    }

    private static DescribeExecutionResponse awaitEnd(String execution) {
        sfn.awaitExecution(execution, Duration.ofSeconds(5));
        return client.describeExecution(r -> r.executionArn(execution));
    }

    @Test
    void listensOnLoopbackOnly() {
        assertEquals("127.0.0.1", endpoint.endpoint().getHost());
        assertTrue(endpoint.port() > 0);
    }

    @Test
    void aCallbackExecutionRunsThroughTheSdk() {
        Instant before = Instant.now().minusSeconds(1);
        var started = client.startExecution(r -> r.stateMachineArn(machine).name("sdk-1")
                .input("{\"seconds\": 1000}"));
        assertTrue(started.startDate().isAfter(before));
        String token = token();
        assertEquals(ExecutionStatus.RUNNING,
                client.describeExecution(r -> r.executionArn(started.executionArn())).status());
        client.sendTaskHeartbeat(r -> r.taskToken(token));
        client.sendTaskSuccess(r -> r.taskToken(token).output("{\"consent\": true}"));

        DescribeExecutionResponse done = awaitEnd(started.executionArn());
        assertEquals(ExecutionStatus.SUCCEEDED, done.status());
        assertEquals(json("{\"seconds\": 1000, \"answer\": {\"consent\": true}}"), json(done.output()));
        assertEquals("sdk-1", done.name());
        assertEquals(machine, done.stateMachineArn());
        assertTrue(!done.stopDate().isBefore(done.startDate()));

        assertThrows(TaskDoesNotExistException.class,
                () -> client.sendTaskSuccess(r -> r.taskToken(token).output("{}")));
        assertThrows(InvalidTokenException.class,
                () -> client.sendTaskFailure(r -> r.taskToken("bogus").error("E")));
        assertThrows(ExecutionAlreadyExistsException.class, () -> client.startExecution(
                r -> r.stateMachineArn(machine).name("sdk-1").input("{\"seconds\": 1000}")));

        assertTrue(client.listExecutions(r -> r.stateMachineArn(machine)).executions().stream()
                .anyMatch(e -> e.executionArn().equals(started.executionArn())
                        && e.status() == ExecutionStatus.SUCCEEDED));
    }

    @Test
    void historyPagesThroughAllEvents() {
        String execution = client.startExecution(r -> r.stateMachineArn(machine).input("{\"seconds\": 1000}"))
                .executionArn();
        client.sendTaskSuccess(r -> r.taskToken(token()).output("1"));
        awaitEnd(execution);
        List<HistoryEvent> events = client.getExecutionHistoryPaginator(r -> r.executionArn(execution).maxResults(3))
                .events().stream().toList();
        assertEquals(sfn.getExecutionHistory(execution).size(), events.size());
        assertEquals(HistoryEventType.EXECUTION_STARTED, events.getFirst().type());
        assertEquals("{\"seconds\": 1000}", events.getFirst().executionStartedEventDetails().input());
        HistoryEvent entered = events.get(1);
        assertEquals(HistoryEventType.TASK_STATE_ENTERED, entered.type());
        assertEquals("Await", entered.stateEnteredEventDetails().name());
        assertTrue(events.stream().anyMatch(e -> e.type() == HistoryEventType.TASK_SUBMITTED
                && e.taskSubmittedEventDetails().resource().equals("invoke.waitForTaskToken")));
        HistoryEvent last = events.getLast();
        assertEquals(HistoryEventType.EXECUTION_SUCCEEDED, last.type());
        assertEquals("{\"seconds\":1000,\"answer\":1}", last.executionSucceededEventDetails().output());
        List<HistoryEvent> reversed = client.getExecutionHistory(r -> r.executionArn(execution).reverseOrder(true))
                .events();
        assertEquals(HistoryEventType.EXECUTION_SUCCEEDED, reversed.getFirst().type());
    }

    @Test
    void timedOutAndStoppedExecutionsReportLikeAws() {
        String timedOut = client.startExecution(r -> r.stateMachineArn(machine).input("{\"seconds\": 5}"))
                .executionArn();
        String token = token();
        DescribeExecutionResponse failed = awaitEnd(timedOut);
        assertEquals(ExecutionStatus.FAILED, failed.status());
        assertEquals("States.Timeout", failed.error());
        assertThrows(TaskTimedOutException.class, () -> client.sendTaskSuccess(r -> r.taskToken(token).output("{}")));

        String stopped = client.startExecution(r -> r.stateMachineArn(machine).input("{\"seconds\": 1000}"))
                .executionArn();
        token();
        var stop = client.stopExecution(r -> r.executionArn(stopped).error("Stop").cause("test"));
        assertTrue(stop.stopDate() != null);
        DescribeExecutionResponse aborted = client.describeExecution(r -> r.executionArn(stopped));
        assertEquals(ExecutionStatus.ABORTED, aborted.status());
        assertEquals("Stop", aborted.error());
    }

    @Test
    void errorsBecomeTheSdkExceptions() {
        assertThrows(ExecutionDoesNotExistException.class, () -> client.describeExecution(
                r -> r.executionArn("arn:aws:states:us-east-1:123456789012:execution:http-callback:none")));
        assertThrows(StateMachineDoesNotExistException.class, () -> client.startExecution(
                r -> r.stateMachineArn(machine + "-missing")));
        InvalidDefinitionException invalid = assertThrows(InvalidDefinitionException.class,
                () -> client.createStateMachine(r -> r.name("broken").definition("{}").roleArn("arn:aws:iam::1:role/r")));
        assertTrue(invalid.awsErrorDetails().errorMessage().startsWith("Invalid State Machine Definition"));
        assertEquals(400, invalid.statusCode());
    }

    @Test
    void requestsWithoutATargetAreRejected() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(endpoint.endpoint() + "/"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode());
        assertEquals("UnknownOperationException", json(response.body()).get("__type").asText());
        assertEquals("application/x-amz-json-1.0", response.headers().firstValue("Content-Type").orElseThrow());
    }
}
