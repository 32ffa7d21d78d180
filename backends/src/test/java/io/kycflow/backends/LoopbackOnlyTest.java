package io.kycflow.backends;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nothing may be reachable from other machines: the ports must be closed on this machine's other addresses. */
class LoopbackOnlyTest {

    @Test
    void portsAreOpenOnLoopbackOnly() throws IOException {
        List<InetAddress> external = NetworkInterface.networkInterfaces()
                .filter(LoopbackOnlyTest::isUpAndNotLoopback)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .toList();
        assumeFalse(external.isEmpty(), "this machine has no non-loopback address");
        LocalBackends backends = Clients.shared();

        for (URI endpoint : List.of(backends.dynamoDbEndpoint(), backends.sqsEndpoint(), backends.s3Endpoint())) {
            connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), endpoint.getPort()));
            for (InetAddress address : external) {
                System.out.println("[loopback] " + address.getHostAddress() + ":" + endpoint.getPort() + " must refuse");
                assertThrows(ConnectException.class, () -> connect(new InetSocketAddress(address, endpoint.getPort())),
                        () -> endpoint + " is reachable on " + address);
            }
        }
    }

    private static void connect(InetSocketAddress address) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address, 2000);
        }
    }

    private static boolean isUpAndNotLoopback(NetworkInterface networkInterface) {
        try {
            return networkInterface.isUp() && !networkInterface.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
