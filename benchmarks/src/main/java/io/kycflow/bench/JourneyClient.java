package io.kycflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** The tenant's and the end user's calls to the local API, each bounded by a timeout; unexpected answers fail. */
final class JourneyClient implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI base;

    JourneyClient(URI base) {
        this.base = base;
    }

    /** POSTs JSON and returns the response body, which must come with {@code expectedStatus}. */
    JsonNode post(String path, String bearer, String json, int expectedStatus) {
        return send(request(path, bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), expectedStatus);
    }

    /** PUTs bytes to a presigned URL, which must answer 200. */
    void put(String url, String contentType, byte[] data) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(data)).build();
        int status = exchange(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200) {
            throw new IllegalStateException("PUT to the presigned URL answered " + status);
        }
    }

    /** GETs the path every {@code intervalMillis} until its body satisfies {@code done}; fails after {@code timeout}. */
    JsonNode poll(String path, String bearer, Predicate<JsonNode> done, long intervalMillis, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last;
        do {
            last = send(request(path, bearer).GET(), 200);
            if (done.test(last)) {
                return last;
            }
            Pause.millis(intervalMillis);
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("GET " + path + " did not get there within " + timeout + "; last: " + last);
    }

    private HttpRequest.Builder request(String path, String bearer) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Authorization", "Bearer " + bearer);
    }

    private JsonNode send(HttpRequest.Builder request, int expectedStatus) {
        HttpRequest built = request.build();
        HttpResponse<String> response = exchange(built, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(built.method() + " " + built.uri().getPath() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return Json.parse(response.body());
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
