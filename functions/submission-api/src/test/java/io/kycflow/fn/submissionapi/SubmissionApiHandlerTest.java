package io.kycflow.fn.submissionapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.asl.ExecutionInfo;
import io.kycflow.asl.ExecutionStatus;
import io.kycflow.auth.Secrets;
import io.kycflow.aws.AwsClients;
import io.kycflow.aws.AwsJourneys;
import io.kycflow.aws.Settings;
import io.kycflow.image.SampleDocuments;
import io.kycflow.journey.CaptureKey;
import io.kycflow.journey.CaptureSide;
import io.kycflow.journey.DecisionStatus;
import io.kycflow.journey.Journey;
import io.kycflow.journey.JourneyStep;
import io.kycflow.json.Json;
import io.kycflow.store.DynamoCredentialStore;
import io.kycflow.store.DynamoJourneyRepository;
import io.kycflow.store.KycflowTable;
import io.kycflow.testing.TestDeployment;
import io.kycflow.testing.TestStepFunctions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journey API through the real handler, as API Gateway calls it after the authorizer, on embedded DynamoDB and
 * S3, with executions started and resumed on the project's Step Functions endpoint (a machine waiting for consent
 * stands for the journey definition).
 */
class SubmissionApiHandlerTest {
    private static final String NAME = "submission-api-test";
    private static final String TENANT = "acme";

    private static TestStepFunctions stepFunctions;
    private static Settings settings;
    private static SubmissionApiHandler api;
    private static DynamoJourneyRepository journeys;

