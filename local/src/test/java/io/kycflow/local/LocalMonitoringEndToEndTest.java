package io.kycflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.aws.AwsClients;
import io.kycflow.kyc.KycService;
import io.kycflow.testing.CallbackQueue;
import io.kycflow.sanctions.ListFileSet;
import io.kycflow.testing.SanctionsFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ongoing monitoring through the local runtime: a monitored subject with no hit, then a new OFAC version (the real
 * files with the subject added) dropped into S3 lists/incoming/; the list function publishes it, the scheduler
 * queues every monitored subject, the worker re-screens them: the check goes In Review and aml.monitoring.hit is
 * queued for delivery. Once cleared, the hit is not raised again by the next version.
 */
class LocalMonitoringEndToEndTest {
    /** A made-up person, on no real list. */
    private static final String SUBJECT = "Xylbrecht Quonderwhistle";
    private static final String LISTED_ROW = "99999001,\"QUONDERWHISTLE, Xylbrecht\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ";
    private static final String OTHER_ROW = "99999002,\"EXAMPLE TRADING HOUSE LTD\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ";

    private static LocalRuntime runtime;
    private static ApiClient api;
    private static S3Client s3;
    private static SqsClient sqs;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(new LocalRuntime.Config(0, null, null, SanctionsFixtures.listsDir()));
        runtime.awaitPublishedLists(Duration.ofSeconds(120));
        api = new ApiClient(runtime.apiUrl());
        s3 = AwsClients.s3(runtime.settings());
        sqs = AwsClients.sqs(runtime.settings());
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    /** Publishes a new OFAC release, the real files with rows added, as an operator would: one batch in S3. */
    private static void publishOfacWith(String... rows) throws Exception {
        ListBatches.upload(s3, LocalRuntime.BUCKET, ListFileSet.OFAC_SDN,
                ListBatches.ofacWithRowsAdded(SanctionsFixtures.listsDir(), rows));
    }

    private static List<JsonNode> monitoringEvents(String jobId) {
        return CallbackQueue.take(sqs, runtime.settings().require("KYCFLOW_CALLBACK_QUEUE_URL"), jobId, KycService.MONITORING_HIT);
    }

    @Test
    void aNewListVersionRaisesAHitOnAMonitoredSubjectAndAClearedHitStaysCleared() throws Exception {
        ApiClient.Reply created = api.post("/kyc", runtime.apiKey(), "{\"entity\":{\"type\":\"person\",\"name\":\""
                + SUBJECT + "\"},\"min_score\":90,\"monitoring\":true,\"callback_url\":\"https://localhost/kyc-events\"}");
        assertEquals(201, created.status(), created.body().toString());
        assertEquals("Completed", created.body().get("status").asText(), created.body().toString());
        assertEquals(0, created.body().get("total_hits").asInt());
        assertTrue(created.body().hasNonNull("next_monitoring_at"));
        String jobId = created.body().get("job_id").asText();
        String path = "/kyc/" + jobId;
        String ofacVersion = created.body().at("/results_by_list/0/list_version").asText();

        publishOfacWith(LISTED_ROW);
        JsonNode hit = api.await(path, runtime.apiKey(), check -> check.get("status").asText().equals("In Review"),
                Duration.ofSeconds(120));
        assertNotEquals(ofacVersion, hit.at("/results_by_list/0/list_version").asText());
        JsonNode match = hit.at("/results_by_list/0/matches/0");
        assertEquals("99999001", match.get("source_id").asText(), hit.toString());
        assertEquals("pending", match.get("review_status").asText());
        List<JsonNode> events = monitoringEvents(jobId);
        assertEquals(1, events.size());
        assertEquals("In Review", events.getFirst().at("/data/status").asText());

        ApiClient.Reply cleared = api.patch(path + "/hits/" + match.get("hit_id").asText(), runtime.apiKey(),
                "{\"review_status\":\"cleared\",\"note\":\"a different person\"}");
        assertEquals(200, cleared.status(), cleared.body().toString());

        // the next version leaves the listed entry as it was: the subject is screened again, the hit stays cleared
        String screenedAt = hit.get("last_screened_at").asText();
        publishOfacWith(LISTED_ROW, OTHER_ROW);
        JsonNode again = api.await(path, runtime.apiKey(), check -> !check.get("last_screened_at").asText().equals(screenedAt),
                Duration.ofSeconds(120));
        assertEquals("Completed", again.get("status").asText(), again.toString());
        assertEquals("cleared", again.at("/results_by_list/0/matches/0/review_status").asText());
        assertEquals(List.of(), monitoringEvents(jobId));
    }
}
