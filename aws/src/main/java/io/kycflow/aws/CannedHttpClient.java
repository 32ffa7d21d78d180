package io.kycflow.aws;

import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP client that never connects: it reads each request's body and answers with the same canned response.
 * Cold-start warm-ups use it to run an SDK client's whole request path (marshalling, endpoint, signing, unmarshalling)
 * on a spare core while nothing leaves the JVM.
 */
final class CannedHttpClient implements SdkHttpClient {
    private final byte[] body;
    private final String contentType;

    CannedHttpClient(String body, String contentType) {
        this.body = body.getBytes(StandardCharsets.UTF_8);
        this.contentType = contentType;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                if (request.contentStreamProvider().isPresent()) {
                    try (InputStream content = request.contentStreamProvider().get().newStream()) {
                        content.transferTo(OutputStream.nullOutputStream());
                    }
                }
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(200)
                                .putHeader("Content-Type", contentType)
                                .putHeader("Content-Length", Integer.toString(body.length))
                                .build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                        .build();
            }

            @Override
            public void abort() {
                // nothing in flight
            }
        };
    }

    @Override
    public String clientName() {
        return "canned";
    }

    @Override
    public void close() {
        // nothing held
    }
}
