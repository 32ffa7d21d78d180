package io.kycflow.fn.authorizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.auth.Scope;
import io.kycflow.auth.Secrets;
import io.kycflow.aws.AwsClients;
import io.kycflow.aws.Settings;
import io.kycflow.journey.Journey;
import io.kycflow.json.Json;
import io.kycflow.store.DynamoCredentialStore;
import io.kycflow.store.DynamoJourneyRepository;
import io.kycflow.store.KycflowTable;
import io.kycflow.testing.TestDeployment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The authorizer on API Gateway REQUEST events against API keys and journey tokens stored in embedded DynamoDB. */
class AuthorizerHandlerTest {
    private static final String TABLE = "authorizer-test";
    private static final String METHOD_ARN = "arn:aws:execute-api:eu-west-1:123456789012:abcdef123/v1/POST/journeys";
    /** The key events/authorizer-request.json presents. */
    private static final String SAMPLE_KEY = "kf_demo_00000000000000000000000000000000";

    private static Settings settings;
    private static DynamoDbClient dynamo;
    private static AuthorizerHandler authorizer;
    private static String writeKey;
    private static String readKey;
    private static Journey journey;
    private static String journeyToken;

    @BeforeAll
    static void start() {
        settings = TestDeployment.named(TABLE);
        dynamo = AwsClients.dynamoDb(settings);
        DynamoCredentialStore credentials = new DynamoCredentialStore(dynamo, TABLE);
        credentials.putApiKey("demo-tenant", SAMPLE_KEY, EnumSet.allOf(Scope.class), "sample");
        writeKey = Secrets.newApiKey();
        credentials.putApiKey("acme", writeKey, Set.of(Scope.KYC_READ, Scope.KYC_WRITE), "write");
        readKey = Secrets.newApiKey();
        credentials.putApiKey("acme", readKey, Set.of(Scope.KYC_READ), "read only");
        journey = Journey.create("acme", "j_" + Secrets.random(9), System.currentTimeMillis(), 3600);
        journeyToken = Secrets.newJourneyToken();
        new DynamoJourneyRepository(dynamo, TABLE).create(journey, Secrets.hash(journeyToken));
        authorizer = new AuthorizerHandler(settings, Clock.systemUTC());
    }

    private static ObjectNode request(String method, String path, String header, String value) {
        ObjectNode event = Json.object().put("type", "REQUEST").put("methodArn", METHOD_ARN)
                .put("httpMethod", method).put("path", path);
        ObjectNode headers = event.putObject("headers").put("Accept", "application/json");
        if (header != null) {
            headers.put(header, value);
        }
        return event;
    }

    private static JsonNode authorize(AuthorizerHandler handler, String method, String path, String secret) {
        return handler.handle(request(method, path, "Authorization", "Bearer " + secret), null);
    }

    private static void assertUnauthorized(JsonNode event) {
        assertEquals("Unauthorized", assertThrows(AuthorizerHandler.UnauthorizedException.class,
                () -> authorizer.handle(event, null)).getMessage());
    }

    private static String effect(JsonNode policy) {
        return policy.at("/policyDocument/Statement/0/Effect").asText();
    }

    @Test
    void theSampleEventIsAllowedWithTheTenantInTheContext() throws IOException {
        JsonNode sample = Json.parse(Files.readString(Path.of(System.getProperty("kycflow.project.dir", "../.."))
                .resolve("events/authorizer-request.json")));
        JsonNode policy = authorizer.handle(sample, null);
        assertEquals("Allow", effect(policy));
        assertEquals(sample.get("methodArn").asText(), policy.at("/policyDocument/Statement/0/Resource").asText());
        assertEquals("execute-api:Invoke", policy.at("/policyDocument/Statement/0/Action").asText());
        assertEquals("tenant:demo-tenant", policy.get("principalId").asText());
        assertEquals(EnumSet.allOf(Scope.class), Scope.parseAll(policy.at("/context/scopes").asText()));
    }

    @Test
    void anApiKeyWithTheRoutesScopeIsAllowedThroughEitherHeader() {
        JsonNode bearer = authorize(authorizer, "POST", "/journeys", writeKey);
        assertEquals("Allow", effect(bearer));
        JsonNode context = bearer.get("context");
        assertEquals("acme", context.get("tenantId").asText());
        assertEquals("apiKey", context.get("principalType").asText());
        assertEquals(Set.of(Scope.KYC_READ, Scope.KYC_WRITE), Scope.parseAll(context.get("scopes").asText()));
        assertEquals(Secrets.hash(writeKey).substring(0, 12), context.get("keyId").asText());
        assertFalse(context.has("journeyId"));
        assertFalse(bearer.toString().contains(writeKey), "the secret is not echoed");

        JsonNode header = authorizer.handle(request("POST", "/journeys", "x-api-key", writeKey), null);
        assertEquals("Allow", effect(header));
        assertEquals("tenant:acme", header.get("principalId").asText());
    }

