package io.kycflow.local;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import io.kycflow.aws.AwsClients;
import io.kycflow.fn.listrefresh.ListRefreshHandler;
import io.kycflow.sanctions.ListFileSet;
import io.kycflow.store.KycflowTable;
import io.kycflow.testing.SanctionsFixtures;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole list path on one machine: the scheduled refresh downloads the real lists from a local HTTP server, uploads
 * them as batches, S3 events have the ingestion function publish them, and the batches are gone afterwards.
 */
class LocalListRefreshEndToEndTest {

    @Test
    void listsDownloadedByTheRefreshArePublished() throws Exception {
        HttpServer lists = SimpleFileServer.createFileServer(new InetSocketAddress("127.0.0.1", 0),
                SanctionsFixtures.listsDir().toAbsolutePath(), SimpleFileServer.OutputLevel.NONE);
        lists.start();
        try (LocalRuntime runtime = LocalRuntime.start(new LocalRuntime.Config(0, null, null, null))) {
            Map<String, String> listEnv = new HashMap<>();
            listEnv.put("KYCFLOW_LIST_URL_ALLOWLIST", "127.0.0.1");
            for (ListFileSet set : ListFileSet.values()) {
                for (String file : set.files()) {
                    listEnv.put(ListRefreshHandler.urlVariable(set, file),
                            "http://127.0.0.1:" + lists.getAddress().getPort() + "/" + set.folder() + "/" + file);
                }
            }
            runtime.scheduleListRefresh(listEnv, Duration.ofHours(6));
            runtime.awaitPublishedLists(Duration.ofSeconds(120));

            DynamoDbClient dynamo = AwsClients.dynamoDb(runtime.settings());
            Map<String, AttributeValue> source = dynamo.getItem(b -> b.tableName(LocalRuntime.TABLE).consistentRead(true)
                    .key(KycflowTable.key("LISTS", "SOURCE#OFAC_SDN"))).item();
            assertTrue(source.containsKey("batch"), source.toString());
            S3Client s3 = AwsClients.s3(runtime.settings());
            assertArrayEquals(Files.readAllBytes(SanctionsFixtures.listsDir().resolve("ofac").resolve("alt.csv")),
                    s3.getObjectAsBytes(b -> b.bucket(LocalRuntime.BUCKET).key("lists/accepted/ofac/alt.csv")).asByteArray());
            // ingestion deletes each batch it decided; an ingestion retried after a failure past publishing (as Lambda
            // retries an async invocation) deletes it on its retry, so this may take a moment
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!s3.listObjectsV2(b -> b.bucket(LocalRuntime.BUCKET).prefix("lists/incoming/")).contents().isEmpty()
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            List<String> left = s3.listObjectsV2(b -> b.bucket(LocalRuntime.BUCKET).prefix("lists/incoming/")).contents()
                    .stream().map(S3Object::key).toList();
            assertTrue(left.isEmpty(), "batches left: " + left);
        } finally {
            lists.stop(0);
        }
    }
}
