package io.kycflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import io.kycflow.auth.Secrets;
import io.kycflow.aws.AwsClients;
import io.kycflow.fn.submissionapi.SubmissionApiHandler;
import io.kycflow.fn.listrefresh.ListRefreshHandler;
import io.kycflow.json.Json;
import io.kycflow.sanctions.ListFileSet;
import io.kycflow.store.KycflowTable;
import io.kycflow.testing.SanctionsFixtures;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local runtime as a script meets it: requests from before the port opens, through start-up, while it serves
 * and through a stop; and where its lists come from at a first start.
 */
class LocalRuntimeReadinessTest {
    private static final String SCREENING = "{\"entity\":{\"type\":\"person\",\"name\":\"Nicolas Maduro Moros\"}}";

    /** One request of the hammer and what came of it; times from System.nanoTime(). */
    private record Call(String request, long sentAt, long answeredAt, int status, JsonNode body, String retryAfter,
                        Exception failure) {
        /** 503 with Retry-After: the API's error {@code unavailable}, or /health's {@code starting} or {@code stopping}. */
        boolean unavailable(String health) {
            return status == 503 && retryAfter != null && (request.equals("GET /health")
                    ? health.equals(body.get("status").asText()) : "unavailable".equals(body.at("/error/code").asText()));
        }

        /** What the request gets from a runtime that is ready (the lists published at start are served). */
        boolean correct() {
            return switch (request) {
                case "POST /kyc" -> status == 201 && body.get("lists_checked").size() == 2;
                case "GET /kyc" -> status == 404 && "not_found".equals(body.at("/error/code").asText());
                default -> status == 200 && "ready".equals(body.get("status").asText());
            };
        }

        @Override
        public String toString() {
            return request + " -> " + (failure != null ? failure.toString() : status + " " + body + " Retry-After " + retryAfter);
        }
    }

    /** Threads sending an authenticated POST /kyc, an authenticated GET and GET /health, one after the other. */
    private static final class Hammer {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private final URI api;
        private final String key;
        private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        private final List<Thread> threads = new ArrayList<>();
        private volatile long closingFrom = Long.MAX_VALUE;
        private volatile boolean stop;

        Hammer(URI api, String key, int threads) {
            this.api = api;
            this.key = key;
            for (int i = 0; i < threads; i++) {
                this.threads.add(Thread.ofPlatform().name("hammer-" + i).unstarted(this::run));
            }
        }

        void start() {
            threads.forEach(Thread::start);
        }

        /** From now on the runtime is closing: a thread ends at its first connection failure (the port closed). */
        void closing() {
            closingFrom = System.nanoTime();
        }

        List<Call> stop() throws InterruptedException {
            stop = true;
            for (Thread thread : threads) {
                thread.join();
            }
            return List.copyOf(calls);
        }

