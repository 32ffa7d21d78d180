package io.kycflow.aws;

import io.kycflow.backends.TestBackends;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A connection that breaks as the url-connection client reports it (an {@link UncheckedIOException} from opening the
 * request's stream, as on a kept-alive connection the server has closed) is retried by the SDK with the wrapped
 * client, and fails the request at once with the bare one. The SDK and the embedded DynamoDB are real; only the
 * first attempt's transport failure is staged.
 */
class RetryableHttpClientTest {

    @Test
    void aBrokenConnectionIsRetriedAndTheRequestSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        try (DynamoDbClient dynamo = clientOver(new RetryableHttpClient(new FirstAttemptBreaks()), attempts)) {
            dynamo.listTables();
        }
        assertEquals(2, attempts.get());
    }

    @Test
    void theBareClientFailsTheRequestOnTheFirstBrokenConnection() {
        AtomicInteger attempts = new AtomicInteger();
        try (DynamoDbClient dynamo = clientOver(new FirstAttemptBreaks(), attempts)) {
            // when this starts to fail, the SDK retries such failures itself and RetryableHttpClient can go
            assertThrows(UncheckedIOException.class, dynamo::listTables);
        }
        assertEquals(1, attempts.get());
    }

    private static DynamoDbClient clientOver(SdkHttpClient http, AtomicInteger attempts) {
        Settings settings = new Settings(TestBackends.shared().environment());
        return AwsClients.configure(DynamoDbClient.builder(), settings, "DYNAMODB")
                .httpClient(http)
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                        attempts.incrementAndGet();
                    }
                }))
                .build();
    }

    /** The real url-connection client, except that its first request fails as a stale connection makes it fail. */
    private static final class FirstAttemptBreaks implements SdkHttpClient {
        private final SdkHttpClient real = UrlConnectionHttpClient.create();
        private final AtomicInteger requests = new AtomicInteger();

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            if (requests.getAndIncrement() > 0) {
                return real.prepareRequest(request);
            }
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    throw new UncheckedIOException(new IOException("Broken pipe"));
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
            real.close();
        }
    }
}
