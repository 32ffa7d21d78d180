package io.kycflow.fn.amlmonitoringworker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.aws.AwsClients;
import io.kycflow.aws.Settings;
import io.kycflow.aws.SqsCallbackPublisher;
import io.kycflow.json.Json;
import io.kycflow.kyc.KycCheck;
import io.kycflow.kyc.KycService;
import io.kycflow.kyc.KycStatus;
import io.kycflow.kyc.KycSubject;
import io.kycflow.kyc.MonitoredSubject;
import io.kycflow.kyc.ReviewStatus;
import io.kycflow.sanctions.ParsedList;
import io.kycflow.sanctions.SanctionsList;
import io.kycflow.screening.ScreeningIndex;
import io.kycflow.screening.SubjectType;
import io.kycflow.store.DynamoKycRepository;
import io.kycflow.testing.CallbackQueue;
import io.kycflow.testing.SanctionsFixtures;
import io.kycflow.testing.TestClock;
import io.kycflow.backends.LocalBackends;
import io.kycflow.backends.TestBackends;
import io.kycflow.testing.TestDeployment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The monitoring worker on embedded DynamoDB and SQS with the real lists: a subject first screened against a list
 * version without its entry, then re-screened as the monitoring queue delivers it.
 */
class MonitoringWorkerTest {
    private static final String TABLE = "monitoring-worker-test";
    private static final String LISTED = "AEROCARIBBEAN AIRLINES";

    /** The real lists without the entry, as an older OFAC version. */
    private static ScreeningIndex before;
    /** The real lists, OFAC at a newer version. */
    private static ScreeningIndex after;
    /** The same entries again, at a newer version still. */
    private static ScreeningIndex later;

    private static TestClock clock;
    private static ScreeningIndex current;
    private static KycService api;
    private static MonitoringWorkerHandler worker;
    private static SqsClient sqs;
    private static String callbackQueue;
    private static int messages;

    @BeforeAll
    static void start() {
        before = index("before", false);
        after = index("after", true);
        later = index("later", true);
        LocalBackends backends = TestBackends.shared();
        Settings settings = TestDeployment.named(TABLE);
        DynamoDbClient dynamo = AwsClients.dynamoDb(settings);
        callbackQueue = backends.createQueue(TABLE + "-callbacks");
        sqs = AwsClients.sqs(settings);
        clock = new TestClock();
        SqsCallbackPublisher callbacks = new SqsCallbackPublisher(() -> sqs, callbackQueue);
        api = new KycService(new DynamoKycRepository(dynamo, TABLE), () -> current, callbacks, clock, Duration.ofDays(1));
        worker = new MonitoringWorkerHandler(settings, clock, dynamo, () -> current, callbacks);
    }

    private static ScreeningIndex index(String ofacVersion, boolean withListed) {
        List<ParsedList> lists = new ArrayList<>();
        for (ParsedList list : SanctionsFixtures.lists()) {
            lists.add(list.list() != SanctionsList.OFAC_SDN ? list : new ParsedList(list.list(), ofacVersion,
                    list.entities().stream().filter(e -> withListed || !e.primaryName().equals(LISTED)).toList()));
        }
        return ScreeningIndex.build(lists);
    }

    private static KycCheck monitored(String tenant, String name) {
        current = before;
        return api.create(new KycCheck.Request(tenant, new KycSubject(SubjectType.BUSINESS, name, null, null, null, null),
                Set.of(), 95, true, "https://hooks.example.com/kyc", null));
    }

    private static ObjectNode batch(MonitoredSubject... subjects) {
        ObjectNode event = Json.object();
        ArrayNode records = event.putArray("Records");
        for (MonitoredSubject subject : subjects) {
            records.addObject().put("messageId", "m-" + (++messages)).put("body", subject.toMessage()).put("eventSource", "aws:sqs");
        }
        return event;
    }

    private static JsonNode view(KycCheck check) {
        return api.find(check.tenantId(), check.jobId()).orElseThrow().view();
    }

