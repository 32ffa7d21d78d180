package io.kycflow.asl;

import static io.kycflow.asl.Fixtures.json;
import static io.kycflow.asl.Fixtures.output;
import static io.kycflow.asl.Fixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each state type and the input/output processing order, run through {@link LocalStepFunctions}. */
class StatesTest {
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    /** "arn:aws:states:::test:echo" returns its parameters; with "sleepMillis" it also sleeps, counting overlap. */
    private final LocalStepFunctions sfn = Fixtures.runtime()
            .integration("arn:aws:states:::test:echo", request -> {
                int now = running.incrementAndGet();
                mostAtOnce.accumulateAndGet(now, Math::max);
                try {
                    Thread.sleep(request.parameters().path("sleepMillis").asLong(0));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    running.decrementAndGet();
                }
                return request.parameters();
            })
            .build();

    @AfterEach
    void close() {
        sfn.close();
    }

    @Test
    void passAppliesInputPathParametersResultPathAndOutputPathInOrder() {
        ExecutionInfo info = run(sfn, """
                {"StartAt": "P", "States": {"P": {"Type": "Pass",
                  "InputPath": "$.in",
                  "Parameters": {"greeting.$": "States.Format('hi {}', $.who)", "fixed": [1, {"deep.$": "$.who"}]},
                  "ResultPath": "$.out.result",
                  "OutputPath": "$.out",
                  "End": true}}}""", "{\"in\": {\"who\": \"Ada\"}, \"keep\": 1}");
        assertEquals(ExecutionStatus.SUCCEEDED, info.status());
        assertEquals(json("{\"result\": {\"greeting\": \"hi Ada\", \"fixed\": [1, {\"deep\": \"Ada\"}]}}"),
                output(info));
    }

    @Test
    void resultWinsOverInputAndNullPathsDiscard() {
        String definition = """
                {"StartAt": "A", "States": {
                  "A": {"Type": "Pass", "Result": {"r": 1}, "ResultPath": "$.a", "Next": "B"},
                  "B": {"Type": "Pass", "Result": "ignored", "ResultPath": null, "Next": "C"},
                  "C": {"Type": "Pass", "InputPath": null, "ResultPath": "$.fromEmpty", "Next": "D"},
                  "D": {"Type": "Pass", "OutputPath": null, "End": true}}}""";
        ExecutionInfo info = run(sfn, definition, "{\"x\": 1}");
        assertEquals(json("{}"), output(info));
        List<HistoryEvent> history = sfn.getExecutionHistory(info.executionArn());
        assertEquals(json("{\"x\": 1, \"a\": {\"r\": 1}}"), exitedOutput(history, "B"));
        assertEquals(json("{\"x\": 1, \"a\": {\"r\": 1}, \"fromEmpty\": {}}"), exitedOutput(history, "C"));
    }

    private static JsonNode exitedOutput(List<HistoryEvent> history, String state) {
        return history.stream()
                .filter(e -> e.type().endsWith("StateExited") && e.details().get("name").asText().equals(state))
                .map(e -> json(e.details().get("output").asText()))
                .findFirst().orElseThrow();
    }

    @Test
    void taskResultSelectorSeesTheResultAndResultPathMergesIntoTheRawInput() {
        ExecutionInfo info = run(sfn, """
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::test:echo",
                  "InputPath": "$.req",
                  "Parameters": {"value.$": "$.v", "state.$": "$$.State.Name"},
                  "ResultSelector": {"doubled.$": "States.MathAdd($.value, $.value)", "state.$": "$.state"},
                  "ResultPath": "$.res",
                  "End": true}}}""", "{\"req\": {\"v\": 21}, \"other\": true}");
        assertEquals(json("{\"req\": {\"v\": 21}, \"other\": true, \"res\": {\"doubled\": 42, \"state\": \"T\"}}"),
                output(info));
    }

