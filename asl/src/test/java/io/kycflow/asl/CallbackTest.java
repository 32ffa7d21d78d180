package io.kycflow.asl;

import static io.kycflow.asl.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** .waitForTaskToken tasks: tokens, SendTask* answers, timeouts and heartbeats; also SQS and stop. */
class CallbackTest {
    private final FakeLambda lambda = new FakeLambda();
    private final BlockingQueue<SqsMessage> sent = new LinkedBlockingQueue<>();
    private final LocalStepFunctions sfn = Fixtures.runtime()
            .lambda(lambda)
            .sqs(message -> {
                sent.add(message);
                return "msg-" + sent.size();
            })
            .build();

    @AfterEach
    void close() {
        sfn.close();
    }

    /** A callback task; {@code extra} adds fields such as timeouts, Retry or Catch. */
    private String start(String extra, String input) {
        String machine = sfn.createStateMachine(Fixtures.uniqueName("callback"), """
                {"StartAt": "Await", "States": {
                  "Await": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                    "Parameters": {"FunctionName": "recorder",
                                   "Payload": {"token.$": "$$.Task.Token", "id.$": "$.id"}},
                    "ResultPath": "$.answer" %s, "End": true},
                  "Caught": {"Type": "Pass", "End": true}}}""".formatted(extra));
        return sfn.startExecution(machine, null, input);
    }

    private String nextToken() {
        return lambda.next().payload().get("token").asText();
    }

    private ExecutionInfo await(String execution) {
        return sfn.awaitExecution(execution, Duration.ofSeconds(5));
    }

    private static void assertCode(String code, Runnable call) {
        assertEquals(code, assertThrows(SfnException.class, call::run).code());
    }

    @Test
    void sendTaskSuccessCompletesTheTaskOnce() {
        String execution = start("", "{\"id\": 7}");
        FakeLambda.Call call = lambda.next();
        assertEquals(7, call.payload().get("id").asInt());
        String token = call.payload().get("token").asText();
        sfn.sendTaskSuccess(token, "{\"consent\": true}");
        ExecutionInfo info = await(execution);
        assertEquals(json("{\"id\": 7, \"answer\": {\"consent\": true}}"), json(info.output()));
        assertCode("TaskDoesNotExist", () -> sfn.sendTaskSuccess(token, "{}"));
        assertCode("TaskDoesNotExist", () -> sfn.sendTaskHeartbeat(token));
        assertCode("InvalidToken", () -> sfn.sendTaskSuccess("never-issued", "{}"));
        List<String> types = sfn.getExecutionHistory(execution).stream().map(HistoryEvent::type).toList();
        assertTrue(types.containsAll(List.of("TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded")),
                types.toString());
    }

    @Test
    void invalidOutputIsRejectedAndTheTaskKeepsWaiting() {
        String execution = start("", "{\"id\": 1}");
        String token = nextToken();
        assertCode("InvalidOutput", () -> sfn.sendTaskSuccess(token, "{not json"));
        sfn.sendTaskSuccess(token, "42");
        assertEquals(json("{\"id\": 1, \"answer\": 42}"), json(await(execution).output()));
    }

    @Test
    void sendTaskFailureFailsTheTaskWithItsErrorAndCause() {
        String execution = start("", "{\"id\": 1}");
        sfn.sendTaskFailure(nextToken(), "User.Rejected", "said no");
        ExecutionInfo info = await(execution);
        assertEquals(ExecutionStatus.FAILED, info.status());
        assertEquals("User.Rejected", info.error());
        assertEquals("said no", info.cause());
    }

    @Test
    void eachRetryGetsAFreshToken() {
        String execution = start(", \"Retry\": [{\"ErrorEquals\": [\"Again\"], \"IntervalSeconds\": 1}]",
                "{\"id\": 1}");
        String first = nextToken();
        sfn.sendTaskFailure(first, "Again", null);
        String second = nextToken();
        assertNotEquals(first, second);
        sfn.sendTaskSuccess(second, "\"second\"");
        assertEquals("second", json(await(execution).output()).get("answer").asText());
        assertCode("TaskDoesNotExist", () -> sfn.sendTaskSuccess(first, "{}"));
    }

    @Test
    void aTaskThatTimesOutRejectsLateAnswersWithTaskTimedOut() {
        String execution = start(", \"TimeoutSecondsPath\": \"$.secondsLeft\", \"Catch\": [{\"ErrorEquals\":"
                + " [\"States.Timeout\"], \"ResultPath\": \"$.error\", \"Next\": \"Caught\"}]",
                "{\"id\": 1, \"secondsLeft\": 10}");
        String token = nextToken();
        long start = System.nanoTime();
        ExecutionInfo info = await(execution);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals("States.Timeout", json(info.output()).at("/error/Error").asText());
        assertTrue(millis < 1000, "10 s at scale 0.01 should take about 100 ms, took " + millis);
        assertCode("TaskTimedOut", () -> sfn.sendTaskSuccess(token, "{}"));
        assertCode("TaskTimedOut", () -> sfn.sendTaskFailure(token, "E", "c"));
        assertTrue(sfn.getExecutionHistory(execution).stream().anyMatch(e -> e.type().equals("TaskTimedOut")));
    }

