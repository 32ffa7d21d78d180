package io.kycflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** A small HTTP client for driving the local runtime the way a tenant and an end user would. */
final class ApiClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    ApiClient(URI base) {
        this.base = base;
    }

    record Reply(int status, JsonNode body) {
        String errorCode() {
            return body.path("error").path("code").asText();
        }
    }

    Reply get(String path, String bearer) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), bearer);
    }

    Reply post(String path, String bearer, String json, String... headers) {
        return send("POST", path, bearer, json, headers);
    }

    Reply patch(String path, String bearer, String json) {
        return send("PATCH", path, bearer, json);
    }

    private Reply send(String method, String path, String bearer, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request, bearer);
    }

    /** PUTs bytes to a presigned URL; returns the HTTP status. */
    int put(String url, String contentType, byte[] data) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(data)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GETs raw bytes (presigned image links). */
    HttpResponse<byte[]> download(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls a GET until the body satisfies the condition; fails with the last body after the timeout. */
    JsonNode await(String path, String bearer, Predicate<JsonNode> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Reply last;
        do {
            last = get(path, bearer);
            if (last.status() == 200 && condition.test(last.body())) {
                return last.body();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("condition not met within " + timeout + "; last reply " + last.status() + " " + last.body());
    }

    private Reply send(HttpRequest.Builder request, String bearer) {
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Reply(response.statusCode(), body == null || body.isEmpty() ? Json.object() : Json.parse(body));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