    @BeforeAll
    static void start() {
        stepFunctions = TestStepFunctions.start();
        // the create sample's callback host, allowed by name: the test machine resolves no DNS
        Settings deployment = TestDeployment.with(TestDeployment.named(NAME), "KYCFLOW_CALLBACK_ALLOWLIST", "hooks.example.com");
        settings = stepFunctions.settings(deployment, stepFunctions.awaitingMachine(JourneyStep.CONSENT));
        AwsJourneys wiring = AwsJourneys.resuming(settings, AwsClients.dynamoDb(settings), Clock.systemUTC());
        stepFunctions.recordWaitsIn(wiring.service());
        journeys = wiring.repository();
        api = new SubmissionApiHandler(settings, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        stepFunctions.close();
    }

    /** A response: status and parsed body. */
    private record Response(int status, JsonNode body) {
        String errorCode() {
            return body.at("/error/code").asText();
        }
    }

    private static Response call(SubmissionApiHandler handler, ObjectNode authorizer, String method, String path, String body,
                                 String idempotencyKey) {
        ObjectNode event = Json.object().put("httpMethod", method).put("path", path).put("body", body);
        if (idempotencyKey != null) {
            event.putObject("headers").put("Idempotency-Key", idempotencyKey);
        }
        event.putObject("requestContext").put("requestId", "req-" + Secrets.random(4)).set("authorizer", authorizer);
        JsonNode result = handler.handle(event, null);
        return new Response(result.get("statusCode").asInt(), Json.parse(result.get("body").asText()));
    }

    /** As the authorizer allows a tenant's API key. */
    private static ObjectNode key(String tenant, String scopes) {
        return Json.object().put("tenantId", tenant).put("principalType", "apiKey").put("scopes", scopes).put("keyId", "key0123456789");
    }

    /** As the authorizer allows a journey token. */
    private static ObjectNode token(String tenant, String journeyId) {
        return Json.object().put("tenantId", tenant).put("principalType", "journey").put("journeyId", journeyId);
    }

    private static Response asTenant(String method, String path, String body) {
        return call(api, key(TENANT, "kyc:read kyc:write"), method, path, body, null);
    }

    private static Response asUser(String journeyId, String method, String path, String body) {
        return call(api, token(TENANT, journeyId), method, path, body, null);
    }

    private static String create() {
        Response created = asTenant("POST", "/journeys", "{\"userId\":\"u-1\",\"journeyLinkValidity\":3600}");
        assertEquals(201, created.status(), created.body().toString());
        return created.body().get("journeyId").asText();
    }

    private static String executionOf(String journeyId) {
        return settings.stateMachineArn().replace(":stateMachine:", ":execution:") + ":" + journeyId;
    }

    private static Journey stored(String journeyId) {
        return journeys.find(TENANT, journeyId).orElseThrow();
    }

    /** Waits until the execution has recorded its wait for consent. */
    private static void awaitConsentWait(String journeyId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (stored(journeyId).waitingStep() != JourneyStep.CONSENT) {
            assertTrue(System.currentTimeMillis() < deadline, "the execution did not wait for consent");
            Thread.sleep(20);
        }
    }

    @Test
    void aCreatedJourneyStartsItsExecutionAndTheConsentResumesIt() throws InterruptedException {
        Response created = asTenant("POST", "/journeys", "{\"userId\":\"u-1\",\"journeyLinkValidity\":3600,"
                + "\"userInfo\":{\"fullName\":\"Anna Maria Eriksson\",\"dateOfBirth\":\"1974-08-12\"}}");
        assertEquals(201, created.status());
        JsonNode body = created.body();
        String journeyId = body.get("journeyId").asText();
        String journeyToken = body.get("journeyToken").asText();
        assertTrue(journeyId.startsWith("j_"), journeyId);
        assertTrue(Secrets.isJourneyToken(journeyToken));
        assertEquals("https://journey.kycflow.invalid/j/" + journeyId + "#token=" + journeyToken, body.get("journeyUrl").asText());
        assertEquals("NOT STARTED", body.get("currentStatus").asText());
        assertEquals("INIT", body.get("step").asText());
        // the token is stored as its hash, for the authorizer
        var stored = new DynamoCredentialStore(AwsClients.dynamoDb(settings), NAME).findJourneyToken(Secrets.hash(journeyToken));
        assertEquals(journeyId, stored.orElseThrow().journeyId());

        String execution = executionOf(journeyId);
        JsonNode input = Json.parse(stepFunctions.describe(execution).input());
        assertEquals(TENANT, input.get("tenantId").asText());
        assertEquals(journeyId, input.get("journeyId").asText());
        assertTrue(input.at("/user/secondsLeft").asLong() > 3590, input.toString());
        awaitConsentWait(journeyId);

        Response consent = asUser(journeyId, "POST", "/journeys/" + journeyId + "/consent", "{\"consent\":true}");
        assertEquals(200, consent.status(), consent.body().toString());
        assertEquals("IN PROGRESS", consent.body().get("currentStatus").asText());
        ExecutionInfo ended = stepFunctions.awaitEnd(execution);
        assertEquals(ExecutionStatus.SUCCEEDED, ended.status());
        assertTrue(TestStepFunctions.output(ended).at("/user/consent").asBoolean(), ended.output());

        Response result = asTenant("GET", "/journeys/" + journeyId, null);
        assertEquals(200, result.status());
        assertEquals("u-1", result.body().get("userId").asText());
        assertEquals("In Progress", result.body().at("/decision/status").asText());
        Response status = asUser(journeyId, "GET", "/journeys/" + journeyId + "/status", null);
        assertEquals("Consent given.", status.body().get("message").asText());
    }

    @Test
    void theSampleEventCreatesAJourney() throws IOException {
        JsonNode sample = Json.parse(Files.readString(Path.of(System.getProperty("kycflow.project.dir", "../.."))
                .resolve("events/submission-api-create-journey.json")));
        JsonNode result = api.handle(sample, null);
        assertEquals(201, result.get("statusCode").asInt(), result.toString());
    }

    @Test
    void anUploadIsPresignedForTheSideTheJourneyWaitsForAndTheUrlWorks() throws Exception {
        String journeyId = create();
        String path = "/journeys/" + journeyId;
        assertEquals(200, asUser(journeyId, "POST", path + "/consent", "{\"consent\":true}").status());
        assertEquals(200, asUser(journeyId, "POST", path + "/document", "{\"country\":\"ESP\",\"idType\":\"PASSPORT\"}").status());

        Response back = asUser(journeyId, "POST", path + "/uploads", "{\"side\":\"BACK\",\"contentType\":\"image/jpeg\"}");
        assertEquals(409, back.status());
        assertEquals("side", back.body().at("/error/parameter").asText(), "a passport has no back side");
        Response upload = asUser(journeyId, "POST", path + "/uploads", "{\"side\":\"FRONT\",\"contentType\":\"image/jpeg\"}");
        assertEquals(200, upload.status(), upload.body().toString());
        CaptureKey key = CaptureKey.parse(upload.body().get("key").asText()).orElseThrow();
        assertEquals(new CaptureKey(TENANT, journeyId, CaptureSide.FRONT, key.uploadId()), key);
        assertEquals("PUT", upload.body().get("method").asText());
        assertEquals(15L * 1024 * 1024, upload.body().get("maxBytes").asLong());

        byte[] jpeg = SampleDocuments.jpeg(SampleDocuments.passport());
        HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(upload.body().get("uploadUrl").asText()))
                .header("Content-Type", "image/jpeg").PUT(HttpRequest.BodyPublishers.ofByteArray(jpeg)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put.body());
        assertArrayEquals(jpeg, AwsClients.s3(settings).getObjectAsBytes(b -> b.bucket(NAME).key(key.key())).asByteArray());
    }