    @Test
    void heartbeatsKeepATaskAliveAndMissingOnesTimeItOut() throws InterruptedException {
        String extra = ", \"TimeoutSeconds\": 300, \"HeartbeatSeconds\": 10";
        String alive = start(extra, "{\"id\": 1}");
        String token = nextToken();
        for (int i = 0; i < 6; i++) {
            Thread.sleep(50);
            sfn.sendTaskHeartbeat(token);
        }
        assertEquals(ExecutionStatus.RUNNING, sfn.describeExecution(alive).status());
        sfn.sendTaskSuccess(token, "\"alive\"");
        assertEquals(ExecutionStatus.SUCCEEDED, await(alive).status());

        String silent = start(", \"TimeoutSeconds\": 300, \"HeartbeatSecondsPath\": \"$.heartbeat\"",
                "{\"id\": 2, \"heartbeat\": 10}");
        String silentToken = nextToken();
        ExecutionInfo info = await(silent);
        assertEquals(ExecutionStatus.FAILED, info.status());
        assertEquals("States.HeartbeatTimeout", info.error());
        assertCode("TaskTimedOut", () -> sfn.sendTaskHeartbeat(silentToken));
    }

    @Test
    void aFailingInvocationFailsTheCallbackTask() {
        lambda.on("recorder", payload -> {
            throw new LambdaFunctionError("Recorder.Down", "cannot store the token");
        });
        ExecutionInfo info = await(start("", "{\"id\": 1}"));
        assertEquals("Recorder.Down", info.error());
    }

    @Test
    void stoppingAnExecutionAbortsItAndClosesItsTokens() {
        String execution = start("", "{\"id\": 1}");
        String token = nextToken();
        sfn.stopExecution(execution, "Operator.Stop", "by hand");
        ExecutionInfo info = await(execution);
        assertEquals(ExecutionStatus.ABORTED, info.status());
        assertEquals("Operator.Stop", info.error());
        assertTrue(info.stopDate() != null);
        assertCode("TaskTimedOut", () -> sfn.sendTaskSuccess(token, "{}"));
        assertEquals("ExecutionAborted",
                sfn.getExecutionHistory(execution).getLast().type());
    }

    @Test
    void sqsSendMessageReturnsTheSendMessageShape() throws InterruptedException {
        ExecutionInfo info = Fixtures.run(sfn, """
                {"StartAt": "Send", "States": {"Send": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
                  "Parameters": {"QueueUrl": "http://127.0.0.1/q", "MessageBody": {"id.$": "$.id"},
                                 "MessageAttributes": {"kind": {"DataType": "String", "StringValue": "k"}}},
                  "End": true}}}""", "{\"id\": 3}");
        JsonNode out = json(info.output());
        SqsMessage message = sent.poll(1, TimeUnit.SECONDS);
        assertEquals("http://127.0.0.1/q", message.queueUrl());
        assertEquals("{\"id\":3}", message.messageBody());
        assertEquals("k", message.messageAttributes().at("/kind/StringValue").asText());
        assertEquals("msg-1", out.get("MessageId").asText());
        assertEquals("a7f153d21e6c7effbc234f3242315d32", out.get("MD5OfMessageBody").asText());
        assertEquals(200, out.at("/SdkHttpMetadata/HttpStatusCode").asInt());
    }

    @Test
    void sqsWaitForTaskTokenWaitsForTheAnswer() throws InterruptedException {
        String machine = sfn.createStateMachine("sqs-callback", """
                {"StartAt": "Send", "States": {"Send": {"Type": "Task",
                  "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                  "Parameters": {"QueueUrl": "q", "MessageBody": {"token.$": "$$.Task.Token"}},
                  "End": true}}}""");
        String execution = sfn.startExecution(machine, "sqs-1", "{}");
        SqsMessage message = sent.poll(5, TimeUnit.SECONDS);
        sfn.sendTaskSuccess(json(message.messageBody()).get("token").asText(), "{\"ok\": 1}");
        assertEquals(json("{\"ok\": 1}"), json(await(execution).output()));
    }

    @Test
    void aSynchronousTaskTimesOut() {
        lambda.on("slow", payload -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return payload;
        });
        ExecutionInfo info = Fixtures.run(sfn, """
                {"StartAt": "L", "States": {"L": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                  "Parameters": {"FunctionName": "slow"}, "TimeoutSeconds": 10, "End": true}}}""", "{}");
        assertEquals(ExecutionStatus.FAILED, info.status());
        assertEquals("States.Timeout", info.error());
    }

    @Test
    void theExecutionTimeoutEndsAWaitingExecution() {
        ExecutionInfo info = Fixtures.run(sfn, """
                {"StartAt": "W", "TimeoutSeconds": 10, "States": {"W": {"Type": "Wait", "Seconds": 100000,
                  "End": true}}}""", "{}");
        assertEquals(ExecutionStatus.TIMED_OUT, info.status());
        assertEquals("States.Timeout", info.error());
        assertEquals("ExecutionTimedOut", sfn.getExecutionHistory(info.executionArn()).getLast().type());
    }
}