    @Test
    void contextObjectDescribesExecutionStateAndMachine() {
        String machine = sfn.createStateMachine("context-machine", """
                {"StartAt": "Ctx", "States": {"Ctx": {"Type": "Pass",
                  "Parameters": {"ctx.$": "$$", "id.$": "$$.Execution.Id", "input.$": "$$.Execution.Input.a"},
                  "End": true}}}""");
        Instant before = Instant.now().minusMillis(1);
        String arn = sfn.startExecution(machine, "ctx-run", "{\"a\": [1]}");
        JsonNode out = json(sfn.awaitExecution(arn, Duration.ofSeconds(5)).output());
        JsonNode ctx = out.get("ctx");
        assertEquals(arn, out.get("id").asText());
        assertEquals(json("[1]"), out.get("input"));
        assertEquals("ctx-run", ctx.at("/Execution/Name").asText());
        assertEquals("arn:aws:iam::123456789012:role/kycflow-local", ctx.at("/Execution/RoleArn").asText());
        assertEquals(machine, ctx.at("/StateMachine/Id").asText());
        assertEquals("context-machine", ctx.at("/StateMachine/Name").asText());
        assertEquals("Ctx", ctx.at("/State/Name").asText());
        assertEquals(0, ctx.at("/State/RetryCount").asInt());
        Instant started = Instant.parse(ctx.at("/Execution/StartTime").asText());
        Instant entered = Instant.parse(ctx.at("/State/EnteredTime").asText());
        assertTrue(!started.isBefore(before) && !entered.isBefore(started), started + " " + entered);
        assertTrue(ctx.at("/Execution/StartTime").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
    }

    @Test
    void waitSupportsAllFourWaysAndTakesScaledTime() {
        String definition = """
                {"StartAt": "S", "States": {
                  "S": {"Type": "Wait", "Seconds": 10, "Next": "SP"},
                  "SP": {"Type": "Wait", "SecondsPath": "$.secs", "Next": "T"},
                  "T": {"Type": "Wait", "Timestamp": "2020-01-01T00:00:00Z", "Next": "TP"},
                  "TP": {"Type": "Wait", "TimestampPath": "$.until", "OutputPath": "$.secs", "End": true}}}""";
        Instant until = Instant.now().plusMillis(300);
        long start = System.nanoTime();
        ExecutionInfo info = run(sfn, definition, "{\"secs\": 10, \"until\": \"" + until + "\"}");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(json("10"), output(info));
        // 10 s + 10 s at scale 0.01 is 200 ms; the timestamp wait ends 300 ms after the start.
        assertTrue(millis >= 290 && millis < 3000, "took " + millis + " ms");
    }

    @Test
    void badWaitPathsFailAtRunTime() {
        ExecutionInfo info = run(sfn, """
                {"StartAt": "W", "States": {"W": {"Type": "Wait", "SecondsPath": "$.secs", "End": true}}}""",
                "{\"secs\": -1}");
        assertEquals(ExecutionStatus.FAILED, info.status());
        assertEquals("States.Runtime", info.error());
    }

    @Test
    void choiceRoutesByFirstMatchingRuleThenDefaultThenFails() {
        String definition = """
                {"StartAt": "C", "States": {
                  "C": {"Type": "Choice", "InputPath": "$.in", "OutputPath": "$.v",
                    "Choices": [
                      {"Variable": "$.v", "NumericGreaterThan": 10, "Next": "Big"},
                      {"And": [{"Variable": "$.v", "IsNumeric": true}, {"Variable": "$.v", "NumericGreaterThan": 5}],
                       "Next": "Medium"}],
                    "Default": "Small"},
                  "Big": {"Type": "Pass", "Result": "big", "End": true},
                  "Medium": {"Type": "Pass", "Result": "medium", "End": true},
                  "Small": {"Type": "Succeed"}}}""";
        assertEquals(json("\"big\""), output(run(sfn, definition, "{\"in\": {\"v\": 11}}")));
        assertEquals(json("\"medium\""), output(run(sfn, definition, "{\"in\": {\"v\": 6}}")));
        assertEquals(json("1"), output(run(sfn, definition, "{\"in\": {\"v\": 1}}")));

        ExecutionInfo noMatch = run(sfn, """
                {"StartAt": "C", "States": {
                  "C": {"Type": "Choice", "Choices": [{"Variable": "$.v", "IsPresent": true, "Next": "E"}]},
                  "E": {"Type": "Succeed"}}}""", "{}");
        assertEquals(ExecutionStatus.FAILED, noMatch.status());
        assertEquals("States.NoChoiceMatched", noMatch.error());
    }

    @Test
    void failUsesStaticOrDynamicErrorAndCause() {
        ExecutionInfo fixed = run(sfn, """
                {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Custom.Error", "Cause": "because"}}}""",
                "{}");
        assertEquals(ExecutionStatus.FAILED, fixed.status());
        assertEquals("Custom.Error", fixed.error());
        assertEquals("because", fixed.cause());

        ExecutionInfo dynamic = run(sfn, """
                {"StartAt": "F", "States": {"F": {"Type": "Fail", "ErrorPath": "$.code",
                  "CausePath": "States.Format('item {} failed', $.id)"}}}""", "{\"code\": \"E42\", \"id\": 7}");
        assertEquals("E42", dynamic.error());
        assertEquals("item 7 failed", dynamic.cause());
    }

    @Test
    void parallelOutputsBranchResultsInBranchOrder() {
        ExecutionInfo info = run(sfn, """
                {"StartAt": "P", "States": {"P": {"Type": "Parallel",
                  "Parameters": {"v.$": "$.value"},
                  "Branches": [
                    {"StartAt": "Slow", "States": {"Slow": {"Type": "Wait", "Seconds": 20, "Next": "A"},
                      "A": {"Type": "Pass", "Parameters": {"a.$": "$.v"}, "End": true}}},
                    {"StartAt": "B", "States": {"B": {"Type": "Pass", "Result": "b", "End": true}}}],
                  "ResultSelector": {"first.$": "$[0].a", "second.$": "$[1]"},
                  "ResultPath": "$.results",
                  "End": true}}}""", "{\"value\": 5}");
        assertEquals(json("{\"value\": 5, \"results\": {\"first\": 5, \"second\": \"b\"}}"), output(info));
    }

    @Test
    void aFailingBranchFailsTheParallelWithItsErrorAndStopsTheOthers() {
        long start = System.nanoTime();
        ExecutionInfo info = run(sfn, """
                {"StartAt": "P", "States": {
                  "P": {"Type": "Parallel", "Branches": [
                    {"StartAt": "Long", "States": {"Long": {"Type": "Wait", "Seconds": 100000, "End": true}}},
                    {"StartAt": "Boom", "States": {"Boom": {"Type": "Fail", "Error": "Branch.Boom", "Cause": "c"}}}],
                    "Catch": [{"ErrorEquals": ["Branch.Boom"], "ResultPath": "$.caught", "Next": "Done"}],
                    "End": true},
                  "Done": {"Type": "Pass", "End": true}}}""", "{}");
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "the long branch was not cancelled");
        assertEquals(json("{\"caught\": {\"Error\": \"Branch.Boom\", \"Cause\": \"c\"}}"), output(info));
    }

