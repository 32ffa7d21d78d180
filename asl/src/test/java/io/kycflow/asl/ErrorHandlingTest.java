package io.kycflow.asl;

import static io.kycflow.asl.Fixtures.json;
import static io.kycflow.asl.Fixtures.output;
import static io.kycflow.asl.Fixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retry (intervals, backoff, caps, jitter, matching) and Catch. */
class ErrorHandlingTest {
    /** Call times (nanoTime) and $$.State.RetryCount values per execution. */
    private final Map<String, List<Long>> calls = new ConcurrentHashMap<>();
    private final Map<String, List<Integer>> retryCounts = new ConcurrentHashMap<>();

    /**
     * "arn:aws:states:::test:flaky" fails with parameters.error for the first parameters.failures calls of an
     * execution, then returns "ok".
     */
    private final LocalStepFunctions sfn = Fixtures.runtime()
            .integration("arn:aws:states:::test:flaky", request -> {
                List<Long> times = calls.computeIfAbsent(request.executionArn(), k -> new ArrayList<>());
                times.add(System.nanoTime());
                retryCounts.computeIfAbsent(request.executionArn(), k -> new ArrayList<>())
                        .add(request.parameters().path("retryCount").asInt(-1));
                if (times.size() <= request.parameters().path("failures").asInt()) {
                    throw new TaskFailure(request.parameters().path("error").asText(), "attempt " + times.size());
                }
                return Json.NODES.textNode("ok");
            })
            .build();

    @AfterEach
    void close() {
        sfn.close();
    }

    private static String flaky(int failures, String error, String retry, String catchers) {
        return """
                {"StartAt": "T", "States": {
                  "T": {"Type": "Task", "Resource": "arn:aws:states:::test:flaky",
                        "Parameters": {"failures": %d, "error": "%s", "retryCount.$": "$$.State.RetryCount"},
                        "Retry": %s, "Catch": %s, "End": true},
                  "Caught": {"Type": "Pass", "End": true}}}""".formatted(failures, error, retry, catchers);
    }