        private void run() {
            for (int turn = 0; !stop; turn++) {
                HttpRequest.Builder request = switch (turn % 3) {
                    case 0 -> HttpRequest.newBuilder(api.resolve("/kyc")).header("Authorization", "Bearer " + key)
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(SCREENING));
                    case 1 -> HttpRequest.newBuilder(api.resolve("/kyc/kyc_none")).header("Authorization", "Bearer " + key).GET();
                    default -> HttpRequest.newBuilder(api.resolve("/health")).GET();
                };
                String name = switch (turn % 3) {
                    case 0 -> "POST /kyc";
                    case 1 -> "GET /kyc";
                    default -> "GET /health";
                };
                long sent = System.nanoTime();
                try {
                    HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    calls.add(new Call(name, sent, System.nanoTime(), response.statusCode(), Json.parse(response.body()),
                            response.headers().firstValue("Retry-After").orElse(null), null));
                } catch (IOException e) {
                    calls.add(new Call(name, sent, System.nanoTime(), 0, null, null, e));
                    if (sent >= closingFrom) {
                        return;
                    }
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    Thread.sleep(5); // leave a 2-core machine some room for the start-up itself
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    @Test
    void fromTheFirstMillisecondThroughStartUpAndStopNothingIsAnswered5xxButUnavailable() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String key = Secrets.newApiKey();
        LocalRuntime.Config config = new LocalRuntime.Config(port, null, key, SanctionsFixtures.listsDir());
        Hammer hammer = new Hammer(URI.create("http://127.0.0.1:" + port), key, 3);
        hammer.start();
        LocalRuntime runtime = LocalRuntime.start(config);
        long ready = System.nanoTime();
        Thread.sleep(1500);
        long closing = System.nanoTime();
        hammer.closing();
        runtime.close();
        List<Call> calls = hammer.stop();

        List<Call> wrong = new ArrayList<>();
        long firstAnswer = calls.stream().filter(call -> call.failure() == null).mapToLong(Call::answeredAt).min().orElseThrow();
        for (Call call : calls) {
            boolean sound;
            if (call.failure() != null) {
                // the port is not open yet, or no longer: before the first answer, or the port closing at the end
                sound = call.sentAt() < firstAnswer || call.sentAt() >= closing;
            } else if (call.sentAt() >= ready && call.answeredAt() <= closing) {
                sound = call.correct();
            } else {
                sound = call.correct() || call.unavailable(call.sentAt() < ready ? "starting" : "stopping");
            }
            if (!sound) {
                wrong.add(call);
            }
        }
        long startingUnavailable = count(calls, call -> call.sentAt() < ready && call.unavailable("starting"));
        long servedWhileReady = count(calls, call -> call.sentAt() >= ready && call.answeredAt() <= closing);
        long stoppingUnavailable = count(calls, call -> call.sentAt() >= closing && call.unavailable("stopping"));
        long failedAtClose = count(calls, call -> call.failure() != null && call.sentAt() >= closing);
        System.out.printf("hammer: %d requests; %d answered 503 unavailable while starting, %d served while ready, "
                        + "%d answered 503 unavailable while stopping, %d connection failures once the port closed; "
                        + "other 5xx: %d; wrong: %d%n", calls.size(), startingUnavailable, servedWhileReady,
                stoppingUnavailable, failedAtClose, count(calls, call -> call.status() >= 500 && call.status() != 503), wrong.size());
        assertEquals(List.of(), wrong.stream().limit(10).toList());
        // the test covers start-up and stop only if requests met them
        assertTrue(startingUnavailable > 0, "no request met the start-up");
        assertTrue(servedWhileReady > 0, "no request met the runtime ready");
        assertTrue(stoppingUnavailable > 0, "no request met the stop");
        assertTrue(failedAtClose <= 3, "a thread goes on after its first failure at close");
    }

    @Test
    void aFirstStartTakesEachListFromTheDownloadElseFromTheListFiles() throws Exception {
        HttpServer files = SimpleFileServer.createFileServer(new InetSocketAddress("127.0.0.1", 0),
                SanctionsFixtures.listsDir().toAbsolutePath(), SimpleFileServer.OutputLevel.NONE);
        files.start();
        // the UN's site takes connections and never answers
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             HoldConnections held = new HoldConnections(silent)) {
            Map<String, String> download = new HashMap<>();
            download.put("KYCFLOW_LIST_URL_ALLOWLIST", "127.0.0.1");
            download.put("KYCFLOW_LIST_DOWNLOAD_TIMEOUT", "PT2S");
            for (ListFileSet set : ListFileSet.values()) {
                int port = set == ListFileSet.OFAC_SDN ? files.getAddress().getPort() : silent.getLocalPort();
                for (String file : set.files()) {
                    download.put(ListRefreshHandler.urlVariable(set, file),
                            "http://127.0.0.1:" + port + "/" + set.folder() + "/" + file);
                }
            }
            long started = System.nanoTime();
            try (LocalRuntime runtime = LocalRuntime.start(new LocalRuntime.Config(0, null, null,
                    SanctionsFixtures.listsDir(), download))) {
                System.out.printf("first start with one list downloaded and the other's site silent: %d ms (%s)%n",
                        (System.nanoTime() - started) / 1_000_000, runtime.listsAtStart());
                assertTrue(runtime.listsAtStart().contains("OFAC_SDN from the official download"), runtime.listsAtStart());
                assertTrue(runtime.listsAtStart().contains("UN_CONSOLIDATED from " + SanctionsFixtures.listsDir()),
                        runtime.listsAtStart());
                DynamoDbClient dynamo = AwsClients.dynamoDb(runtime.settings());
                assertTrue(sourceRecorded(dynamo, "OFAC_SDN"));
                assertFalse(sourceRecorded(dynamo, "UN_CONSOLIDATED"));
                // served as soon as start() returns: no waiting for the publication
                ApiClient.Reply screened = new ApiClient(runtime.apiUrl()).post("/kyc", runtime.apiKey(), SCREENING);
                assertEquals(201, screened.status(), screened.body().toString());
                assertEquals(2, screened.body().get("lists_checked").size());
            }
        } finally {
            files.stop(0);
        }
    }