    @Test
    void mapRunsEachItemWithItemSelectorAndContext() {
        ExecutionInfo info = run(sfn, """
                {"StartAt": "M", "States": {"M": {"Type": "Map",
                  "ItemsPath": "$.items",
                  "ItemSelector": {"index.$": "$$.Map.Item.Index", "value.$": "$$.Map.Item.Value",
                                   "prefix.$": "$.prefix"},
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Fmt", "States": {
                    "Fmt": {"Type": "Pass",
                      "Parameters": {"s.$": "States.Format('{}{}:{}', $.prefix, $.index, $.value)"},
                      "OutputPath": "$.s", "End": true}}},
                  "ResultPath": "$.out",
                  "End": true}}}""", "{\"items\": [\"a\", \"b\", \"c\"], \"prefix\": \"#\"}");
        assertEquals(json("[\"#0:a\", \"#1:b\", \"#2:c\"]"), output(info).get("out"));
    }

    @Test
    void legacyIteratorAndParametersStillWorkAndEmptyInputGivesEmptyOutput() {
        String definition = """
                {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.xs",
                  "Parameters": {"x.$": "$$.Map.Item.Value"},
                  "Iterator": {"StartAt": "I", "States": {"I": {"Type": "Pass", "OutputPath": "$.x", "End": true}}},
                  "End": true}}}""";
        assertEquals(json("[1, 2]"), output(run(sfn, definition, "{\"xs\": [1, 2]}")));
        assertEquals(json("[]"), output(run(sfn, definition, "{\"xs\": []}")));
        ExecutionInfo notArray = run(sfn, definition, "{\"xs\": 3}");
        assertEquals("States.Runtime", notArray.error());
    }

