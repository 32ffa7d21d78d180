package io.kycflow.backends;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** ElasticMQ (SQS, JSON and query protocols) on 127.0.0.1; queues live in memory. */
final class SqsServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SQSRestServer server;
    private final URI endpoint;

    private SqsServer(SQSRestServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    /** @param port 0 for a free port */
    static SqsServer start(int port, String region) {
        SQSRestServer server = SQSRestServerBuilder.withInterface(LocalBackends.LOOPBACK)
                .withPort(port)
                .withAWSRegion(region)
                .start();
        try {
            int boundPort = server.waitUntilStarted().localAddress().getPort();
            return new SqsServer(server, LocalBackends.loopbackUri(boundPort));
        } catch (RuntimeException e) { // e.g. port taken: the actor system is up all the same
            LocalBackends.closeAfterFailure(e, server::stopAndWait);
            throw e;
        }
    }

    URI endpoint() {
        return endpoint;
    }

    /**
     * Creates the queue (a no-op if it exists with the same attributes) and returns its URL. ElasticMQ does not
     * check signatures, so a plain unsigned JSON-protocol request is enough and no SDK is needed.
     */
    String createQueue(String name) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "AmazonSQS.CreateQueue")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("QueueName", name).toString()))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("CreateQueue " + name + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body()).path("QueueUrl").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating queue " + name, e);
        }
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
