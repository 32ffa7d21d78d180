package io.kycflow.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.endpoints.Endpoint;

import java.net.URI;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The one small factory for SDK clients. Explicit region, credentials and the url-connection HTTP client keep
 * cold starts short; endpoints follow {@code AWS_ENDPOINT_URL[_SERVICE]} so LocalStack and the embedded
 * backends need no code change. Build each client once per container and reuse it.
 */
public final class AwsClients {
    /**
     * One HTTP client for every SDK client in the JVM: its TLS context (trust store, cipher suites) is set up once
     * per cold start, not once per service. The SDK does not close an HTTP client it was given. Its connection
     * failures are retried by the SDK ({@link RetryableHttpClient}).
     */
    private static final Supplier<SdkHttpClient> HTTP =
            lazy(() -> new RetryableHttpClient(UrlConnectionHttpClient.create()));

    private AwsClients() {
    }

    public static DynamoDbClient dynamoDb(Settings settings) {
        return dynamoDb(settings, HTTP.get());
    }

    static DynamoDbClient dynamoDb(Settings settings, SdkHttpClient http) {
        CompletableFuture<Endpoint> endpoint = fixedEndpoint(settings, "DYNAMODB", "dynamodb");
        return configure(DynamoDbClient.builder(), settings, "DYNAMODB", http)
                .endpointProvider(params -> endpoint)
                .build();
    }

    public static S3Client s3(Settings settings) {
        return s3Builder(settings).build();
    }

    /** The builder {@link #s3(Settings)} builds, for a client with something added (a test's staged failure). */
    public static S3ClientBuilder s3Builder(Settings settings) {
        return s3Builder(settings, HTTP.get());
    }

    static S3ClientBuilder s3Builder(Settings settings, SdkHttpClient http) {
        return configure(S3Client.builder(), settings, "S3", http)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.s3PathStyle()).build())
                // Checksums only where S3 requires them: TLS already protects the transfer, and computing CRCs on
                // every upload and download costs class loading and CPU on each cold start.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    }

    public static S3Presigner s3Presigner(Settings settings) {
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.s3PathStyle()).build());
        URI endpoint = settings.endpoint("S3");
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    public static SfnClient sfn(Settings settings) {
        return sfn(settings, HTTP.get());
    }

    static SfnClient sfn(Settings settings, SdkHttpClient http) {
        CompletableFuture<Endpoint> endpoint = fixedEndpoint(settings, "SFN", "states");
        return configure(SfnClient.builder(), settings, "SFN", http)
                .endpointProvider(params -> endpoint)
                .build();
    }

    public static SqsClient sqs(Settings settings) {
        CompletableFuture<Endpoint> endpoint = fixedEndpoint(settings, "SQS", "sqs");
        return configure(SqsClient.builder(), settings, "SQS")
                .endpointProvider(params -> endpoint)
                .build();
    }

    /**
     * The service's regional endpoint, resolved once. The SDK's rules engine would load partition data and a few
     * hundred classes on the first request to arrive at the same URL; a cold start should not pay for that. (S3 keeps
     * the engine: its endpoints depend on the bucket and addressing style.)
     */
    public static CompletableFuture<Endpoint> fixedEndpoint(Settings settings, String serviceId, String hostPrefix) {
        URI uri = settings.endpoint(serviceId);
        if (uri == null) {
            String region = settings.region();
            String suffix = region.toLowerCase(Locale.ROOT).startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
            uri = URI.create("https://" + hostPrefix + "." + region + "." + suffix);
        }
        return CompletableFuture.completedFuture(Endpoint.builder().url(uri).build());
    }

    /**
     * A client built on first use, then reused. A path that never calls a service (the status route never starts an
     * execution, the document check never resumes one) then never pays the client's cold-start cost.
     */
    public static <T> Supplier<T> lazy(Supplier<T> factory) {
        return new Supplier<>() {
            private T client;

            @Override
            public synchronized T get() {
                if (client == null) {
                    client = factory.get();
                }
                return client;
            }
        };
    }

    /** Applies region, credentials, HTTP client and endpoint to any SDK client builder. */
    public static <B extends AwsClientBuilder<B, C> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, C>, C>
    B configure(B builder, Settings settings, String serviceId) {
        return configure(builder, settings, serviceId, HTTP.get());
    }

    private static <B extends AwsClientBuilder<B, C> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, C>, C>
    B configure(B builder, Settings settings, String serviceId, SdkHttpClient http) {
        builder.region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .httpClient(http);
        URI endpoint = settings.endpoint(serviceId);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    /** Static credentials when the environment holds them (Lambda always does), else the default chain. */
    static AwsCredentialsProvider credentials(Settings settings) {
        String key = settings.get("AWS_ACCESS_KEY_ID", null);
        String secret = settings.get("AWS_SECRET_ACCESS_KEY", null);
        if (key == null || secret == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        String token = settings.get("AWS_SESSION_TOKEN", null);
        return StaticCredentialsProvider.create(token == null
                ? AwsBasicCredentials.create(key, secret)
                : AwsSessionCredentials.create(key, secret, token));
    }
}
