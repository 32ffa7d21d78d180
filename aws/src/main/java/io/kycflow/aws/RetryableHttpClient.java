package io.kycflow.aws;

import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The url-connection HTTP client with its I/O failures reported as {@link IOException}, so that the SDK retries them.
 * When opening a connection's streams fails (a refused connection, a kept-alive connection the server has closed),
 * that client throws {@link UncheckedIOException}, which the SDK's retry stage does not catch: the request fails at
 * once, unretried (aws-sdk-java-v2 issue 6578, fixed after the 2.35 release this project is held to).
 */
final class RetryableHttpClient implements SdkHttpClient {
    private final SdkHttpClient delegate;

    RetryableHttpClient(SdkHttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        ExecutableHttpRequest prepared = delegate.prepareRequest(request);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                try {
                    return prepared.call();
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            }

            @Override
            public void abort() {
                prepared.abort();
            }
        };
    }

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