    private static List<JsonNode> monitoringEvents(String jobId) {
        return CallbackQueue.take(sqs, callbackQueue, jobId, KycService.MONITORING_HIT);
    }

    @Test
    void aNewHitGoesToReviewOnceAndAClearedOneStaysCleared() {
        KycCheck check = monitored("acme", LISTED);
        assertEquals("Completed", view(check).get("status").asText(), view(check).toString());
        MonitoredSubject subject = new MonitoredSubject("acme", check.jobId());

        current = after;
        assertEquals(0, worker.handle(batch(subject), null).get("batchItemFailures").size());
        JsonNode screened = view(check);
        assertEquals("In Review", screened.get("status").asText());
        assertTrue(screened.get("total_hits").asInt() >= 1, screened.toString());
        assertEquals(1, monitoringEvents(check.jobId()).size());

        // redelivered: the same list version is not screened again, and no second event is fired
        clock.advance(Duration.ofSeconds(1));
        worker.handle(batch(subject), null);
        assertEquals(screened.get("last_screened_at"), view(check).get("last_screened_at"));
        assertEquals(0, monitoringEvents(check.jobId()).size());

        // cleared, then a newer list version with the entry unchanged: screened, not raised again
        for (JsonNode list : screened.get("results_by_list")) {
            for (JsonNode hit : list.get("matches")) {
                api.update("acme", check.jobId(), (c, now) -> c.review(hit.get("hit_id").asText(), ReviewStatus.CLEARED, "reviewer", "not them", now));
            }
        }
        current = later;
        clock.advance(Duration.ofSeconds(1));
        worker.handle(batch(subject), null);
        JsonNode rescreened = view(check);
        assertNotEquals(screened.get("last_screened_at"), rescreened.get("last_screened_at"));
        assertEquals(KycStatus.COMPLETED.label(), rescreened.get("status").asText());
        assertEquals(0, monitoringEvents(check.jobId()).size());
    }

    @Test
    void aDueSubjectIsNotScreenedAgainForTheSameListVersion() {
        KycCheck check = monitored("acme", "Jane Example Monitored");
        current = before;
        clock.advance(Duration.ofDays(2));
        worker.handle(batch(new MonitoredSubject("acme", check.jobId())), null);
        JsonNode view = view(check);
        assertEquals(check.view().get("last_screened_at"), view.get("last_screened_at"));
        // due again one interval from now, without a screening
        assertEquals(Instant.ofEpochMilli(clock.millis()).plus(Duration.ofDays(1)).toString(), view.get("next_monitoring_at").asText());
    }

    @Test
    void onlyTheFailedMessagesOfABatchAreReported() {
        KycCheck first = monitored("acme", "First Example Subject");
        KycCheck other = monitored("globex", "Second Example Subject");
        current = after;
        ObjectNode event = batch(new MonitoredSubject("acme", first.jobId()), new MonitoredSubject("globex", other.jobId()));
        ((ObjectNode) event.get("Records").get(1)).put("body", "{\"tenant_id\":\"globex\"}");
        ((ArrayNode) event.get("Records")).addObject().put("messageId", "m-garbage").put("body", "not json");
        JsonNode response = worker.handle(event, null);
        List<String> failed = new ArrayList<>();
        response.get("batchItemFailures").forEach(f -> failed.add(f.get("itemIdentifier").asText()));
        assertEquals(List.of(event.at("/Records/1/messageId").asText(), "m-garbage"), failed);
        assertEquals("after", view(first).at("/results_by_list/0/list_version").asText());
    }

    @Test
    void aSubjectIsReadUnderItsOwnTenantOnly() {
        KycCheck check = monitored("acme", LISTED);
        current = after;
        // the job id under another tenant: nothing there, so nothing is screened (and the message is done)
        assertEquals(0, worker.handle(batch(new MonitoredSubject("globex", check.jobId())), null).get("batchItemFailures").size());
        assertEquals("Completed", view(check).get("status").asText());
    }
}