    @Test
    void withoutAnyListTheStartSaysSoAndScreeningsAnswerListsUnavailable() throws Exception {
        // offline and outside the workspace: the download fails at once, and there are no list files
        Map<String, String> download = new HashMap<>();
        download.put("KYCFLOW_LIST_URL_ALLOWLIST", "127.0.0.1");
        for (ListFileSet set : ListFileSet.values()) {
            for (String file : set.files()) {
                download.put(ListRefreshHandler.urlVariable(set, file), "http://127.0.0.1:1/" + set.folder() + "/" + file);
            }
        }
        long started = System.nanoTime();
        try (LocalRuntime runtime = LocalRuntime.start(new LocalRuntime.Config(0, null, null, null, download))) {
            long took = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("first start without any list: %d ms%n", took);
            assertTrue(took < LocalRuntime.START_DOWNLOAD_TIMEOUT.toMillis(), "the failed download held the start " + took + " ms");
            assertTrue(runtime.listsAtStart().startsWith("none"), runtime.listsAtStart());
            ApiClient api = new ApiClient(runtime.apiUrl());
            assertEquals(200, api.get("/health", null).status());
            for (String[] screening : List.of(new String[]{"/kyc", SCREENING},
                    new String[]{"/kya", "{\"address\":\"0x7F367cC41522cE07553e823bf3be79A889DEbe1B\"}"})) {
                ApiClient.Reply refused = api.post(screening[0], runtime.apiKey(), screening[1]);
                assertEquals(503, refused.status(), refused.body().toString());
                assertEquals("lists_unavailable", refused.errorCode());
            }
        }
    }

    @Test
    void deployedTheSubmissionApiFunctionAnswersHealthWithoutCredentials() throws Exception {
        try (LocalRuntime runtime = LocalRuntime.start(new LocalRuntime.Config(0, null, null, null))) {
            // the proxy event API Gateway sends for GET /health, which has no authorizer (template.yaml)
            ObjectNode event = Json.object().put("httpMethod", "GET").put("resource", "/health").put("path", "/health");
            event.putObject("requestContext").put("requestId", "r-health");
            JsonNode result = new SubmissionApiHandler(runtime.settings(), Clock.systemUTC()).handle(event, null);
            assertEquals(200, result.get("statusCode").asInt());
            assertEquals("{\"status\":\"ready\"}", result.get("body").asText());
        }
    }

    private static long count(List<Call> calls, Predicate<Call> which) {
        return calls.stream().filter(which).count();
    }

    private static boolean sourceRecorded(DynamoDbClient dynamo, String list) {
        var response = dynamo.getItem(b -> b.tableName(LocalRuntime.TABLE).consistentRead(true)
                .key(KycflowTable.key("LISTS", "SOURCE#" + list)));
        return response.hasItem() && !response.item().isEmpty();
    }

    /** Accepts connections and holds them open without a byte in answer. */
    private static final class HoldConnections implements AutoCloseable {
        private final List<Socket> held = Collections.synchronizedList(new ArrayList<>());
        private final Thread acceptor;

        HoldConnections(ServerSocket server) {
            acceptor = Thread.ofPlatform().daemon().start(() -> {
                while (!server.isClosed()) {
                    try {
                        held.add(server.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        @Override
        public void close() throws IOException {
            acceptor.interrupt();
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