    @Test
    void aKeyWithoutTheRoutesScopeIsDenied() {
        JsonNode denied = authorize(authorizer, "POST", "/journeys", readKey);
        assertEquals("Deny", effect(denied));
        assertEquals("acme", denied.at("/context/tenantId").asText());
        assertEquals("Allow", effect(authorize(authorizer, "GET", "/journeys/" + journey.journeyId(), readKey)));
        assertEquals("Deny", effect(authorize(authorizer, "POST", "/journeys/" + journey.journeyId() + "/consent", writeKey)),
                "user steps take the journey token, not a key");
    }

    @Test
    void unknownMissingRevokedOrMalformedCredentialsAreUnauthorized() {
        assertUnauthorized(request("POST", "/journeys", "Authorization", "Bearer kf_" + Secrets.random(16)));
        assertUnauthorized(request("POST", "/journeys", null, null));
        assertUnauthorized(request("POST", "/journeys", "Authorization", "Bearer "));
        assertUnauthorized(request("POST", "/journeys", "Authorization", "Basic " + writeKey));
        assertUnauthorized(Json.object().put("methodArn", METHOD_ARN));
        assertUnauthorized(Json.parse("{\"headers\":\"Authorization: Bearer " + writeKey + "\",\"httpMethod\":\"POST\",\"path\":\"/journeys\"}"));

        String revoked = Secrets.newApiKey();
        new DynamoCredentialStore(dynamo, TABLE).putApiKey("acme", revoked, EnumSet.allOf(Scope.class), "revoked");
        assertEquals("Allow", effect(authorize(authorizer, "POST", "/journeys", revoked)));
        dynamo.updateItem(b -> b.tableName(TABLE).key(KycflowTable.key("APIKEY#" + Secrets.hash(revoked), "APIKEY"))
                .updateExpression("SET revokedAt = :at").expressionAttributeValues(Map.of(":at", AttributeValue.fromS("2026-01-01T00:00:00Z"))));
        assertUnauthorized(request("POST", "/journeys", "Authorization", "Bearer " + revoked));
    }

    @Test
    void aJourneyTokenOpensItsOwnJourneysUserStepsOnly() {
        String own = "/journeys/" + journey.journeyId();
        JsonNode allowed = authorize(authorizer, "POST", own + "/consent", journeyToken);
        assertEquals("Allow", effect(allowed));
        assertEquals("journey:" + journey.journeyId(), allowed.get("principalId").asText());
        assertEquals("journey", allowed.at("/context/principalType").asText());
        assertEquals(journey.journeyId(), allowed.at("/context/journeyId").asText());
        assertEquals("", allowed.at("/context/scopes").asText());
        assertFalse(allowed.get("context").has("keyId"));

        assertEquals("Deny", effect(authorize(authorizer, "POST", "/journeys/j_another/consent", journeyToken)));
        assertEquals("Deny", effect(authorize(authorizer, "GET", own, journeyToken)), "the results take a tenant key");
        assertEquals("Deny", effect(authorize(authorizer, "POST", "/journeys", journeyToken)));
    }

    @Test
    void unknownAndExpiredJourneyTokensAreUnauthorized() {
        assertUnauthorized(request("GET", "/journeys/" + journey.journeyId() + "/status", "Authorization",
                "Bearer " + Secrets.newJourneyToken()));
        AuthorizerHandler later = new AuthorizerHandler(settings,
                Clock.offset(Clock.systemUTC(), Duration.ofSeconds(3601)));
        String status = "/journeys/" + journey.journeyId() + "/status";
        assertEquals("Allow", effect(authorize(authorizer, "GET", status, journeyToken)));
        assertThrows(AuthorizerHandler.UnauthorizedException.class, () -> authorize(later, "GET", status, journeyToken));
    }

    @Test
    void anUnknownRouteIsLetThroughForTheApisOwn404() {
        assertEquals("Allow", effect(authorize(authorizer, "GET", "/nope", readKey)));
    }

    @Test
    void whenTheTableCannotBeReadNothingIsAllowed() {
        AuthorizerHandler noTable = new AuthorizerHandler(TestDeployment.withoutTable(settings), Clock.systemUTC());
        // an error, not a policy: API Gateway answers 500 and lets nothing through
        assertThrows(ResourceNotFoundException.class, () -> authorize(noTable, "POST", "/journeys", writeKey));
    }
}