    @Test
    void badRequestsGetTheContractsErrorsAndChangeNothing() throws InterruptedException {
        Response malformed = asTenant("POST", "/journeys", "{\"userId\":");
        assertEquals(400, malformed.status());
        assertEquals("invalid_payload", malformed.errorCode());
        Response unknown = asTenant("POST", "/journeys", "{\"colour\":\"red\"}");
        assertEquals(400, unknown.status());
        assertEquals("invalid_parameter", unknown.errorCode());
        assertEquals("colour", unknown.body().at("/error/parameter").asText());
        Response badDate = asTenant("POST", "/journeys", "{\"userInfo\":{\"dateOfBirth\":\"1990-02-31\"}}");
        assertEquals("invalid_format", badDate.errorCode());
        assertEquals("userInfo.dateOfBirth", badDate.body().at("/error/parameter").asText());
        assertEquals("invalid_format", asTenant("POST", "/journeys", "{\"callbackUrl\":\"http://10.0.0.1/hook\"}").errorCode());
        assertEquals(413, asTenant("POST", "/journeys", "{\"userId\":\"" + "x".repeat(300 * 1024) + "\"}").status());

        String journeyId = create();
        String path = "/journeys/" + journeyId;
        awaitConsentWait(journeyId);
        long version = stored(journeyId).version();
        Response missing = asUser(journeyId, "POST", path + "/consent", "{}");
        assertEquals(400, missing.status());
        assertEquals("missing_data", missing.errorCode());
        assertEquals("consent", missing.body().at("/error/parameter").asText());
        assertEquals("invalid_payload", asUser(journeyId, "POST", path + "/consent", "not json").errorCode());
        assertEquals(409, asUser(journeyId, "POST", path + "/document", "{\"country\":\"ESP\",\"idType\":\"PASSPORT\"}").status(),
                "the document comes after the consent");
        assertEquals(409, asUser(journeyId, "POST", path + "/uploads", "{\"side\":\"SELFIE\",\"contentType\":\"image/jpeg\"}").status());
        assertEquals("invalid_format",
                asUser(journeyId, "POST", path + "/uploads", "{\"side\":\"FRONT\",\"contentType\":\"image/gif\"}").errorCode());
        assertEquals(version, stored(journeyId).version());
        assertEquals(404, asTenant("GET", "/journeys/" + journeyId + "/nope", null).status());
    }

    @Test
    void callersWithoutTheRightAreForbiddenAndOtherTenantsSeeNoJourney() {
        String journeyId = create();
        String path = "/journeys/" + journeyId;

        Response readOnly = call(api, key(TENANT, "kyc:read"), "POST", "/journeys", "{}", null);
        assertEquals(403, readOnly.status());
        assertEquals("forbidden", readOnly.errorCode());
        assertEquals(403, asUser(journeyId, "GET", path, null).status(), "a journey token cannot read the results");
        assertEquals(403, asUser("j_another", "POST", path + "/consent", "{\"consent\":true}").status(), "another journey's token");
        assertEquals(403, call(api, key(TENANT, "kyc:read kyc:write"), "POST", path + "/consent", "{\"consent\":true}", null).status(),
                "a key cannot act for the user");
        assertEquals(401, call(api, Json.object(), "GET", path, null, null).status(), "no authorizer context");
        assertNull(stored(journeyId).consent(), "nothing was recorded");

        Response otherTenant = call(api, key("other-tenant", "kyc:read"), "GET", path, null, null);
        Response missing = asTenant("GET", "/journeys/j_does-not-exist", null);
        assertEquals(404, otherTenant.status());
        assertEquals("not_found", otherTenant.errorCode());
        assertEquals(missing.body().at("/error/message"), otherTenant.body().at("/error/message"), "indistinguishable from missing");
        Response otherTenantsUser = call(api, token("other-tenant", journeyId), "POST", path + "/consent", "{\"consent\":true}", null);
        assertEquals(404, otherTenantsUser.status());
        assertNull(stored(journeyId).consent());
    }

