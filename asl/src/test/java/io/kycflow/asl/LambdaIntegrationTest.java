package io.kycflow.asl;

import static io.kycflow.asl.Fixtures.json;
import static io.kycflow.asl.Fixtures.output;
import static io.kycflow.asl.Fixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The built-in Lambda adapters: result and error shapes of lambda:invoke and of function ARN resources. */
class LambdaIntegrationTest {
    private final FakeLambda lambda = new FakeLambda();
    private final LocalStepFunctions sfn = Fixtures.runtime().lambda(lambda).build();

    @AfterEach
    void close() {
        sfn.close();
    }

    private static String invoke(String parameters, String extra) {
        return """
                {"StartAt": "L", "States": {
                  "L": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": %s %s,
                        "End": true},
                  "Caught": {"Type": "Pass", "End": true}}}""".formatted(parameters, extra);
    }

    @Test
    void invokeReturnsTheInvokeResponseWithThePayload() {
        lambda.on("echo", payload -> json("{\"got\": " + payload + "}"));
        ExecutionInfo info = run(sfn, invoke("{\"FunctionName\": \"echo\", \"Payload\": {\"a.$\": \"$.a\"}}", ""),
                "{\"a\": 1}");
        JsonNode out = output(info);
        assertEquals(json("{\"got\": {\"a\": 1}}"), out.get("Payload"));
        assertEquals(200, out.get("StatusCode").asInt());
        assertEquals("$LATEST", out.get("ExecutedVersion").asText());
        assertEquals(200, out.at("/SdkHttpMetadata/HttpStatusCode").asInt());
        assertEquals("$LATEST", out.at("/SdkHttpMetadata/HttpHeaders/X-Amz-Executed-Version").asText());
        assertTrue(out.at("/SdkResponseMetadata/RequestId").asText().length() > 10);
        assertEquals(out.at("/SdkResponseMetadata/RequestId"), out.at("/SdkHttpMetadata/HttpHeaders/x-amzn-RequestId"));
    }

    @Test
    void payloadDefaultsToAnEmptyObjectAndQualifierIsAppended() {
        run(sfn, invoke("{\"FunctionName\": \"fn\", \"Qualifier\": \"live\"}", ""), "{}");
        FakeLambda.Call call = lambda.next();
        assertEquals("fn:live", call.function());
        assertEquals(json("{}"), call.payload());
    }

    @Test
    void aFunctionErrorFailsWithItsTypeAndTheErrorDocumentAsCause() {
        lambda.on("bad", payload -> {
            throw new LambdaFunctionError("ValidationError", "no \"id\"");
        });
        ExecutionInfo info = run(sfn, invoke("{\"FunctionName\": \"bad\"}", ""), "{}");
        assertEquals(ExecutionStatus.FAILED, info.status());
        assertEquals("ValidationError", info.error());
        assertEquals(json("{\"errorMessage\": \"no \\\"id\\\"\", \"errorType\": \"ValidationError\"}"),
                json(info.cause()));
    }

    @Test
    void functionErrorsAreRetriedByType() {
        AtomicInteger attempts = new AtomicInteger();
        lambda.on("flaky", payload -> {
            if (attempts.incrementAndGet() < 3) {
                throw new LambdaFunctionError("TransientError", "try again");
            }
            return json("\"done\"");
        });
        ExecutionInfo info = run(sfn, invoke("{\"FunctionName\": \"flaky\"}",
                ", \"Retry\": [{\"ErrorEquals\": [\"TransientError\"], \"IntervalSeconds\": 1}],"
                        + " \"OutputPath\": \"$.Payload\""), "{}");
        assertEquals(json("\"done\""), output(info));
        assertEquals(3, attempts.get());
    }

    @Test
    void anUntypedFunctionErrorIsLambdaUnknownAndAHostFailureIsAServiceException() {
        lambda.on("crash", payload -> {
            throw new LambdaFunctionError(null, "Process exited before completing request");
        });
        ExecutionInfo unknown = run(sfn, invoke("{\"FunctionName\": \"crash\"}", ""), "{}");
        assertEquals("Lambda.Unknown", unknown.error());
        assertTrue(unknown.cause().contains("Process exited before completing request"), unknown.cause());

        lambda.on("broken", payload -> {
            throw new IllegalStateException("no such handler");
        });
        ExecutionInfo service = run(sfn, invoke("{\"FunctionName\": \"broken\"}",
                ", \"Catch\": [{\"ErrorEquals\": [\"Lambda.ServiceException\"], \"Next\": \"Caught\"}]"), "{}");
        assertEquals("Lambda.ServiceException", output(service).get("Error").asText());
        assertEquals("no such handler", output(service).get("Cause").asText());
    }

    @Test
    void aFunctionArnResourceTakesTheInputAsEventAndReturnsTheResultItself() {
        String arn = "arn:aws:lambda:us-east-1:123456789012:function:plain";
        lambda.on(arn, payload -> json("{\"sum\": " + (payload.get("a").asInt() + 1) + "}"));
        ExecutionInfo info = run(sfn, """
                {"StartAt": "L", "States": {"L": {"Type": "Task", "Resource": "%s", "ResultPath": "$.r",
                  "End": true}}}""".formatted(arn), "{\"a\": 1}");
        assertEquals(json("{\"a\": 1, \"r\": {\"sum\": 2}}"), output(info));
    }

    @Test
    void aMissingFunctionNameIsARuntimeError() {
        ExecutionInfo info = run(sfn, invoke("{\"Payload\": {}}", ""), "{}");
        assertEquals("States.Runtime", info.error());
    }
}