    @Test
    void mapHonoursMaxConcurrency() {
        ExecutionInfo info = run(sfn, """
                {"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrency": 2,
                  "ItemProcessor": {"StartAt": "T", "States": {"T": {"Type": "Task",
                    "Resource": "arn:aws:states:::test:echo",
                    "Parameters": {"sleepMillis": 50, "i.$": "$"}, "OutputPath": "$.i", "End": true}}},
                  "End": true}}}""", "[1, 2, 3, 4, 5, 6]");
        assertEquals(json("[1, 2, 3, 4, 5, 6]"), output(info));
        assertEquals(2, mostAtOnce.get());
    }

    @Test
    void aFailingIterationFailsTheMap() {
        ExecutionInfo info = run(sfn, """
                {"StartAt": "M", "States": {"M": {"Type": "Map",
                  "ItemProcessor": {"StartAt": "C", "States": {
                    "C": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericEquals": 2, "Next": "Bad"}],
                          "Default": "Ok"},
                    "Bad": {"Type": "Fail", "Error": "Item.Bad"},
                    "Ok": {"Type": "Succeed"}}},
                  "End": true}}}""", "[1, 2, 3]");
        assertEquals(ExecutionStatus.FAILED, info.status());
        assertEquals("Item.Bad", info.error());
        List<String> types = sfn.getExecutionHistory(info.executionArn()).stream().map(HistoryEvent::type).toList();
        assertTrue(types.contains("MapIterationFailed"), types.toString());
    }

    @Test
    void historyRecordsStatesAndTheExecutionOutcome() {
        ExecutionInfo info = run(sfn, """
                {"StartAt": "A", "States": {
                  "A": {"Type": "Task", "Resource": "arn:aws:states:::test:echo", "Next": "B"},
                  "B": {"Type": "Succeed"}}}""", "{\"k\": 1}");
        List<HistoryEvent> history = sfn.getExecutionHistory(info.executionArn());
        assertEquals(List.of("ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded",
                "TaskStateExited", "SucceedStateEntered", "SucceedStateExited", "ExecutionSucceeded"),
                history.stream().map(HistoryEvent::type).toList());
        HistoryEvent scheduled = history.get(2);
        assertEquals("test", scheduled.details().get("resourceType").asText());
        assertEquals("echo", scheduled.details().get("resource").asText());
        assertEquals("stateEnteredEventDetails", history.get(1).detailsKey());
        assertEquals("taskScheduledEventDetails", scheduled.detailsKey());
        for (int i = 0; i < history.size(); i++) {
            assertEquals(i + 1, history.get(i).id());
        }
    }

    @Test
    void missingParameterPathsAreUncatchableRuntimeErrors() {
        ExecutionInfo info = run(sfn, """
                {"StartAt": "T", "States": {
                  "T": {"Type": "Task", "Resource": "arn:aws:states:::test:echo", "Parameters": {"x.$": "$.nope"},
                        "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Caught"}], "End": true},
                  "Caught": {"Type": "Succeed"}}}""", "{\"other\": 1}");
        assertEquals(ExecutionStatus.FAILED, info.status());
        assertEquals("States.Runtime", info.error());
        assertEquals("The JSONPath '$.nope' specified for the field 'x.$' could not be found in the input"
                + " '{\"other\":1}'", info.cause());
    }

    @Test
    void resultPathMismatchIsCatchable() {
        ExecutionInfo info = run(sfn, """
                {"StartAt": "P", "States": {
                  "P": {"Type": "Parallel", "ResultPath": "$.x.y",
                        "Branches": [{"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}],
                        "Catch": [{"ErrorEquals": ["States.ResultPathMatchFailure"], "ResultPath": "$.err",
                                   "Next": "Caught"}],
                        "End": true},
                  "Caught": {"Type": "Pass", "OutputPath": "$.err.Error", "End": true}}}""",
                "{\"x\": \"not an object\"}");
        assertEquals(json("\"States.ResultPathMatchFailure\""), output(info));
    }
}
