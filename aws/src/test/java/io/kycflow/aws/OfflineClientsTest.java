package io.kycflow.aws;

import io.kycflow.store.KycflowTable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The cold-start warm-ups' clients: every request the functions warm runs through the SDK and none leaves the JVM. */
class OfflineClientsTest {

    @Test
    void theWarmedRequestsRunToTheirCannedAnswersWithoutOpeningAConnection() throws Exception {
        try (ServerSocket endpoint = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = new AtomicInteger();
            Thread acceptor = Thread.ofVirtual().start(() -> {
                while (!endpoint.isClosed()) {
                    try (Socket ignored = endpoint.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            Settings settings = new Settings(Map.of("AWS_REGION", "eu-west-1",
                    "AWS_ENDPOINT_URL", "http://127.0.0.1:" + endpoint.getLocalPort(), "KYCFLOW_S3_PATH_STYLE", "true"));

            try (ColdStart.OfflineClients clients = new ColdStart.OfflineClients(settings)) {
                // what the handlers' warm-ups make; any exception here would have cut a warm-up short unnoticed
                KycflowTable.warmUp(clients.dynamoDb());
                assertFalse(clients.dynamoDb().getItem(b -> b.tableName("warm-up")
                        .key(KycflowTable.key("warm-up", "warm-up"))).hasItem());
                assertEquals("warm-up", clients.s3().getObjectAsBytes(b -> b.bucket("warm-up").key("warm-up")).asUtf8String());
                clients.sfn().sendTaskSuccess(b -> b.taskToken("warm-up").output("{}"));
                clients.sfn().startExecution(b -> b.stateMachineArn("arn:aws:states:us-east-1:000000000000:stateMachine:warm-up")
                        .name("warm-up").input("{}"));
            }

            assertEquals(0, connections.get(), "a warm-up request reached the endpoint");
            endpoint.close();
            acceptor.join();
        }
    }
}
