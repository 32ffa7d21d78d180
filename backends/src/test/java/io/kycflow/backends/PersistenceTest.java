package io.kycflow.backends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/** The local runtime's mode: a data directory, and the same ports again after a restart. */
class PersistenceTest {

    @TempDir
    Path data;

    @Test
    void tablesAndObjectsSurviveARestart() {
        int[] ports;
        try (LocalBackends first = start("persistent, first start")) {
            ports = new int[] {first.dynamoDbEndpoint().getPort(), first.sqsEndpoint().getPort(),
                    first.s3Endpoint().getPort()};
            try (DynamoDbClient dynamoDb = Clients.dynamoDb(first); S3Client s3 = Clients.s3(first)) {
                DynamoDbTest.createTable(dynamoDb, "kycflow");
                dynamoDb.putItem(r -> r.tableName("kycflow").item(DynamoDbTest.item("T#1", "J#1", 7)));
                s3.putObject(r -> r.bucket("kycflow").key("uploads/t-1/j-1/FRONT/u-1"), RequestBody.fromString("img"));
            }
        }
        assertTrue(Files.isRegularFile(data.resolve("dynamodb/shared-local-instance.db")));

        try (LocalBackends second = start("persistent, restart", ports);
                DynamoDbClient dynamoDb = Clients.dynamoDb(second);
                S3Client s3 = Clients.s3(second)) {
            assertEquals(ports[0], second.dynamoDbEndpoint().getPort());
            Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName("kycflow").key(Map.of(
                    "pk", AttributeValue.fromS("T#1"), "sk", AttributeValue.fromS("J#1")))).item();
            assertEquals("7", item.get("n").n());
            assertEquals("img", s3.getObjectAsBytes(r -> r.bucket("kycflow").key("uploads/t-1/j-1/FRONT/u-1"))
                    .asUtf8String());
        }
    }

    private LocalBackends start(String label, int... ports) {
        LocalBackends.Options options = LocalBackends.Options.persistent(data).buckets("kycflow");
        if (ports.length == 3) {
            options.ports(ports[0], ports[1], ports[2]);
        }
        long begin = System.nanoTime();
        LocalBackends backends = LocalBackends.start(options);
        Clients.printStartup(label, backends, System.nanoTime() - begin);
        return backends;
    }
}
