package io.kycflow.fn.listrefresh;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kycflow.aws.AwsClients;
import io.kycflow.aws.Settings;
import io.kycflow.backends.LocalBackends;
import io.kycflow.backends.TestBackends;
import io.kycflow.json.Json;
import io.kycflow.sanctions.ListFileSet;
import io.kycflow.store.KycflowTable;
import io.kycflow.testing.SanctionsFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.kycflow.net.UrlGuard;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The refresh against a local HTTP server serving the real OFAC and UN files (with ETags and 304s), on embedded S3 and
 * DynamoDB.
 */
class ListRefreshHandlerTest {
    private static final AtomicInteger RUN = new AtomicInteger();

    private HttpServer server;
    /** path → the bytes served; a test may replace one. */
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    /** path → a status answered instead of the file. */
    private final Map<String, Integer> failing = new ConcurrentHashMap<>();
    /** "path status" of each request. */
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private String bucket;
    private String table;
    private S3Client s3;
    private Map<String, String> env;

    @BeforeEach
    void start() throws IOException {
        for (ListFileSet set : ListFileSet.values()) {
            for (String file : set.files()) {
                served.put("/" + set.folder() + "/" + file,
                        Files.readAllBytes(SanctionsFixtures.listsDir().resolve(set.folder()).resolve(file)));
            }
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.start();

        LocalBackends backends = TestBackends.shared();
        int run = RUN.incrementAndGet();
        bucket = "list-refresh-test-" + run;
        table = "list-refresh-test-" + run;
        env = new HashMap<>(backends.environment());
        env.put("KYCFLOW_TABLE", table);
        env.put("KYCFLOW_BUCKET", bucket);
        env.put("KYCFLOW_LIST_URL_ALLOWLIST", "127.0.0.1");
        for (ListFileSet set : ListFileSet.values()) {
            for (String file : set.files()) {
                env.put(ListRefreshHandler.urlVariable(set, file), base() + "/" + set.folder() + "/" + file);
            }
        }
        Settings settings = new Settings(env);
        KycflowTable.create(AwsClients.dynamoDb(settings), table);
        backends.createBucket(bucket);
        s3 = AwsClients.s3(settings);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = served.get(path);
        String etag = body == null ? null : "\"" + ListFileSet.digest(body) + "\"";
        int status = failing.getOrDefault(path, body == null ? 404 : etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match")) ? 304 : 200);
        requests.add(path + " " + status);
        if (status != 200) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().set("ETag", etag);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private JsonNode refresh() {
        return new ListRefreshHandler(new Settings(env), Clock.systemUTC()).handle(Json.object(), null);
    }

    private List<String> incomingKeys() {
        return s3.listObjectsV2(b -> b.bucket(bucket).prefix("lists/incoming/")).contents().stream().map(S3Object::key).toList();
    }

    private static String outcome(JsonNode result, String list) {
        for (JsonNode line : result.path("outcomes")) {
            if (line.path("list").asText().equals(list)) {
                return line.path("outcome").asText();
            }
        }
        return "none";
    }

    @Test
    void theFirstRefreshUploadsEachListAsOneBatchAndTheNextUploadsNothing() {
        JsonNode first = refresh();
        assertEquals("Uploaded", outcome(first, "OFAC_SDN"), first.toString());
        assertEquals("Uploaded", outcome(first, "UN_CONSOLIDATED"), first.toString());
        List<String> keys = incomingKeys();
        assertEquals(4, keys.size(), keys.toString());
        String sdnKey = keys.stream().filter(k -> k.endsWith("/sdn.csv")).findFirst().orElseThrow();
        assertTrue(sdnKey.matches("lists/incoming/ofac/\\d{8}T\\d{6}Z-[0-9a-f]{16}/sdn.csv"), sdnKey);
        String batch = sdnKey.substring(0, sdnKey.lastIndexOf('/') + 1);
        for (String file : ListFileSet.OFAC_SDN.files()) {
            assertArrayEquals(served.get("/ofac/" + file), s3.getObjectAsBytes(b -> b.bucket(bucket).key(batch + file)).asByteArray());
        }

        requests.clear();
        JsonNode second = refresh();
        assertEquals("Unchanged", outcome(second, "OFAC_SDN"), second.toString());
        assertEquals("not modified", second.at("/outcomes/0/why").asText());
        assertEquals("Unchanged", outcome(second, "UN_CONSOLIDATED"));
        assertTrue(requests.stream().allMatch(r -> r.endsWith(" 304")), requests.toString());
        assertEquals(keys, incomingKeys());
    }

    @Test
    void theSampleScheduledEventRefreshes() throws IOException {
        JsonNode sample = Json.parse(Files.readString(Path.of(System.getProperty("kycflow.project.dir", "../.."))
                .resolve("events/list-refresh-scheduled.json")));
        JsonNode result = new ListRefreshHandler(new Settings(env), Clock.systemUTC()).handle(sample, null);
        assertEquals("Uploaded", outcome(result, "UN_CONSOLIDATED"), result.toString());
    }

    @Test
    void oneChangedFileBringsTheWholeListAgainAsOneBatch() {
        refresh();
        List<String> before = incomingKeys();
        byte[] sdn = served.get("/ofac/sdn.csv");
        String text = new String(sdn, StandardCharsets.ISO_8859_1);
        int at = text.lastIndexOf("Petit");
        served.put("/ofac/sdn.csv", (text.substring(0, at) + "Petiz" + text.substring(at + 5)).getBytes(StandardCharsets.ISO_8859_1));

        requests.clear();
        JsonNode result = refresh();
        assertEquals("Uploaded", outcome(result, "OFAC_SDN"), result.toString());
        assertEquals("Unchanged", outcome(result, "UN_CONSOLIDATED"));
        // alt.csv and add.csv answered 304, then came again in full for the new batch
        assertTrue(requests.containsAll(List.of("/ofac/sdn.csv 200", "/ofac/alt.csv 304", "/ofac/alt.csv 200",
                "/ofac/add.csv 304", "/ofac/add.csv 200")), requests.toString());
        List<String> added = incomingKeys().stream().filter(k -> !before.contains(k)).toList();
        assertEquals(3, added.size(), added.toString());
        assertEquals(1, added.stream().map(k -> k.substring(0, k.lastIndexOf('/'))).distinct().count(), added.toString());
    }

    @Test
    void aServerErrorUploadsNothingOfThatListAndFailsTheRunClearly() {
        failing.put("/ofac/alt.csv", 500);
        ListRefreshHandler.ListRefreshFailedException e = assertThrows(ListRefreshHandler.ListRefreshFailedException.class, this::refresh);
        assertTrue(e.getMessage().contains("OFAC_SDN: alt.csv: HTTP 500 from 127.0.0.1"), e.getMessage());
        // the other list is refreshed all the same
        assertTrue(e.getMessage().contains("\"list\":\"UN_CONSOLIDATED\",\"outcome\":\"Uploaded\""), e.getMessage());
        assertTrue(incomingKeys().stream().noneMatch(k -> k.startsWith("lists/incoming/ofac/")), incomingKeys().toString());

        // nothing was remembered: once the server recovers, the list comes in full
        failing.clear();
        assertEquals("Uploaded", outcome(refresh(), "OFAC_SDN"));
    }

    @Test
    void aDownloadThatBreaksOffUploadsNothing() throws Exception {
        // a server that announces the whole file, sends half and hangs up
        byte[] xml = served.get("/un/consolidated.xml");
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket connection = socket.accept()) {
                    BufferedReader request = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
                    while (!request.readLine().isEmpty()) {
                        // the request's headers are not needed
                    }
                    OutputStream out = connection.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + xml.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(xml, 0, xml.length / 2);
                    out.flush();
                } catch (IOException ignored) {
                    // the test fails on the client's side if the server could not answer
                }
            });
            env.put("KYCFLOW_LIST_REFRESH", "un");
            env.put("KYCFLOW_LIST_URL_UN_CONSOLIDATED", "http://127.0.0.1:" + socket.getLocalPort() + "/un/consolidated.xml");
            ListRefreshHandler.ListRefreshFailedException e = assertThrows(ListRefreshHandler.ListRefreshFailedException.class, this::refresh);
            assertTrue(e.getMessage().contains("UN_CONSOLIDATED: consolidated.xml: download from 127.0.0.1 failed"), e.getMessage());
        }
        assertTrue(incomingKeys().isEmpty(), incomingKeys().toString());
    }

    @Test
    void aTruncatedFileServedAsCompleteDoesNotParseAndIsNotUploaded() {
        byte[] xml = served.get("/un/consolidated.xml");
        served.put("/un/consolidated.xml", Arrays.copyOf(xml, xml.length / 2));
        ListRefreshHandler.ListRefreshFailedException e = assertThrows(ListRefreshHandler.ListRefreshFailedException.class, this::refresh);
        assertTrue(e.getMessage().contains("UN_CONSOLIDATED: the download does not parse: consolidated.xml"), e.getMessage());
        assertTrue(incomingKeys().stream().noneMatch(k -> k.startsWith("lists/incoming/un/")), incomingKeys().toString());
    }

    @Test
    void aFileOverTheSizeCapIsAbandoned() {
        env.put("KYCFLOW_LIST_MAX_BYTES", "100000");
        env.put("KYCFLOW_LIST_REFRESH", "un");
        ListRefreshHandler.ListRefreshFailedException e = assertThrows(ListRefreshHandler.ListRefreshFailedException.class, this::refresh);
        assertTrue(e.getMessage().contains("consolidated.xml: a body larger than 100000 bytes from 127.0.0.1"), e.getMessage());
        assertTrue(incomingKeys().isEmpty());
    }

    @Test
    void privateAddressesAndPlainHttpAreRefusedUnlessAllowListed() {
        env.remove("KYCFLOW_LIST_URL_ALLOWLIST");
        env.put("KYCFLOW_LIST_REFRESH", "un");
        ListRefreshHandler.ListRefreshFailedException http = assertThrows(ListRefreshHandler.ListRefreshFailedException.class, this::refresh);
        assertTrue(http.getMessage().contains("consolidated.xml: the URL of 127.0.0.1 must be an https URL"), http.getMessage());

        env.put("KYCFLOW_LIST_URL_UN_CONSOLIDATED", "https://127.0.0.1:" + server.getAddress().getPort() + "/un/consolidated.xml");
        ListRefreshHandler.ListRefreshFailedException internal = assertThrows(ListRefreshHandler.ListRefreshFailedException.class, this::refresh);
        assertTrue(internal.getMessage().contains("the URL of 127.0.0.1 resolves to a private or reserved address"), internal.getMessage());
        assertTrue(requests.isEmpty(), requests.toString());
        assertTrue(incomingKeys().isEmpty());
    }

    @Test
    void redirectsAreFollowedAndEachHopIsGuarded() {
        server.createContext("/moved/", exchange -> {
            requests.add(exchange.getRequestURI().getPath() + " 302");
            String target = exchange.getRequestURI().getPath().equals("/moved/private")
                    ? "https://10.0.0.1/un/consolidated.xml" : "/un/consolidated.xml";
            exchange.getResponseHeaders().set("Location", target);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        env.put("KYCFLOW_LIST_REFRESH", "un");
        env.put("KYCFLOW_LIST_URL_UN_CONSOLIDATED", base() + "/moved/private");
        ListRefreshHandler.ListRefreshFailedException e = assertThrows(ListRefreshHandler.ListRefreshFailedException.class, this::refresh);
        assertTrue(e.getMessage().contains("the URL of 10.0.0.1 resolves to a private or reserved address"), e.getMessage());

        env.put("KYCFLOW_LIST_URL_UN_CONSOLIDATED", base() + "/moved/ok");
        assertEquals("Uploaded", outcome(refresh(), "UN_CONSOLIDATED"));
    }

    @Test
    void aStorageFailureFailsThatListAndTheOthersAreStillTried() {
        env.put("KYCFLOW_BUCKET", "no-such-bucket-" + RUN.get());
        ListRefreshHandler.ListRefreshFailedException e = assertThrows(ListRefreshHandler.ListRefreshFailedException.class, this::refresh);
        assertTrue(e.getMessage().contains("OFAC_SDN: storing the download failed"), e.getMessage());
        assertTrue(e.getMessage().contains("UN_CONSOLIDATED: storing the download failed"), e.getMessage());
    }

    @Test
    void anUploadCutShortLeavesNoFileOfItsBatchAndIsRetriedWhole() {
        // the embedded S3, with a failure staged for the OFAC batch's last file only
        List<String> stored = new CopyOnWriteArrayList<>();
        Settings settings = new Settings(env);
        S3Client failingOnAddCsv = AwsClients.s3Builder(settings)
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                        SdkHttpRequest request = context.httpRequest();
                        if (request.method() == SdkHttpMethod.PUT) {
                            if (request.encodedPath().endsWith("/add.csv")) {
                                throw SdkClientException.create("staged failure");
                            }
                            stored.add(request.encodedPath());
                        }
                    }
                }))
                .build();
        ListRefresh refresh = new ListRefresh(new ListDownloader(UrlGuard.fromAllowList("127.0.0.1"), Duration.ofMinutes(1), 64L << 20),
                failingOnAddCsv, bucket, AwsClients.dynamoDb(settings), table, Clock.systemUTC());

        List<ListRefresh.Outcome> outcomes = refresh.refreshAll(ListRefreshHandler.sources(settings));
        assertTrue(outcomes.get(0) instanceof ListRefresh.Failed failed && failed.reason().startsWith("storing the download failed"),
                outcomes.toString());
        assertTrue(outcomes.get(1) instanceof ListRefresh.Uploaded, outcomes.toString());
        assertTrue(stored.stream().anyMatch(path -> path.endsWith("/sdn.csv")), stored.toString());
        assertTrue(stored.stream().anyMatch(path -> path.endsWith("/alt.csv")), stored.toString());
        List<String> keys = incomingKeys();
        assertEquals(1, keys.size(), keys.toString());
        assertTrue(keys.get(0).endsWith("/consolidated.xml"), keys.toString());

        // nothing was recorded of the cut-short batch, so the next run brings the list again, whole
        JsonNode next = refresh();
        assertEquals("Uploaded", outcome(next, "OFAC_SDN"), next.toString());
        assertEquals(4, incomingKeys().size(), incomingKeys().toString());
    }

    @Test
    void badConfigurationIsRefusedAtStart() {
        env.put("KYCFLOW_LIST_REFRESH", "ofac,eu");
        IllegalStateException unknown = assertThrows(IllegalStateException.class, this::refresh);
        assertEquals("KYCFLOW_LIST_REFRESH names an unknown list 'eu'; known: ofac, un", unknown.getMessage());
        env.put("KYCFLOW_LIST_REFRESH", "un");
        env.put("KYCFLOW_LIST_DOWNLOAD_TIMEOUT", "2 minutes");
        assertTrue(assertThrows(IllegalStateException.class, this::refresh).getMessage().contains("KYCFLOW_LIST_DOWNLOAD_TIMEOUT"));
        assertFalse(ListRefreshHandler.sources(new Settings(Map.of())).isEmpty());
    }
}
