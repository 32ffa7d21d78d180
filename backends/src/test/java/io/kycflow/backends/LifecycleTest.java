package io.kycflow.backends;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class LifecycleTest {

    @Test
    void aPortInUseFailsTheStartAndStopsTheServersThatDidStart() throws IOException {
        int dynamoDbPort = freePort();
        int s3Port = freePort();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThrows(IllegalStateException.class, () -> LocalBackends.start(
                    LocalBackends.Options.inMemory().ports(dynamoDbPort, taken.getLocalPort(), s3Port)));
        }
        // The two that started are stopped again, so their ports are free.
        new ServerSocket(dynamoDbPort, 1, InetAddress.getLoopbackAddress()).close();
        new ServerSocket(s3Port, 1, InetAddress.getLoopbackAddress()).close();
    }

    /** DynamoDB Local's background job threads are not daemons: one left asleep kept the JVM from exiting. */
    @Test
    void closeEndsDynamoDbLocalJobThreads() throws InterruptedException {
        long before = dynamoDbJobThreads(); // the shared instance's, if it runs
        try (LocalBackends backends = LocalBackends.start(LocalBackends.Options.inMemory());
                DynamoDbClient dynamoDb = Clients.dynamoDb(backends)) {
            DynamoDbTest.createTable(dynamoDb, "jobs");
            assertTrue(dynamoDbJobThreads() > before, "expected DynamoDB Local to run background jobs");
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (dynamoDbJobThreads() > before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(dynamoDbJobThreads() <= before, "DynamoDB Local job threads still running after close");
    }

    private static long dynamoDbJobThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getThreadGroup() != null
                        && thread.getThreadGroup().getName().equals("dynamodb-local-jobs"))
                .count();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