    @Test
    void theSameInputTwiceResumesOnceAndAnIdempotencyKeyReplays() throws InterruptedException {
        String journeyId = create();
        awaitConsentWait(journeyId);
        String path = "/journeys/" + journeyId + "/consent";
        assertEquals(200, asUser(journeyId, "POST", path, "{\"consent\":true}").status());
        Response again = asUser(journeyId, "POST", path, "{\"consent\":true}");
        assertEquals(409, again.status());
        assertEquals("conflict", again.errorCode());
        String execution = executionOf(journeyId);
        assertEquals(ExecutionStatus.SUCCEEDED, stepFunctions.awaitEnd(execution).status());
        assertEquals(1, stepFunctions.succeededTasks(execution));

        ObjectNode writer = key(TENANT, "kyc:write");
        Response first = call(api, writer, "POST", "/journeys", "{\"userId\":\"idem\"}", "create-1");
        Response replay = call(api, writer, "POST", "/journeys", "{\"userId\":\"idem\"}", "create-1");
        assertEquals(201, replay.status());
        assertEquals(first.body(), replay.body());
        assertEquals(409, call(api, writer, "POST", "/journeys", "{\"userId\":\"other\"}", "create-1").status());
    }

    @Test
    void whenStepFunctionsCannotBeReachedTheJourneyEndsExplainedAndTheRequestCanBeRetried() {
        SubmissionApiHandler cutOff = new SubmissionApiHandler(TestDeployment.withStepFunctionsUnreachable(settings), Clock.systemUTC());
        String tenant = "sfn-down-" + Secrets.random(4);
        ObjectNode writer = key(tenant, "kyc:read kyc:write");

        Response failed = call(cutOff, writer, "POST", "/journeys", "{}", "create-after-outage");
        assertEquals(500, failed.status());
        assertEquals("internal_error", failed.errorCode());
        assertFalse(failed.body().at("/error/request_id").asText().isEmpty());

        // the Idempotency-Key was released: the retry creates a journey
        Response retried = call(api, writer, "POST", "/journeys", "{}", "create-after-outage");
        assertEquals(201, retried.status(), retried.body().toString());
        String journeyId = retried.body().get("journeyId").asText();
        assertEquals(ExecutionStatus.RUNNING, stepFunctions.describe(executionOf(journeyId)).status());
        // the journey of the failed attempt did not stay in INIT forever: it ended, explained
        long ended = journeysOf(tenant).stream().filter(j -> j.decisionStatus() == DecisionStatus.IN_REVIEW).count();
        assertEquals(1, ended);
        assertEquals(2, journeysOf(tenant).size());
    }

    @Test
    void whenTheTableCannotBeReachedTheAnswerIsAnInternalError() {
        SubmissionApiHandler noTable = new SubmissionApiHandler(TestDeployment.withoutTable(settings), Clock.systemUTC());
        Response response = call(noTable, key(TENANT, "kyc:read"), "GET", "/journeys/j_any", null, null);
        assertEquals(500, response.status());
        assertEquals("internal_error", response.errorCode());
        assertFalse(response.body().toString().contains("no-such-table"), "no internals in the answer");
    }

    /** Every journey of a tenant, read from the table's tenant partition. */
    private static List<Journey> journeysOf(String tenant) {
        return AwsClients.dynamoDb(settings).query(b -> b.tableName(NAME).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", KycflowTable.s(KycflowTable.tenantKey(tenant)))))
                .items().stream().filter(item -> item.get("sk").s().startsWith("JOURNEY#"))
                .map(item -> Journey.fromStorage(item.get("doc").s(), 0)).toList();
    }
}
