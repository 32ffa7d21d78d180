package io.kycflow.local;

import io.kycflow.aws.AwsClients;
import io.kycflow.aws.JsonHandler;
import io.kycflow.fn.submissionapi.SubmissionApiHandler;
import io.kycflow.fn.authorizer.AuthorizerHandler;
import io.kycflow.fn.documentcheck.DocumentCheckHandler;
import io.kycflow.fn.journeyrecorder.JourneyRecorderHandler;
import io.kycflow.fn.documentupload.DocumentUploadHandler;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every function's SnapStart priming runs its hot path against real backends and writes nothing. */
class SnapStartPrimingTest {

    @Test
    void primingSucceedsAndLeavesNoTrace() throws Exception {
        try (LocalRuntime runtime = LocalRuntime.start(new LocalRuntime.Config(0, null, null, null))) {
            var settings = runtime.settings();
            DynamoDbClient dynamo = AwsClients.dynamoDb(settings);
            int itemsBefore = dynamo.scan(b -> b.tableName(LocalRuntime.TABLE)).count();
            Clock clock = Clock.systemUTC();
            List<JsonHandler> handlers = List.of(new AuthorizerHandler(settings, clock), new SubmissionApiHandler(settings, clock),
                    new DocumentUploadHandler(settings, clock), new DocumentCheckHandler(settings, clock),
                    new JourneyRecorderHandler(settings, clock));
            for (JsonHandler handler : handlers) {
                assertDoesNotThrow(handler::prime, handler.getClass().getSimpleName());
            }
            assertEquals(itemsBefore, dynamo.scan(b -> b.tableName(LocalRuntime.TABLE)).count());
        }
    }
}
