package io.kycflow.backends;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class StartFailureTest {

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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