    /** Gaps between calls in milliseconds. */
    private List<Long> gaps(ExecutionInfo info) {
        List<Long> times = calls.get(info.executionArn());
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
            gaps.add((times.get(i) - times.get(i - 1)) / 1_000_000);
        }
        return gaps;
    }

    private static void assertAbout(long expectedMillis, long actualMillis) {
        assertTrue(actualMillis >= expectedMillis - 5 && actualMillis < expectedMillis + 150,
                "expected about " + expectedMillis + " ms, was " + actualMillis);
    }

    @Test
    void retriesWithExponentialBackoffUntilSuccess() {
        ExecutionInfo info = run(sfn, flaky(3, "Flaky",
                "[{\"ErrorEquals\": [\"Flaky\"], \"IntervalSeconds\": 10, \"BackoffRate\": 2, \"MaxAttempts\": 3}]",
                "[]"), "{}");
        assertEquals(ExecutionStatus.SUCCEEDED, info.status());
        List<Long> gaps = gaps(info);
        assertEquals(3, gaps.size());
        assertAbout(100, gaps.get(0));
        assertAbout(200, gaps.get(1));
        assertAbout(400, gaps.get(2));
        assertEquals(List.of(0, 1, 2, 3), retryCounts.get(info.executionArn()));
    }

    @Test
    void maxDelaySecondsCapsTheBackoff() {
        ExecutionInfo info = run(sfn, flaky(3, "Flaky", """
                [{"ErrorEquals": ["Flaky"], "IntervalSeconds": 10, "BackoffRate": 3, "MaxAttempts": 5,
                  "MaxDelaySeconds": 15}]""", "[]"), "{}");
        assertEquals(ExecutionStatus.SUCCEEDED, info.status());
        List<Long> gaps = gaps(info);
        assertAbout(100, gaps.get(0));
        assertAbout(150, gaps.get(1));
        assertAbout(150, gaps.get(2));
    }

    @Test
    void fullJitterNeverWaitsLongerThanTheBackoff() {
        ExecutionInfo info = run(sfn, flaky(4, "Flaky", """
                [{"ErrorEquals": ["Flaky"], "IntervalSeconds": 10, "BackoffRate": 1, "MaxAttempts": 4,
                  "JitterStrategy": "FULL"}]""", "[]"), "{}");
        assertEquals(ExecutionStatus.SUCCEEDED, info.status());
        long total = 0;
        for (long gap : gaps(info)) {
            assertTrue(gap < 100 + 60, "gap " + gap);
            total += gap;
        }
        assertTrue(total < 4 * 100, "jitter should shorten the sum of four 100 ms waits, was " + total);
    }

    @Test
    void exhaustedRetriesFallToCatchWithErrorOutput() {
        ExecutionInfo info = run(sfn, flaky(9, "Flaky",
                "[{\"ErrorEquals\": [\"Flaky\"], \"IntervalSeconds\": 1, \"MaxAttempts\": 2}]",
                "[{\"ErrorEquals\": [\"Flaky\"], \"ResultPath\": \"$.error\", \"Next\": \"Caught\"}]"),
                "{\"keep\": true}");
        assertEquals(3, calls.get(info.executionArn()).size());
        assertEquals(json("{\"keep\": true, \"error\": {\"Error\": \"Flaky\", \"Cause\": \"attempt 3\"}}"),
                output(info));
    }

    @Test
    void onlyTheFirstMatchingRetrierApplies() {
        // The second retrier would allow more attempts, but the first one matches and is used up.
        ExecutionInfo info = run(sfn, flaky(5, "Flaky", """
                [{"ErrorEquals": ["Flaky"], "IntervalSeconds": 1, "MaxAttempts": 1},
                 {"ErrorEquals": ["States.ALL"], "IntervalSeconds": 1, "MaxAttempts": 10}]""", "[]"), "{}");
        assertEquals(ExecutionStatus.FAILED, info.status());
        assertEquals("Flaky", info.error());
        assertEquals("attempt 2", info.cause());
    }

    @Test
    void maxAttemptsZeroNeverRetries() {
        ExecutionInfo info = run(sfn, flaky(1, "Flaky",
                "[{\"ErrorEquals\": [\"States.ALL\"], \"MaxAttempts\": 0}]", "[]"), "{}");
        assertEquals(ExecutionStatus.FAILED, info.status());
        assertEquals(1, calls.get(info.executionArn()).size());
    }

    @Test
    void taskFailedMatchesAnyErrorButTimeout() {
        String catchTaskFailed = "[{\"ErrorEquals\": [\"States.TaskFailed\"], \"Next\": \"Caught\"}]";
        assertEquals(ExecutionStatus.SUCCEEDED, run(sfn, flaky(1, "Some.Error", "[]", catchTaskFailed), "{}").status());
        ExecutionInfo timeout = run(sfn, flaky(1, "States.Timeout", "[]", catchTaskFailed), "{}");
        assertEquals(ExecutionStatus.FAILED, timeout.status());
        assertEquals("States.Timeout", timeout.error());
    }

    @Test
    void catchersAreTriedInOrder() {
        ExecutionInfo info = run(sfn, flaky(1, "Second", "[]", """
                [{"ErrorEquals": ["First"], "Next": "Caught"},
                 {"ErrorEquals": ["Other", "Second"], "ResultPath": "$.which", "Next": "Caught"},
                 {"ErrorEquals": ["States.ALL"], "ResultPath": "$.all", "Next": "Caught"}]"""), "{}");
        assertEquals("Second", output(info).at("/which/Error").asText());
    }

    @Test
    void intrinsicFailuresAreCatchable() {
        ExecutionInfo info = run(sfn, """
                {"StartAt": "P", "States": {
                  "P": {"Type": "Parallel", "Parameters": {"item.$": "States.ArrayGetItem($.list, 5)"},
                        "Branches": [{"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}],
                        "Catch": [{"ErrorEquals": ["States.IntrinsicFailure"], "ResultPath": "$.error",
                                   "Next": "Caught"}],
                        "End": true},
                  "Caught": {"Type": "Pass", "End": true}}}""", "{\"list\": [1]}");
        assertEquals("States.IntrinsicFailure", output(info).at("/error/Error").asText());
    }
}
