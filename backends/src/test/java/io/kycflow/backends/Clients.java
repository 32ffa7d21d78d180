package io.kycflow.backends;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SDK v2 clients pointed at a {@link LocalBackends}, configured as the project's code would configure them. */
final class Clients {

    private static final SdkHttpClient HTTP = UrlConnectionHttpClient.create();
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static boolean sharedStartPrinted;

    private Clients() {
    }

    /** {@link TestBackends#shared()}, printing its start-up times on the first call. */
    static synchronized LocalBackends shared() {
        long begin = System.nanoTime();
        LocalBackends backends = TestBackends.shared();
        if (!sharedStartPrinted) {
            sharedStartPrinted = true;
            printStartup("shared, in memory", backends, System.nanoTime() - begin);
        }
        return backends;
    }

    static DynamoDbClient dynamoDb(LocalBackends backends) {
        return configure(DynamoDbClient.builder(), backends, backends.dynamoDbEndpoint()).build();
    }

    static SqsClient sqs(LocalBackends backends) {
        return configure(SqsClient.builder(), backends, backends.sqsEndpoint()).build();
    }

    static S3Client s3(LocalBackends backends) {
        return configure(S3Client.builder(), backends, backends.s3Endpoint()).forcePathStyle(true).build();
    }

    static S3Presigner presigner(LocalBackends backends) {
        return S3Presigner.builder()
                .endpointOverride(backends.s3Endpoint())
                .region(Region.of(backends.region()))
                .credentialsProvider(credentials(backends))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }

    /** A name no other test in this JVM uses (tests share one set of backends). */
    static String uniqueName(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }

    static void printStartup(String label, LocalBackends backends, long wallNanos) {
        StringBuilder line = new StringBuilder("[startup] " + label + ": all " + millis(wallNanos) + " ms");
        for (Map.Entry<String, Duration> time : backends.startupTimes().entrySet()) {
            line.append(", ").append(time.getKey()).append(' ').append(time.getValue().toMillis()).append(" ms");
        }
        System.out.println(line);
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static StaticCredentialsProvider credentials(LocalBackends backends) {
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(backends.accessKeyId(), backends.secretAccessKey()));
    }

    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
            B builder, LocalBackends backends, URI endpoint) {
        return builder.httpClient(HTTP)
                .endpointOverride(endpoint)
                .region(Region.of(backends.region()))
                .credentialsProvider(credentials(backends));
    }
}
