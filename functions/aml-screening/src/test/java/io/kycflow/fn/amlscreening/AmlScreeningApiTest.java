package io.kycflow.fn.amlscreening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.aws.AwsClients;
import io.kycflow.aws.Settings;
import io.kycflow.aws.SqsCallbackPublisher;
import io.kycflow.backends.LocalBackends;
import io.kycflow.backends.TestBackends;
import io.kycflow.auth.Secrets;
import io.kycflow.journey.IdType;
import io.kycflow.journey.Journey;
import io.kycflow.journey.JourneyNotFoundException;
import io.kycflow.journey.JourneyRules;
import io.kycflow.json.Json;
import io.kycflow.kyc.KycService;
import io.kycflow.sanctions.ParsedList;
import io.kycflow.sanctions.SanctionsList;
import io.kycflow.screening.ScreeningIndex;
import io.kycflow.store.DynamoJourneyRepository;
import io.kycflow.store.DynamoKycRepository;
import io.kycflow.store.KycflowTable;
import io.kycflow.testing.SanctionsFixtures;
import io.kycflow.testing.StoredItems;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The KYC check and KYA endpoints and the journey's AML step through the real handler, on embedded DynamoDB and SQS, screening against the real
 * OFAC and UN lists.
 */
class AmlScreeningApiTest {
    private static final String TABLE = "aml-api-test";
    private static final String ALL_SCOPES = "kyc:read,kyc:write,kyc:review,kyc:export";

    private static Settings settings;
    private static AmlScreeningHandler handler;
    private static DynamoJourneyRepository journeys;
    private static SqsClient sqs;
    private static String queueUrl;

    @BeforeAll
    static void start() {
        LocalBackends backends = TestBackends.shared();
        Map<String, String> env = new HashMap<>(backends.environment());
        env.put("KYCFLOW_TABLE", TABLE);
        env.put("KYCFLOW_BUCKET", "aml-api-test");
        // the test machine has no DNS: the receiver's host is allowed by name
        env.put("KYCFLOW_CALLBACK_ALLOWLIST", "hooks.example.com");
        settings = new Settings(env);
        DynamoDbClient dynamo = AwsClients.dynamoDb(settings);
        KycflowTable.create(dynamo, TABLE);
        journeys = new DynamoJourneyRepository(dynamo, TABLE);
        queueUrl = backends.createQueue("aml-api-test-callbacks");
        sqs = AwsClients.sqs(settings);
        handler = new AmlScreeningHandler(settings, Clock.systemUTC(), dynamo, SanctionsFixtures::index,
                new SqsCallbackPublisher(() -> sqs, queueUrl));
    }

    private record Response(int status, JsonNode body) {
        String errorCode() {
            return body.at("/error/code").asText();
        }
    }

    /** Calls the handler as API Gateway would; a query string in {@code path} becomes the query parameters. */
    private static Response call(String tenant, String scopes, String method, String path, String body, String idempotencyKey) {
        return call(handler, tenant, scopes, method, path, body, idempotencyKey);
    }

    private static Response call(AmlScreeningHandler target, String tenant, String scopes, String method, String path,
                                 String body, String idempotencyKey) {
        String[] pathAndQuery = path.split("\\?", 2);
        ObjectNode event = Json.object().put("httpMethod", method).put("path", pathAndQuery[0]).put("body", body);
        if (pathAndQuery.length > 1) {
            ObjectNode query = event.putObject("queryStringParameters");
            for (String parameter : pathAndQuery[1].split("&")) {
                String[] nameAndValue = parameter.split("=", 2);
                query.put(nameAndValue[0], nameAndValue.length > 1 ? nameAndValue[1] : "");
            }
        }
        if (idempotencyKey != null) {
            event.putObject("headers").put("Idempotency-Key", idempotencyKey);
        }
        event.putObject("requestContext").put("requestId", "req-test").putObject("authorizer")
                .put("tenantId", tenant).put("principalType", "apiKey").put("scopes", scopes).put("keyId", "key0123456789");
        JsonNode result = target.handle(event, null);
        return new Response(result.get("statusCode").asInt(), Json.parse(result.get("body").asText()));
    }

    private static Response call(String tenant, String method, String path, String body) {
        return call(tenant, ALL_SCOPES, method, path, body, null);
    }

