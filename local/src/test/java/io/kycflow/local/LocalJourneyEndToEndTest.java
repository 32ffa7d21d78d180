package io.kycflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.auth.Scope;
import io.kycflow.auth.Secrets;
import io.kycflow.aws.AwsClients;
import io.kycflow.image.SampleDocuments;
import io.kycflow.store.DynamoCredentialStore;
import io.kycflow.testing.SanctionsFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole journeys through the local runtime: API Gateway emulation, authorizer, state machine, S3 events, checks. */
class LocalJourneyEndToEndTest {
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);
    private static LocalRuntime runtime;
    private static ApiClient api;
    private static String key;
    private static String readOnlyKey;
    private static String otherTenantKey;

    @BeforeAll
    static void start() throws Exception {
        System.setProperty("java.awt.headless", "true");
        // the journeys' AML step screens against the real lists, which the runtime publishes at its first start
        runtime = LocalRuntime.start(new LocalRuntime.Config(0, null, null, SanctionsFixtures.listsDir()));
        runtime.awaitPublishedLists(Duration.ofSeconds(60));
        api = new ApiClient(runtime.apiUrl());
        key = runtime.apiKey();
        DynamoCredentialStore credentials = new DynamoCredentialStore(AwsClients.dynamoDb(runtime.settings()), LocalRuntime.TABLE);
        readOnlyKey = Secrets.newApiKey();
        credentials.putApiKey(LocalRuntime.DEMO_TENANT, readOnlyKey, Set.of(Scope.KYC_READ), "read only");
        otherTenantKey = Secrets.newApiKey();
        credentials.putApiKey("other-tenant", otherTenantKey, Set.of(Scope.values()), "other");
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    /** A created journey: its id and token. */
    private record Created(String id, String token) {
    }

    private static Created create(String body) {
        ApiClient.Reply reply = api.post("/journeys", key, body);
        assertEquals(201, reply.status(), reply.body().toString());
        assertEquals("INIT", reply.body().get("step").asText());
        assertEquals("NOT STARTED", reply.body().get("currentStatus").asText());
        return new Created(reply.body().get("journeyId").asText(), reply.body().get("journeyToken").asText());
    }

    private static void awaitStep(Created journey, String step) {
        api.await("/journeys/" + journey.id() + "/status", journey.token(), s -> s.path("step").asText().equals(step), STEP_TIMEOUT);
    }

    private static void upload(Created journey, String side, byte[] jpeg) {
        ApiClient.Reply reply = api.post("/journeys/" + journey.id() + "/uploads", journey.token(),
                "{\"side\":\"" + side + "\",\"contentType\":\"image/jpeg\"}");
        assertEquals(200, reply.status(), reply.body().toString());
        assertEquals(15L * 1024 * 1024, reply.body().get("maxBytes").asLong());
        assertEquals(200, api.put(reply.body().get("uploadUrl").asText(), "image/jpeg", jpeg));
    }

    private static JsonNode runJourney(String idType, BufferedImage front, BufferedImage back) {
        return runJourney("{\"userId\":\"u-1\",\"userInfo\":{\"fullName\":\"Johanna Lindqvist\",\"dateOfBirth\":\"1990-05-12\",\"nationality\":\"SWE\"}}",
                idType, front, back);
    }

    private static JsonNode runJourney(String createBody, String idType, BufferedImage front, BufferedImage back) {
        Created journey = create(createBody);
        awaitStep(journey, "CONSENT");
        assertEquals(200, api.post("/journeys/" + journey.id() + "/consent", journey.token(), "{\"consent\":true}").status());
        awaitStep(journey, "DOC_SELECTION");
        assertEquals(200, api.post("/journeys/" + journey.id() + "/document", journey.token(),
                "{\"country\":\"ESP\",\"idType\":\"" + idType + "\"}").status());
        awaitStep(journey, "DOC_FRONT");
        upload(journey, "FRONT", SampleDocuments.jpeg(front));
        if (back != null) {
            awaitStep(journey, "DOC_BACK");
            upload(journey, "BACK", SampleDocuments.jpeg(back));
        }
        awaitStep(journey, "FACE_CAPTURE");
        upload(journey, "SELFIE", SampleDocuments.jpeg(SampleDocuments.selfie()));
        return api.await("/journeys/" + journey.id(), key, r -> r.path("currentStatus").asText().equals("COMPLETED"), STEP_TIMEOUT);
    }

    @Test
    void passportJourneyCompletesApprovedWithoutABackSide() {
        JsonNode result = runJourney("PASSPORT", SampleDocuments.passport(), null);
        assertEquals("COMPLETE", result.get("step").asText());
        assertEquals("Approved", result.at("/decision/status").asText());
        assertEquals("Approved", result.at("/decision/id_verifications/0/status").asText());
        assertEquals("Passport", result.at("/decision/id_verifications/0/document_type").asText());
        JsonNode aml = result.at("/decision/aml_screenings/0");
        assertEquals("Approved", aml.get("status").asText(), aml.toString());
        assertEquals(0, aml.get("total_hits").asInt());
        assertEquals("Johanna Lindqvist", aml.at("/screened_data/full_name").asText());
        assertTrue(result.at("/documentIntelligence/imageQuality/result").asBoolean());
        assertEquals("True", result.at("/documentIntelligence/completeStatus/overallStatus").asText());
        assertTrue(result.at("/capturedData/images/backDoc").isNull());
        assertEquals(LocalRuntime.DEMO_TENANT, result.get("clientId").asText());
        assertTrue(result.get("completedAt").asLong() >= result.get("startedAt").asLong());
        // The presigned read link really serves the captured image.
        var selfie = api.download(result.at("/capturedData/images/selfie").asText());
        assertEquals(200, selfie.statusCode());
        assertEquals((byte) 0xFF, selfie.body()[0]);
    }

    @Test
    void aListedApplicantsJourneyEndsInReviewWithHitsReviewableAsAKycCheck() {
        JsonNode result = runJourney("{\"userInfo\":{\"fullName\":\"Nicolas Maduro Moros\",\"dateOfBirth\":\"1962-11-23\"}}",
                "PASSPORT", SampleDocuments.passport(), null);
        assertEquals("In Review", result.at("/decision/status").asText());
        assertEquals("Approved", result.at("/decision/id_verifications/0/status").asText());
        JsonNode aml = result.at("/decision/aml_screenings/0");
        assertEquals("In Review", aml.get("status").asText());
        assertTrue(aml.get("hits").findValuesAsText("primary_name").contains("MADURO MOROS, Nicolas"), aml.toString());
        ApiClient.Reply check = api.get("/kyc/" + aml.get("job_id").asText(), key);
        assertEquals(200, check.status());
        assertEquals(aml.get("total_hits").asInt(), check.body().get("total_hits").asInt());
    }

    @Test
    void idCardJourneyTakesTheBackSide() {
        JsonNode result = runJourney("ID_CARD", SampleDocuments.idCardFront(), SampleDocuments.idCardBack());
        assertEquals("Approved", result.at("/decision/status").asText());
        assertFalse(result.at("/capturedData/images/backDoc").isNull());
        assertFalse(result.at("/documentIntelligence/imageQuality/backIdCheck").isMissingNode());
    }

    @Test
    void blurredDocumentIsDeclinedWithAnErrorWarning() {
        JsonNode result = runJourney("PASSPORT", SampleDocuments.blurred(SampleDocuments.passport()), null);
        assertEquals("Declined", result.at("/decision/status").asText());
        JsonNode warnings = result.at("/decision/id_verifications/0/warnings");
        assertTrue(warnings.size() > 0);
        boolean blurry = false;
        for (JsonNode warning : warnings) {
            blurry |= warning.path("risk").asText().equals("BLURRY_DOCUMENT") && warning.path("log_type").asText().equals("error");
        }
        assertTrue(blurry, warnings.toString());
    }

    @Test
    void journeyWhoseLinkRunsOutEndsExpired() {
        Created journey = create("{\"journeyLinkValidity\":2}");
        awaitStep(journey, "CONSENT");
        JsonNode result = api.await("/journeys/" + journey.id(), key,
                r -> r.at("/decision/status").asText().equals("Expired"), STEP_TIMEOUT);
        assertEquals("CONSENT", result.get("step").asText());
        assertTrue(result.get("message").asText().contains("expired"));
        ApiClient.Reply status = api.get("/journeys/" + journey.id() + "/status", journey.token());
        assertEquals(401, status.status(), "the journey token stops working when the link expires");
    }

    @Test
    void declinedConsentEndsTheJourney() {
        Created journey = create("{}");
        assertEquals(200, api.post("/journeys/" + journey.id() + "/consent", journey.token(), "{\"consent\":false}").status());
        JsonNode result = api.await("/journeys/" + journey.id(), key, r -> r.path("currentStatus").asText().equals("COMPLETED"), STEP_TIMEOUT);
        assertEquals("Declined", result.at("/decision/status").asText());
        assertEquals("consent", result.at("/decision/reason").asText());
    }

    @Test
    void credentialsScopesAndTenantsAreEnforced() {
        ApiClient.Reply noKey = api.post("/journeys", null, "{}");
        assertEquals(401, noKey.status());
        assertEquals("unauthorized", noKey.errorCode());
        assertFalse(noKey.body().at("/error/request_id").asText().isEmpty());
        assertEquals(401, api.post("/journeys", "kf_not-a-key", "{}").status());
        ApiClient.Reply readOnly = api.post("/journeys", readOnlyKey, "{}");
        assertEquals(403, readOnly.status());
        assertEquals("forbidden", readOnly.errorCode());

        Created journey = create("{}");
        ApiClient.Reply otherTenant = api.get("/journeys/" + journey.id(), otherTenantKey);
        ApiClient.Reply missing = api.get("/journeys/j_does-not-exist", key);
        assertEquals(404, otherTenant.status());
        assertEquals(404, missing.status());
        assertEquals(missing.body().at("/error/message"), otherTenant.body().at("/error/message"), "indistinguishable from missing");
        assertEquals(403, api.get("/journeys/" + journey.id(), journey.token()).status(), "a journey token cannot read results");
        Created another = create("{}");
        assertEquals(403, api.post("/journeys/" + another.id() + "/consent", journey.token(), "{\"consent\":true}").status());
        assertEquals(404, api.get("/nope", key).status());
    }

    @Test
    void badPayloadsGetTheContractsErrorsAndChangeNothing() {
        ApiClient.Reply malformed = api.post("/journeys", key, "{\"userId\":");
        assertEquals(400, malformed.status());
        assertEquals("invalid_payload", malformed.errorCode());
        ApiClient.Reply unknown = api.post("/journeys", key, "{\"colour\":\"red\"}");
        assertEquals("invalid_parameter", unknown.errorCode());
        assertEquals("colour", unknown.body().at("/error/parameter").asText());
        assertEquals("invalid_format", api.post("/journeys", key, "{\"journeyLinkValidity\":0}").errorCode());
        assertEquals("invalid_format", api.post("/journeys", key, "{\"userInfo\":{\"dateOfBirth\":\"1990-02-31\"}}").errorCode());
        ApiClient.Reply privateCallback = api.post("/journeys", key, "{\"callbackUrl\":\"http://10.0.0.1/hook\"}");
        assertEquals("invalid_format", privateCallback.errorCode());
        assertEquals("callbackUrl", privateCallback.body().at("/error/parameter").asText());

        Created journey = create("{}");
        String path = "/journeys/" + journey.id();
        assertEquals("missing_data", api.post(path + "/consent", journey.token(), "{}").errorCode());
        assertEquals(409, api.post(path + "/document", journey.token(), "{\"country\":\"ESP\",\"idType\":\"PASSPORT\"}").status());
        assertEquals(200, api.post(path + "/consent", journey.token(), "{\"consent\":true}").status());
        assertEquals(409, api.post(path + "/consent", journey.token(), "{\"consent\":true}").status(), "consent is given once");
        assertEquals("invalid_format", api.post(path + "/document", journey.token(), "{\"country\":\"es\",\"idType\":\"PASSPORT\"}").errorCode());
        assertEquals(409, api.post(path + "/uploads", journey.token(), "{\"side\":\"SELFIE\",\"contentType\":\"image/jpeg\"}").status());
        assertEquals("DOC_SELECTION", api.await(path + "/status", journey.token(),
                s -> s.path("step").asText().equals("DOC_SELECTION"), STEP_TIMEOUT).path("step").asText());
    }

    @Test
    void rejectedUploadsLeaveTheJourneyOnItsStepAndCanBeReplaced() {
        Created journey = create("{}");
        String path = "/journeys/" + journey.id();
        api.post(path + "/consent", journey.token(), "{\"consent\":true}");
        api.post(path + "/document", journey.token(), "{\"country\":\"FRA\",\"idType\":\"PASSPORT\"}");
        awaitStep(journey, "DOC_FRONT");

        upload(journey, "FRONT", SampleDocuments.notAnImage());
        JsonNode status = api.await(path + "/status", journey.token(), s -> s.path("message").asText().contains("rejected"), STEP_TIMEOUT);
        assertEquals("DOC_FRONT", status.get("step").asText());
        assertTrue(status.get("message").asText().contains("not a JPEG or PNG"), status.toString());

        upload(journey, "FRONT", SampleDocuments.oversizedJpeg(15 * 1024 * 1024 + 10));
        status = api.await(path + "/status", journey.token(), s -> s.path("message").asText().contains("MB"), STEP_TIMEOUT);
        assertEquals("DOC_FRONT", status.get("step").asText());

        upload(journey, "FRONT", SampleDocuments.jpeg(SampleDocuments.passport()));
        awaitStep(journey, "FACE_CAPTURE");
    }

    @Test
    void tamperedPresignedUrlIsRefusedByS3() {
        Created journey = create("{}");
        String path = "/journeys/" + journey.id();
        api.post(path + "/consent", journey.token(), "{\"consent\":true}");
        api.post(path + "/document", journey.token(), "{\"country\":\"FRA\",\"idType\":\"PASSPORT\"}");
        awaitStep(journey, "DOC_FRONT");
        ApiClient.Reply reply = api.post(path + "/uploads", journey.token(), "{\"side\":\"FRONT\",\"contentType\":\"image/jpeg\"}");
        String url = reply.body().get("uploadUrl").asText();
        String tampered = url.replace("/FRONT/", "/BACK/");
        assertNotEquals(url, tampered);
        // S3 refuses before reading the body and may close the connection: a body that fits in the socket buffer
        // lets the client read the 403 instead of failing on a broken pipe mid-upload.
        byte[] start = java.util.Arrays.copyOf(SampleDocuments.jpeg(SampleDocuments.passport()), 4096);
        assertEquals(403, api.put(tampered, "image/jpeg", start));
        assertEquals(403, api.put(url, "image/png", start), "content type is signed");
    }

    @Test
    void idempotencyKeyReplaysTheFirstResponse() {
        String body = "{\"userId\":\"idem-1\"}";
        ApiClient.Reply first = api.post("/journeys", key, body, "Idempotency-Key", "create-idem-1");
        ApiClient.Reply replay = api.post("/journeys", key, body, "Idempotency-Key", "create-idem-1");
        assertEquals(201, first.status());
        assertEquals(201, replay.status());
        assertEquals(first.body().get("journeyId"), replay.body().get("journeyId"));
        ApiClient.Reply reused = api.post("/journeys", key, "{\"userId\":\"idem-2\"}", "Idempotency-Key", "create-idem-1");
        assertEquals(409, reused.status());
        assertEquals("conflict", reused.errorCode());
    }
}
