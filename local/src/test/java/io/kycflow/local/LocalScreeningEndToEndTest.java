package io.kycflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.auth.Scope;
import io.kycflow.auth.Secrets;
import io.kycflow.aws.AwsClients;
import io.kycflow.aws.ListSnapshots;
import io.kycflow.sanctions.ListFileSet;
import io.kycflow.store.DynamoCredentialStore;
import io.kycflow.store.KycflowTable;
import io.kycflow.testing.SanctionsFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Screening through the local runtime as a user meets it: the real list files are published at start through the
 * S3 lists/incoming/ → list-ingest path, then checked over HTTP with the demo key. A truncated list file is
 * rejected with its reason and the published version stays in force.
 */
class LocalScreeningEndToEndTest {
    private static LocalRuntime runtime;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(new LocalRuntime.Config(0, null, null, SanctionsFixtures.listsDir()));
        runtime.awaitPublishedLists(Duration.ofSeconds(120));
        api = new ApiClient(runtime.apiUrl());
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void aListedNameIsScreenedOverHttp() {
        ApiClient.Reply created = api.post("/kyc", runtime.apiKey(),
                "{\"entity\":{\"type\":\"person\",\"name\":\"MADURO MOROS, Nicolas\",\"nationality\":\"VEN\"},\"monitoring\":true}");
        assertEquals(201, created.status(), created.body().toString());
        assertEquals("In Review", created.body().get("status").asText());
        assertTrue(created.body().get("monitoring").asBoolean());
        assertTrue(created.body().hasNonNull("next_monitoring_at"));
        String jobId = created.body().get("job_id").asText();
        JsonNode read = api.get("/kyc/" + jobId, runtime.apiKey()).body();
        assertEquals(jobId, read.get("job_id").asText());
        assertEquals(2, read.get("lists_checked").size());

        ApiClient.Reply kya = api.post("/kya", runtime.apiKey(), "{\"address\":\"0x7F367cC41522cE07553e823bf3be79A889DEbe1B\"}");
        assertEquals(201, kya.status(), kya.body().toString());
        assertEquals("Very high", kya.body().get("risk_rating").asText());

        assertEquals(401, api.get("/kyc/" + jobId, "kf_not_a_key").status());
    }

    @Test
    void theHitsOfACheckArePagedOverHttpWithTheReadScope() {
        ApiClient.Reply created = api.post("/kyc", runtime.apiKey(),
                "{\"entity\":{\"type\":\"person\",\"name\":\"Maria Garcia\"},\"min_score\":0,\"lists\":[\"UN_CONSOLIDATED\"]}");
        assertEquals(201, created.status(), created.body().toString());
        String hits = "/kyc/" + created.body().get("job_id").asText() + "/hits";
        ApiClient.Reply first = api.get(hits + "?limit=2&list=UN_CONSOLIDATED", runtime.apiKey());
        assertEquals(200, first.status(), first.body().toString());
        assertEquals(created.body().get("total_hits"), first.body().get("total_hits"));
        assertEquals(2, first.body().get("items").size());
        ApiClient.Reply next = api.get(hits + "?limit=2&list=UN_CONSOLIDATED&cursor=" + first.body().get("next_cursor").asText(),
                runtime.apiKey());
        assertEquals(200, next.status(), next.body().toString());
        assertNotEquals(first.body().at("/items/1/hit_id"), next.body().at("/items/0/hit_id"));
        assertEquals("invalid_parameter", api.get(hits + "?cursor=garbled", runtime.apiKey()).errorCode());

        String writeOnly = Secrets.newApiKey();
        new DynamoCredentialStore(AwsClients.dynamoDb(runtime.settings()), LocalRuntime.TABLE)
                .putApiKey(LocalRuntime.DEMO_TENANT, writeOnly, Set.of(Scope.KYC_WRITE), "write only");
        ApiClient.Reply refused = api.get(hits, writeOnly);
        assertEquals(403, refused.status());
        assertEquals("forbidden", refused.errorCode());
    }

    @Test
    void aTruncatedListIsRejectedAndThePublishedVersionStays() throws Exception {
        var settings = runtime.settings();
        DynamoDbClient dynamo = AwsClients.dynamoDb(settings);
        S3Client s3 = AwsClients.s3(settings);
        ListSnapshots snapshots = new ListSnapshots(dynamo, LocalRuntime.TABLE, () -> s3, LocalRuntime.BUCKET);
        String before = snapshots.current().orElseThrow().snapshotId();

        byte[] xml = Files.readAllBytes(SanctionsFixtures.listsDir().resolve("un").resolve("consolidated.xml"));
        byte[] truncated = Arrays.copyOf(xml, xml.length / 2);
        s3.putObject(b -> b.bucket(LocalRuntime.BUCKET).key("lists/incoming/un/consolidated.xml"), RequestBody.fromBytes(truncated));

        Map<String, AttributeValue> status = awaitStatus(dynamo, "UN_CONSOLIDATED", "rejected");
        assertTrue(status.get("reason").s().contains("consolidated.xml"), status.toString());
        assertEquals(before, snapshots.current().orElseThrow().snapshotId());
        // screening still works on the version in force
        assertEquals(201, api.post("/kyc", runtime.apiKey(), "{\"entity\":{\"type\":\"person\",\"name\":\"Anyone\"}}").status());
    }

    /** A new version of a list already served reaches screenings within seconds (KYCFLOW_LIST_CHECK_INTERVAL, 5 s). */
    @Test
    void aListVersionPublishedWhileRunningIsServedWithinSeconds() throws Exception {
        String screening = "{\"entity\":{\"type\":\"person\",\"name\":\"Quillon Vantrebbe\"},\"min_score\":95}";
        assertEquals(0, api.post("/kyc", runtime.apiKey(), screening).body().get("total_hits").asInt());
        var settings = runtime.settings();
        S3Client s3 = AwsClients.s3(settings);
        ListSnapshots snapshots = new ListSnapshots(AwsClients.dynamoDb(settings), LocalRuntime.TABLE, () -> s3, LocalRuntime.BUCKET);
        String before = snapshots.current().orElseThrow().snapshotId();
        ListBatches.upload(s3, LocalRuntime.BUCKET, ListFileSet.OFAC_SDN, ListBatches.ofacWithRowsAdded(SanctionsFixtures.listsDir(),
                "99999101,\"VANTREBBE, Quillon\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- "));

        long deadline = System.currentTimeMillis() + 60_000;
        while (api.post("/kyc", runtime.apiKey(), screening).body().get("total_hits").asInt() == 0) {
            assertTrue(System.currentTimeMillis() < deadline, "the new version was not served within a minute");
            Thread.sleep(100);
        }
        long served = System.currentTimeMillis();
        ListSnapshots.Pointer published = snapshots.current().orElseThrow();
        assertNotEquals(before, published.snapshotId());
        long delay = served - published.publishedAt();
        System.out.printf("a new list version was served %d ms after its publication%n", delay);
        assertTrue(delay < 10_000, delay + " ms");
    }

    private static Map<String, AttributeValue> awaitStatus(DynamoDbClient dynamo, String list, String outcome) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(LocalRuntime.TABLE).consistentRead(true)
                    .key(KycflowTable.key("LISTS", "STATUS#" + list))).item();
            if (item != null && item.containsKey("outcome") && item.get("outcome").s().equals(outcome)) {
                return item;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("list " + list + " never became " + outcome);
    }
}
