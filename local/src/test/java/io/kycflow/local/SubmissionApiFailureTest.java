package io.kycflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.aws.AwsClients;
import io.kycflow.aws.Settings;
import io.kycflow.fn.submissionapi.SubmissionApiHandler;
import io.kycflow.json.Json;
import io.kycflow.store.KycflowTable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** When Step Functions cannot start a journey, the journey is ended with an explanation instead of hanging in INIT. */
class SubmissionApiFailureTest {

    @Test
    void aJourneyWhoseExecutionCannotStartIsEndedNotOrphaned() throws Exception {
        try (LocalRuntime runtime = LocalRuntime.start(new LocalRuntime.Config(0, null, null, null))) {
            Map<String, String> env = new HashMap<>(runtime.settings().env());
            env.put("AWS_ENDPOINT_URL_SFN", "http://127.0.0.1:1"); // nothing listens there
            SubmissionApiHandler api = new SubmissionApiHandler(new Settings(env), Clock.systemUTC());
            ObjectNode event = Json.object().put("httpMethod", "POST").put("path", "/journeys").put("body", "{}");
            event.putObject("requestContext").put("requestId", "r-1").putObject("authorizer")
                    .put("tenantId", "sfn-down").put("principalType", "apiKey").put("scopes", "kyc:write");

            JsonNode response = api.handle(event, null);
            assertEquals(500, response.get("statusCode").asInt());
            assertEquals("internal_error", Json.parse(response.get("body").asText()).at("/error/code").asText());

            List<Map<String, AttributeValue>> items = AwsClients.dynamoDb(runtime.settings())
                    .query(b -> b.tableName(LocalRuntime.TABLE).keyConditionExpression("pk = :pk")
                            .expressionAttributeValues(Map.of(":pk", KycflowTable.s(KycflowTable.tenantKey("sfn-down")))))
                    .items();
            assertEquals(1, items.size());
            JsonNode journey = Json.parse(items.get(0).get("doc").s());
            assertEquals("In Review", journey.get("decisionStatus").asText());
            assertEquals("COMPLETED", journey.get("currentStatus").asText());
        }
    }
}