    private static List<JsonNode> callbacks() {
        List<JsonNode> events = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            for (Message message : messages) {
                events.add(Json.parse(message.body()));
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
        return events;
    }

    @Test
    void theSampleEventCreatesACheck() throws IOException {
        Path sample = Path.of(System.getProperty("kycflow.project.dir", "../..")).resolve("events/aml-screening-create-kyc.json");
        JsonNode result = handler.handle(Json.parse(Files.readString(sample)), null);
        assertEquals(201, result.get("statusCode").asInt(), result.toString());
        assertEquals("In Review", Json.parse(result.get("body").asText()).get("status").asText());
    }

    @Test
    void aListedPersonIsFoundAndWaitsForReview() {
        Response created = call("acme", "POST", "/kyc",
                "{\"entity\":{\"type\":\"person\",\"name\":\"Nicolas Maduro Moros\",\"date_of_birth\":\"1962-11-23\",\"nationality\":\"VEN\"}}");
        assertEquals(201, created.status(), created.body().toString());
        JsonNode check = created.body();
        assertTrue(check.get("job_id").asText().startsWith("kyc_"));
        assertEquals("In Review", check.get("status").asText());
        assertEquals("potential_match", check.get("match_status").asText());
        assertTrue(check.get("total_hits").asInt() >= 1);
        assertTrue(check.get("risk_score").asInt() >= 75, "an exact listed name is high risk: " + check.get("risk_score"));
        assertEquals("High", check.get("risk_rating").asText());
        assertEquals("fuzzy", check.get("search_type").asText());
        JsonNode ofac = result(check, "OFAC_SDN");
        assertTrue(ofac.get("matched").asBoolean());
        JsonNode best = null;
        for (JsonNode match : ofac.get("matches")) {
            if (match.get("primary_name").asText().equals("MADURO MOROS, Nicolas")) {
                best = match;
            }
        }
        assertTrue(best != null, "MADURO MOROS, Nicolas is among the hits: " + ofac);
        assertTrue(best.get("score").asInt() >= 90);
        assertEquals("pending", best.get("review_status").asText());
        assertFalse(best.get("source_id").asText().isEmpty());
        assertTrue(best.get("programs").size() > 0);
        assertEquals(2, check.get("lists_checked").size());

        Response read = call("acme", "GET", "/kyc/" + check.get("job_id").asText(), null);
        assertEquals(200, read.status());
        assertEquals(check.get("results_by_list"), read.body().get("results_by_list"));
    }

    @Test
    void anUnlistedNameCompletesWithLowRisk() {
        Response created = call("acme", "POST", "/kyc",
                "{\"entity\":{\"type\":\"person\",\"name\":\"Quillon Brathwaite-Oyelaran\"},\"min_score\":85}");
        assertEquals(201, created.status(), created.body().toString());
        assertEquals("Completed", created.body().get("status").asText());
        assertEquals("no_match", created.body().get("match_status").asText());
        assertEquals(0, created.body().get("total_hits").asInt());
        assertEquals(0, created.body().get("risk_score").asInt());
        assertEquals("Low", created.body().get("risk_rating").asText());
        for (JsonNode list : created.body().get("results_by_list")) {
            assertFalse(list.get("matched").asBoolean());
            assertFalse(list.get("list_version").asText().isEmpty());
        }
    }

    @Test
    void reviewDecisionAndCallbacks() {
        callbacks(); // drain events of other tests
        Response created = call("review-co", "POST", "/kyc",
                "{\"entity\":{\"type\":\"person\",\"name\":\"Nicolas Maduro Moros\"},\"callback_url\":\"https://hooks.example.com/kyc\","
                        + "\"lists\":[\"OFAC_SDN\"]}");
        assertEquals(201, created.status(), created.body().toString());
        String jobId = created.body().get("job_id").asText();
        assertEquals(List.of("OFAC_SDN"), texts(created.body().get("lists_checked")));

        List<JsonNode> completed = callbacks();
        assertEquals(1, completed.size(), completed.toString());
        JsonNode event = completed.get(0);
        assertEquals("https://hooks.example.com/kyc", event.get("callback_url").asText());
        assertEquals("kyc.completed", event.at("/event/event_type").asText());
        assertEquals(jobId + ":kyc.completed", event.at("/event/event_id").asText());
        assertEquals("review-co", event.at("/event/tenant_id").asText());
        assertEquals(jobId, event.at("/event/data/job_id").asText());

        // clear every hit: nothing waits for review any more
        for (JsonNode match : result(created.body(), "OFAC_SDN").get("matches")) {
            Response cleared = call("review-co", "PATCH", "/kyc/" + jobId + "/hits/" + match.get("hit_id").asText(),
                    "{\"review_status\":\"cleared\",\"note\":\"different person: date of birth differs\"}");
            assertEquals(200, cleared.status(), cleared.body().toString());
        }
        JsonNode afterReview = call("review-co", "GET", "/kyc/" + jobId, null).body();
        assertEquals("Completed", afterReview.get("status").asText());
        assertEquals("no_match", afterReview.get("match_status").asText());
        assertEquals(0, afterReview.get("risk_score").asInt());
        JsonNode reviewed = result(afterReview, "OFAC_SDN").get("matches").get(0);
        assertEquals("cleared", reviewed.get("review_status").asText());
        assertEquals("api_key:key0123456789", reviewed.get("reviewed_by").asText());
        assertFalse(reviewed.get("reviewed_at").isNull());
        assertEquals("different person: date of birth differs", reviewed.get("review_note").asText());

        assertEquals(404, call("review-co", "PATCH", "/kyc/" + jobId + "/hits/ofac-sdn-0", "{\"review_status\":\"cleared\"}").status());
        assertEquals("invalid_format", call("review-co", "PATCH", "/kyc/" + jobId + "/hits/" + reviewed.get("hit_id").asText(),
                "{\"review_status\":\"maybe\"}").errorCode());

        Response decided = call("review-co", "POST", "/kyc/" + jobId + "/decision", "{\"accepted\":true,\"comment\":\"false positives\"}");
        assertEquals(200, decided.status(), decided.body().toString());
        assertEquals("Accepted", decided.body().get("status").asText());
        assertTrue(decided.body().at("/decision/accepted").asBoolean());
        assertEquals("api_key:key0123456789", decided.body().at("/decision/decided_by").asText());

        Response again = call("review-co", "POST", "/kyc/" + jobId + "/decision", "{\"accepted\":false}");
        assertEquals(409, again.status());
        assertEquals("conflict", again.errorCode());
        assertEquals("Accepted", call("review-co", "GET", "/kyc/" + jobId, null).body().get("status").asText());

        List<JsonNode> decisions = callbacks();
        assertEquals(1, decisions.size(), decisions.toString());
        assertEquals("kyc.decision.updated", decisions.get(0).at("/event/event_type").asText());
        assertEquals("Accepted", decisions.get(0).at("/event/data/status").asText());
    }

    @Test
    void metadataIsReplacedAndValidated() {
        String jobId = call("meta-co", "POST", "/kyc", "{\"entity\":{\"type\":\"business\",\"name\":\"Acme Trading Ltd\"}}")
                .body().get("job_id").asText();
        Response put = call("meta-co", "PUT", "/kyc/" + jobId + "/metadata", "[{\"key\":\"account\",\"value\":\"A-17\"},{\"key\":\"tier\",\"value\":\"gold\"}]");
        assertEquals(200, put.status(), put.body().toString());
        assertEquals(2, put.body().get("metadata").size());
        Response replaced = call("meta-co", "PUT", "/kyc/" + jobId + "/metadata", "[{\"key\":\"account\",\"value\":\"A-18\"}]");
        assertEquals(1, replaced.body().get("metadata").size());
        assertEquals("A-18", replaced.body().at("/metadata/0/value").asText());

        assertEquals("invalid_payload", call("meta-co", "PUT", "/kyc/" + jobId + "/metadata", "{\"key\":\"x\"}").errorCode());
        assertEquals("missing_data", call("meta-co", "PUT", "/kyc/" + jobId + "/metadata", "[{\"value\":\"x\"}]").errorCode());
        assertEquals("invalid_format", call("meta-co", "PUT", "/kyc/" + jobId + "/metadata",
                "[{\"key\":\"a\",\"value\":\"1\"},{\"key\":\"a\",\"value\":\"2\"}]").errorCode());
        assertEquals("A-18", call("meta-co", "GET", "/kyc/" + jobId, null).body().at("/metadata/0/value").asText());
    }

    @Test
    void anotherTenantsCheckIsNotFound() {
        String jobId = call("tenant-a", "POST", "/kyc", "{\"entity\":{\"type\":\"person\",\"name\":\"Nicolas Maduro Moros\"}}")
                .body().get("job_id").asText();
        assertEquals(404, call("tenant-b", "GET", "/kyc/" + jobId, null).status());
        assertEquals(404, call("tenant-b", "POST", "/kyc/" + jobId + "/decision", "{\"accepted\":true}").status());
        assertEquals(404, call("tenant-b", "PUT", "/kyc/" + jobId + "/metadata", "[]").status());
        assertEquals(404, call("tenant-b", "PATCH", "/kyc/" + jobId + "/hits/x", "{\"review_status\":\"cleared\"}").status());
        assertEquals("not_found", call("tenant-b", "GET", "/kyc/" + jobId, null).errorCode());
        // and the owner's check is untouched
        JsonNode own = call("tenant-a", "GET", "/kyc/" + jobId, null).body();
        assertTrue(own.get("decision").isNull());
        assertEquals(0, own.get("metadata").size());
    }

    @Test
    void badInputIsRefusedWithTheContractsCodes() {
        assertEquals("invalid_payload", call("bad-co", "POST", "/kyc", "{not json").errorCode());
        assertEquals("missing_data", call("bad-co", "POST", "/kyc", "{}").errorCode());
        assertEquals("missing_data", call("bad-co", "POST", "/kyc", "{\"entity\":{\"type\":\"person\"}}").errorCode());
        assertEquals("invalid_parameter", call("bad-co", "POST", "/kyc", "{\"entity\":{\"type\":\"person\",\"name\":\"A\"},\"color\":1}").errorCode());
        assertEquals("invalid_format", call("bad-co", "POST", "/kyc", "{\"entity\":{\"type\":\"robot\",\"name\":\"A\"}}").errorCode());
        assertEquals("invalid_format", call("bad-co", "POST", "/kyc", "{\"entity\":{\"type\":\"person\",\"name\":\"A\"},\"lists\":[\"EU_FSF\"]}").errorCode());
        assertEquals("invalid_format", call("bad-co", "POST", "/kyc", "{\"entity\":{\"type\":\"person\",\"name\":\"A\"},\"min_score\":101}").errorCode());
        assertEquals("invalid_format", call("bad-co", "POST", "/kyc", "{\"entity\":{\"type\":\"person\",\"name\":\"A\",\"date_of_birth\":\"1990-02-30\"}}").errorCode());
        assertEquals("invalid_format", call("bad-co", "POST", "/kyc", "{\"entity\":{\"type\":\"person\",\"name\":\"A\",\"nationality\":\"Spain\"}}").errorCode());
        Response privateCallback = call("bad-co", "POST", "/kyc",
                "{\"entity\":{\"type\":\"person\",\"name\":\"A\"},\"callback_url\":\"http://169.254.169.254/latest\"}");
        assertEquals("invalid_format", privateCallback.errorCode());
        assertEquals("callback_url", privateCallback.body().at("/error/parameter").asText());
        assertEquals("invalid_payload", call("bad-co", "POST", "/kyc/kyc_x/decision", "[]").errorCode());
        assertEquals("missing_data", call("bad-co", "POST", "/kyc/kyc_x/decision", "{}").errorCode());
        // none of the refused requests stored anything
        assertEquals(0, dynamo().query(b -> b.tableName(TABLE).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", KycflowTable.s(KycflowTable.tenantKey("bad-co"))))).count());
    }

    @Test
    void anIdempotentRetryReturnsTheFirstCheck() {
        String body = "{\"entity\":{\"type\":\"person\",\"name\":\"Retry Person\"}}";
        Response first = call("idem-co", ALL_SCOPES, "POST", "/kyc", body, "key-1");
        Response replay = call("idem-co", ALL_SCOPES, "POST", "/kyc", body, "key-1");
        assertEquals(201, replay.status());
        assertEquals(first.body().get("job_id"), replay.body().get("job_id"));
        Response other = call("idem-co", ALL_SCOPES, "POST", "/kyc", body, "key-2");
        assertNotEquals(first.body().get("job_id"), other.body().get("job_id"));
    }

    @Test
    void listedAddressesAreFoundAndChecksumsEnforced() {
        // listed by OFAC in EIP-55 mixed case; screened here in lower case
        Response listed = call("kya-co", "POST", "/kya", "{\"address\":\"0x7f367cc41522ce07553e823bf3be79a889debe1b\"}");
        assertEquals(201, listed.status(), listed.body().toString());
        assertEquals("ETH", listed.body().get("chain").asText());
        assertEquals(1, listed.body().get("sdnlist").size());
        assertEquals("OFAC_SDN", listed.body().at("/sdnlist/0/list").asText());
        assertEquals(100, listed.body().get("risk_score").asInt());
        assertEquals("Very high", listed.body().get("risk_rating").asText());

        Response btc = call("kya-co", "POST", "/kya", "{\"address\":\"12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h\",\"chain\":\"btc\"}");
        assertEquals(201, btc.status(), btc.body().toString());
        assertEquals("BTC", btc.body().get("chain").asText());
        assertEquals(100, btc.body().get("risk_score").asInt());

        // the genesis block's address: valid, not listed
        Response clean = call("kya-co", "POST", "/kya", "{\"address\":\"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa\"}");
        assertEquals(0, clean.body().get("sdnlist").size());
        assertEquals(0, clean.body().get("risk_score").asInt());
        assertEquals("Low", clean.body().get("risk_rating").asText());

        // one character changed: the checksum catches it
        assertEquals("invalid_format", call("kya-co", "POST", "/kya", "{\"address\":\"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb\"}").errorCode());
        assertEquals("invalid_format", call("kya-co", "POST", "/kya", "{\"address\":\"0x7F367cC41522cE07553e823bf3be79A889DEbe1b\"}").errorCode());
        assertEquals("invalid_format", call("kya-co", "POST", "/kya", "{\"address\":\"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa\",\"chain\":\"eth\"}").errorCode());
        assertEquals("missing_data", call("kya-co", "POST", "/kya", "{}").errorCode());

        String kyaId = listed.body().get("kya_id").asText();
        assertEquals(listed.body(), call("kya-co", "GET", "/kya/" + kyaId, null).body());
        assertEquals(404, call("other-co", "GET", "/kya/" + kyaId, null).status());
    }

    /** A journey that reached the AML step, stored as the journey API would store it. */
    private static String journeyAtTheAmlStep(String tenant, ObjectNode userInfo) {
        String journeyId = "j_" + Secrets.random(15);
        Journey journey = Journey.create(tenant, journeyId, System.currentTimeMillis(), 600);
        journey.configure("user-1", "ref-1", userInfo, null, null, null);
        JourneyRules.acceptConsent(journey, true, System.currentTimeMillis());
        JourneyRules.selectDocument(journey, "VEN", IdType.PASSPORT, System.currentTimeMillis());
        journeys.create(journey, Secrets.hash(Secrets.newJourneyToken()));
        return journeyId;
    }

    private static JsonNode screenJourney(String tenant, String journeyId) {
        return handler.handle(Json.object().put("action", "screen_journey").put("tenantId", tenant)
                .put("journeyId", journeyId), null);
    }

    private static JsonNode amlReport(String tenant, String journeyId) {
        return journeys.find(tenant, journeyId).orElseThrow().state().get("amlScreening");
    }

    @Test
    void theJourneysAmlStepScreensTheApplicantAsAReviewableCheckOnce() {
        String journeyId = journeyAtTheAmlStep("journey-co", Json.object().put("fullName", "Nicolas Maduro Moros")
                .put("dateOfBirth", "1962-11-23"));
        JsonNode step = screenJourney("journey-co", journeyId);
        assertEquals("In Review", step.get("status").asText());

        JsonNode report = amlReport("journey-co", journeyId);
        assertEquals("In Review", report.get("status").asText());
        assertEquals("aml_screening", report.get("node_id").asText());
        assertEquals("Nicolas Maduro Moros", report.at("/screened_data/full_name").asText());
        assertEquals("VEN", report.at("/screened_data/nationality").asText(), "the passport's issuing state");
        assertEquals(report.get("hits").size(), report.get("total_hits").asInt());
        assertTrue(report.get("hits").findValuesAsText("primary_name").contains("MADURO MOROS, Nicolas"), report.toString());
        assertEquals("pending", report.at("/hits/0/review_status").asText());
        assertFalse(report.get("is_ongoing_monitoring_enabled").asBoolean());
        assertEquals("POSSIBLE_MATCH_FOUND", report.at("/warnings/0/risk").asText());

        // the hits are reviewed through the KYC checks API, under the check the report names
        String jobId = report.get("job_id").asText();
        assertEquals("kyc_" + journeyId, jobId);
        Response check = call("journey-co", "GET", "/kyc/" + jobId, null);
        assertEquals(200, check.status());
        assertEquals("In Review", check.body().get("status").asText());
        assertEquals("ref-1", check.body().get("customer_reference").asText());
        assertEquals(404, call("other-co", "GET", "/kyc/" + jobId, null).status());

        // a retried step finds what the first attempt stored: the same check, the same report
        screenJourney("journey-co", journeyId);
        assertEquals(report, amlReport("journey-co", journeyId));
        assertEquals(check.body().get("created_at"), call("journey-co", "GET", "/kyc/" + jobId, null).body().get("created_at"));
    }

    @Test
    void aCleanApplicantIsApprovedAndAnUnnamedOneNeedsAManualScreening() {
        String clean = journeyAtTheAmlStep("journey-co", Json.object().put("firstName", "Johanna").put("lastName", "Lindqvist")
                .put("dateOfBirth", "1990-05-12"));
        screenJourney("journey-co", clean);
        assertEquals("Approved", amlReport("journey-co", clean).get("status").asText(), amlReport("journey-co", clean).toString());
        JsonNode report = amlReport("journey-co", clean);
        assertEquals(0, report.get("total_hits").asInt());
        assertEquals(0, report.get("warnings").size());
        assertEquals("Johanna Lindqvist", report.at("/screened_data/full_name").asText());

        String unnamed = journeyAtTheAmlStep("journey-co", Json.object());
        assertEquals("In Review", screenJourney("journey-co", unnamed).get("status").asText());
        assertEquals("AML_SCREENING_NOT_PERFORMED", amlReport("journey-co", unnamed).at("/warnings/0/risk").asText());
        assertEquals(404, call("journey-co", "GET", "/kyc/kyc_" + unnamed, null).status(), "nothing was screened");
    }

    /**
     * Ordinary names that the OFAC-compatible score flagged (James Smith had 19 hits at 80, Maria Garcia Lopez 13):
     * their journeys end Approved, with nothing for a reviewer, while README's listed example still ends In Review.
     */
    @Test
    void ordinaryNamesEndApprovedAndTheListedExampleInReview() {
        for (String name : List.of("James Smith", "Maria Garcia Lopez", "Anna Maria Eriksson", "George Bush")) {
            String journeyId = journeyAtTheAmlStep("journey-co", Json.object().put("fullName", name));
            assertEquals("Approved", screenJourney("journey-co", journeyId).get("status").asText(), name);
            assertEquals(0, amlReport("journey-co", journeyId).get("total_hits").asInt(), name);
        }
        String listed = journeyAtTheAmlStep("journey-co", Json.object().put("fullName", "Nicolas Maduro Moros"));
        assertEquals("In Review", screenJourney("journey-co", listed).get("status").asText());
    }

    @Test
    void theAmlStepFindsNoJourneyOfAnotherTenant() {
        String journeyId = journeyAtTheAmlStep("journey-co", Json.object().put("fullName", "Maria Garcia"));
        assertThrows(JourneyNotFoundException.class, () -> screenJourney("other-co", journeyId));
        assertNull(amlReport("journey-co", journeyId));
        assertEquals(404, call("journey-co", "GET", "/kyc/kyc_" + journeyId, null).status());
    }

    /** Before any list is published: every screening says so with its own code, never "no hits". */
    @Test
    void withoutAnyListScreeningsAreRefusedAsListsUnavailable() {
        AmlScreeningHandler unlisted = new AmlScreeningHandler(settings, Clock.systemUTC(), dynamo(),
                () -> null, new SqsCallbackPublisher(() -> sqs, queueUrl));
        for (String[] request : List.of(new String[]{"/kyc", "{\"entity\":{\"type\":\"person\",\"name\":\"Anyone\"}}"},
                new String[]{"/kya", "{\"address\":\"0x7F367cC41522cE07553e823bf3be79A889DEbe1B\"}"})) {
            Response refused = call(unlisted, "nolist-co", ALL_SCOPES, "POST", request[0], request[1], "key-" + request[0]);
            assertEquals(503, refused.status(), refused.body().toString());
            assertEquals("lists_unavailable", refused.errorCode());
            assertTrue(refused.body().at("/error/message").asText().contains("KYCFLOW_LISTS_DIR"), refused.body().toString());
        }
        // the same Idempotency-Key works once a list is there: the refusal was not stored as the answer
        assertEquals(201, call("nolist-co", ALL_SCOPES, "POST", "/kyc", "{\"entity\":{\"type\":\"person\",\"name\":\"Anyone\"}}",
                "key-/kyc").status());

        String journeyId = journeyAtTheAmlStep("nolist-co", Json.object().put("fullName", "Anyone"));
        // the state machine retries the step, then records the failure with its explanation
        // the journey recognises the error by this name, without depending on the screening module
        assertEquals(JourneyRules.LISTS_UNAVAILABLE_ERROR, KycService.ListsUnavailableException.class.getName());
        assertThrows(KycService.ListsUnavailableException.class, () -> unlisted.handle(Json.object()
                .put("action", "screen_journey").put("tenantId", "nolist-co").put("journeyId", journeyId), null));
        assertNull(amlReport("nolist-co", journeyId));
    }

    @Test
    void aCheckWithThousandsOfHitsIsStoredPagedReviewedDecidedAndRescreened() {
        SanctionsFixtures.index(); // skipped without the lists
        long started = System.nanoTime();
        Response created = call("big-co", "POST", "/kyc",
                "{\"entity\":{\"type\":\"person\",\"name\":\"MOHAMED MOHAMED\"},\"min_score\":0,\"monitoring\":true}");
        long createMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(201, created.status(), created.body().toString());
        JsonNode check = created.body();
        String jobId = check.get("job_id").asText();
        int total = check.get("total_hits").asInt();
        assertTrue(total >= 1000, "min_score 0 makes every listed entry a hit: " + total);
        assertTrue(check.get("hits_truncated").asBoolean());
        assertEquals("/kyc/" + jobId + "/hits", check.get("hits_path").asText());
        Set<String> inline = new HashSet<>();
        int counted = 0;
        for (JsonNode list : check.get("results_by_list")) {
            list.get("matches").forEach(match -> inline.add(match.get("hit_id").asText()));
            counted += list.get("match_count").asInt();
        }
        assertEquals(100, inline.size());
        assertEquals(total, counted);
        JsonNode read = call("big-co", "GET", "/kyc/" + jobId, null).body();
        assertEquals(check.get("results_by_list"), read.get("results_by_list"));
        assertEquals(total, read.get("total_hits").asInt());

        // every hit once, best first, the first ones those the check shows
        List<JsonNode> hits = allHits("big-co", jobId);
        List<String> ids = hits.stream().map(hit -> hit.get("hit_id").asText()).toList();
        assertEquals(total, ids.size());
        assertEquals(total, new HashSet<>(ids).size(), "no hit twice");
        for (int i = 1; i < hits.size(); i++) {
            assertTrue(hits.get(i - 1).get("score").asInt() >= hits.get(i).get("score").asInt(), "best first at " + i);
        }
        assertEquals(inline, new HashSet<>(ids.subList(0, 100)));

        // a hit stored in a chunk, not in the main item, is reviewed
        Set<String> inMainItem = new HashSet<>(Json.parse(StoredItems.ofCheck(dynamo(), TABLE, "big-co", jobId).get(0)
                .get("doc").s()).findValuesAsText("hit_id"));
        String chunked = ids.stream().filter(id -> !inMainItem.contains(id)).reduce((first, last) -> last).orElseThrow();
        Response reviewed = call("big-co", "PATCH", "/kyc/" + jobId + "/hits/" + chunked,
                "{\"review_status\":\"confirmed\",\"note\":\"same person\"}");
        assertEquals(200, reviewed.status(), reviewed.body().toString());
        assertEquals("confirmed_match", reviewed.body().get("match_status").asText());
        assertEquals(100, reviewed.body().get("risk_score").asInt());
        JsonNode confirmed = call("big-co", "GET", "/kyc/" + jobId + "/hits?review_status=confirmed", null).body();
        assertEquals(1, confirmed.get("total_hits").asInt());
        assertEquals(chunked, confirmed.at("/items/0/hit_id").asText());
        assertEquals("api_key:key0123456789", confirmed.at("/items/0/reviewed_by").asText());
        assertEquals("same person", confirmed.at("/items/0/review_note").asText());
        assertEquals("confirmed_match", call("big-co", "GET", "/kyc/" + jobId, null).body().get("match_status").asText());

        Response decided = call("big-co", "POST", "/kyc/" + jobId + "/decision", "{\"accepted\":false,\"comment\":\"listed\"}");
        assertEquals(200, decided.status(), decided.body().toString());
        assertEquals("Rejected", decided.body().get("status").asText());

        // monitoring re-screens it against a newer OFAC version that no longer lists a few of its hits
        Set<String> delisted = new HashSet<>(ids.stream().filter(id -> id.startsWith("ofac-sdn-") && !id.equals(chunked))
                .limit(10).toList());
        ScreeningIndex newer = ScreeningIndex.build(SanctionsFixtures.lists().stream().map(list -> list.list() != SanctionsList.OFAC_SDN
                ? list : new ParsedList(list.list(), "newer", list.entities().stream()
                .filter(entity -> !delisted.contains("ofac-sdn-" + entity.sourceId())).toList())).toList());
        KycService monitoring = new KycService(new DynamoKycRepository(dynamo(), TABLE), () -> newer, event -> { },
                Clock.systemUTC(), Duration.ofDays(1));
        assertEquals(List.of(), monitoring.rescreen("big-co", jobId), "no new hit");
        JsonNode rescreened = call("big-co", "GET", "/kyc/" + jobId, null).body();
        assertEquals(total - delisted.size(), rescreened.get("total_hits").asInt());
        assertEquals("newer", result(rescreened, "OFAC_SDN").get("list_version").asText());
        assertEquals("confirmed_match", rescreened.get("match_status").asText());
        assertEquals("Rejected", rescreened.get("status").asText());
        List<String> after = allHits("big-co", jobId).stream().map(hit -> hit.get("hit_id").asText()).toList();
        assertEquals(total - delisted.size(), new HashSet<>(after).size());
        assertTrue(after.stream().noneMatch(delisted::contains));

        // every item is under DynamoDB's limit, and the replaced chunks are gone
        List<Map<String, AttributeValue>> items = StoredItems.ofCheck(dynamo(), TABLE, "big-co", jobId);
        int largest = items.stream().mapToInt(StoredItems::sizeOf).max().orElseThrow();
        assertTrue(largest < StoredItems.ITEM_LIMIT, "largest item: " + largest + " bytes");
        assertEquals(items.get(0).get("hitChunks").n(), Integer.toString(items.size() - 1));
        System.out.printf("check with %d hits: POST /kyc took %d ms; stored in %d items, the largest %d bytes%n",
                total, createMs, items.size(), largest);
    }

    /** Every hit of the check through GET /kyc/{jobId}/hits, 200 a page, in the order the pages give. */
    private static List<JsonNode> allHits(String tenant, String jobId) {
        List<JsonNode> hits = new ArrayList<>();
        String cursor = null;
        do {
            Response page = call(tenant, "GET", "/kyc/" + jobId + "/hits?limit=200" + (cursor == null ? "" : "&cursor=" + cursor), null);
            assertEquals(200, page.status(), page.body().toString());
            assertTrue(page.body().get("items").size() <= 200);
            page.body().get("items").forEach(hits::add);
            cursor = page.body().get("next_cursor").isNull() ? null : page.body().get("next_cursor").asText();
        } while (cursor != null);
        return hits;
    }

    @Test
    void theHitsEndpointRefusesWhatItCannotServe() {
        SanctionsFixtures.index(); // skipped without the lists
        String jobId = call("hits-co", "POST", "/kyc", "{\"entity\":{\"type\":\"person\",\"name\":\"Maria Garcia\"},"
                + "\"min_score\":0,\"lists\":[\"UN_CONSOLIDATED\"]}").body().get("job_id").asText();
        String hits = "/kyc/" + jobId + "/hits";
        Response first = call("hits-co", "GET", hits + "?limit=1", null);
        assertEquals(200, first.status(), first.body().toString());
        assertEquals(1, first.body().get("items").size());
        assertEquals("UN_CONSOLIDATED", first.body().at("/items/0/list").asText());
        String cursor = first.body().get("next_cursor").asText();
        Response second = call("hits-co", "GET", hits + "?limit=1&cursor=" + cursor, null);
        assertEquals(200, second.status(), second.body().toString());
        assertNotEquals(first.body().at("/items/0/hit_id"), second.body().at("/items/0/hit_id"));
        assertEquals(first.body().get("total_hits"), second.body().get("total_hits"));

        for (String limit : List.of("0", "201", "-5", "ten", "")) {
            Response refused = call("hits-co", "GET", hits + "?limit=" + limit, null);
            assertEquals(400, refused.status(), limit);
            assertEquals("invalid_format", refused.errorCode(), limit);
            assertEquals("limit", refused.body().at("/error/parameter").asText());
        }
        assertEquals("invalid_format", call("hits-co", "GET", hits + "?list=EU_FSF", null).errorCode());
        assertEquals("invalid_format", call("hits-co", "GET", hits + "?review_status=maybe", null).errorCode());
        assertEquals("invalid_parameter", call("hits-co", "GET", hits + "?sort=name", null).errorCode());

        String tampered = cursor.substring(0, 5) + (cursor.charAt(5) == 'A' ? 'B' : 'A') + cursor.substring(6);
        for (String bad : List.of("garbled", cursor.substring(1), tampered, cursor + "&review_status=pending")) {
            Response refused = call("hits-co", "GET", hits + "?limit=1&cursor=" + bad, null);
            assertEquals(400, refused.status(), bad);
            assertEquals("invalid_parameter", refused.errorCode(), bad);
            assertEquals("cursor", refused.body().at("/error/parameter").asText());
        }

        assertEquals("not_found", call("hits-co", "GET", "/kyc/kyc_missing/hits", null).errorCode());
        Response otherTenant = call("other-co", "GET", hits, null);
        assertEquals(404, otherTenant.status());
        assertEquals("not_found", otherTenant.errorCode());
    }

    private static JsonNode result(JsonNode check, String list) {
        for (JsonNode result : check.get("results_by_list")) {
            if (result.get("list").asText().equals(list)) {
                return result;
            }
        }
        throw new AssertionError("no result for " + list + " in " + check);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static Settings handlerSettings() {
        return new Settings(TestBackends.shared().environment());
    }

    private static DynamoDbClient dynamo() {
        return AwsClients.dynamoDb(handlerSettings());
    }
}
