package io.kycflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.local.LocalRuntime;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Passport journeys over HTTP on a {@link LocalRuntime} (in memory, free ports), driven the way a tenant and an end
 * user drive them: how long from the selfie's upload to COMPLETE, and how long the document check step takes.
 */
final class JourneyBenchmark {
    /** How often the client looks, as a journey page would (faster than a real page, to resolve the latency). */
    static final long POLL_MILLIS = 10;
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);
    private static final String CREATE = """
            {"userId":"bench-user","userInfo":{"fullName":"Anna Maria Eriksson","dateOfBirth":"1974-08-12","nationality":"UTO"}}""";

    /**
     * One journey's figures in milliseconds.
     *
     * @param documentCheckMs front PUT returned to a poll of /status first seeing FACE_CAPTURE
     * @param completedAtMs   selfie PUT returned to the journey's {@code completedAt} (same clock)
     * @param seenCompleteMs  selfie PUT returned to a poll of GET /journeys/{id} first seeing COMPLETED
     */
    record Sample(double documentCheckMs, long completedAtMs, double seenCompleteMs) {
    }

    /** The warm-up journeys (not in the statistics) and the measured ones. */
    record Results(List<Sample> warmUp, List<Sample> measured) {
    }

    private final JourneyClient api;
    private final String apiKey;
    private final byte[] front;
    private final byte[] selfie;

    private JourneyBenchmark(JourneyClient api, String apiKey, byte[] front, byte[] selfie) {
        this.api = api;
        this.apiKey = apiKey;
        this.front = front;
        this.selfie = selfie;
    }

    /** Starts a runtime, runs {@code warmUps} then {@code journeys} journeys one after another, and stops it. */
    static Results run(int warmUps, int journeys, byte[] front, byte[] selfie, Consumer<String> progress) throws IOException {
        // the journey's AML step screens against the real lists, published before the first journey
        try (LocalRuntime runtime = LocalRuntime.start(new LocalRuntime.Config(0, null, null, SanctionsFiles.find(Path.of(""))));
             JourneyClient api = new JourneyClient(runtime.apiUrl())) {
            awaitLists(runtime);
            JourneyBenchmark benchmark = new JourneyBenchmark(api, runtime.apiKey(), front, selfie);
            List<Sample> warmUp = new ArrayList<>();
            List<Sample> measured = new ArrayList<>();
            for (int i = 1; i <= warmUps + journeys; i++) {
                Sample sample = benchmark.journey();
                (i <= warmUps ? warmUp : measured).add(sample);
                progress.accept("journey %d/%d%s: document check %.0f ms, selfie to COMPLETE %d ms (seen after %.0f ms)"
                        .formatted(i, warmUps + journeys, i <= warmUps ? " (warm-up)" : "", sample.documentCheckMs(),
                                sample.completedAtMs(), sample.seenCompleteMs()));
            }
            return new Results(warmUp, measured);
        }
    }

    private static void awaitLists(LocalRuntime runtime) throws IOException {
        try {
            runtime.awaitPublishedLists(Duration.ofMinutes(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the lists were published", e);
        }
    }

    private Sample journey() {
        JsonNode created = api.post("/journeys", apiKey, CREATE, 201);
        String path = "/journeys/" + created.path("journeyId").asText();
        String token = created.path("journeyToken").asText();
        awaitStep(path, token, "CONSENT");
        api.post(path + "/consent", token, "{\"consent\":true}", 200);
        awaitStep(path, token, "DOC_SELECTION");
        api.post(path + "/document", token, "{\"country\":\"UTO\",\"idType\":\"PASSPORT\"}", 200);
        awaitStep(path, token, "DOC_FRONT");

        upload(path, token, "FRONT", front);
        long frontUploaded = System.nanoTime();
        awaitStep(path, token, "FACE_CAPTURE");
        double documentCheckMs = (System.nanoTime() - frontUploaded) / 1e6;

        upload(path, token, "SELFIE", selfie);
        long selfieUploaded = System.nanoTime();
        long selfieUploadedMillis = System.currentTimeMillis();
        JsonNode result = api.poll(path, apiKey, r -> r.path("currentStatus").asText().equals("COMPLETED"),
                POLL_MILLIS, STEP_TIMEOUT);
        double seenCompleteMs = (System.nanoTime() - selfieUploaded) / 1e6;
        if (!result.at("/decision/status").asText().equals("Approved")) {
            throw new IllegalStateException("the journey was not approved: " + result);
        }
        return new Sample(documentCheckMs, result.path("completedAt").asLong() - selfieUploadedMillis, seenCompleteMs);
    }

    private void awaitStep(String path, String token, String step) {
        api.poll(path + "/status", token, s -> s.path("step").asText().equals(step), POLL_MILLIS, STEP_TIMEOUT);
    }

    /** Asks for a presigned PUT for the side and uploads the image straight to S3. */
    private void upload(String path, String token, String side, byte[] jpeg) {
        JsonNode grant = api.post(path + "/uploads", token, "{\"side\":\"" + side + "\",\"contentType\":\"image/jpeg\"}", 200);
        api.put(grant.path("uploadUrl").asText(), "image/jpeg", jpeg);
    }
}
