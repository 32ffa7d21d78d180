package io.kycflow.identity.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kycflow.aws.Settings;
import io.kycflow.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A loopback HTTP endpoint that answers the AWS JSON 1.1 protocol with recorded response bodies (the shapes of the
 * AWS API reference's examples, in this package's test resources) and keeps every request the SDK sent. The real
 * SDK clients, built by {@link IdentityAws}, are pointed at it through {@code AWS_ENDPOINT_URL}.
 */
final class RecordedAws implements AutoCloseable {

    /** One request as the SDK sent it: the operation ({@code X-Amz-Target}) and the parsed JSON body. */
    record Sent(String target, JsonNode body) {
        /** The operation's name, e.g. {@code CompareFaces} for {@code RekognitionService.CompareFaces}. */
        String operation() {
            return target.substring(target.indexOf('.') + 1);
        }
    }

    private record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final Map<String, Deque<Answer>> answers = new HashMap<>();
    private final List<Sent> sent = new ArrayList<>();

    RecordedAws() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** The settings that point the SDK clients here (with made-up credentials, which the SDK signs with). */
    Settings settings(Map<String, String> more) {
        Map<String, String> env = new HashMap<>(more);
        env.put("AWS_REGION", "eu-west-1");
        env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:" + server.getAddress().getPort());
        return new Settings(env);
    }

    /** Answers the operation's next request with 200 and the recorded body in resource {@code name}. */
    RecordedAws answer(String operation, String name) {
        return answer(operation, 200, name);
    }

    /** Answers the operation's next request with the status and the recorded body (an AWS error document for 4xx). */
    RecordedAws answer(String operation, int status, String name) {
        answers.computeIfAbsent(operation, o -> new ArrayDeque<>()).add(new Answer(status, resource(name)));
        return this;
    }

    /** The requests sent so far, oldest first. */
    synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The requests sent for one operation, oldest first. */
    List<JsonNode> sent(String operation) {
        return sent().stream().filter(s -> s.operation().equals(operation)).map(Sent::body).toList();
    }

    static String resource(String name) {
        try (InputStream in = RecordedAws.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Answer answer;
        synchronized (this) {
            Sent request = new Sent(target == null ? "none.none" : target, body.isEmpty() ? null : Json.parse(body));
            sent.add(request);
            Deque<Answer> queue = answers.get(request.operation());
            answer = queue == null || queue.isEmpty()
                    ? new Answer(501, "{\"__type\":\"NotRecorded\",\"message\":\"no answer recorded for " + target + "\"}")
                    : queue.poll();
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", "c2d0a5f1-0c6b-4b36-8a4b-2f4c3f7d3e10");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
