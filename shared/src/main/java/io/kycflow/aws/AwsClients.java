package io.kycflow.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sfn.SfnClient;

import java.net.URI;

/**
 * The one small factory for SDK clients. Explicit region, credentials and the url-connection HTTP client keep
 * cold starts short; endpoints follow {@code AWS_ENDPOINT_URL[_SERVICE]} so LocalStack and the embedded
 * backends need no code change. Build each client once per container and reuse it.
 */
public final class AwsClients {
    private AwsClients() {
    }

    public static DynamoDbClient dynamoDb(Settings settings) {
        return configure(DynamoDbClient.builder(), settings, "DYNAMODB").build();
    }

    public static S3Client s3(Settings settings) {
        return configure(S3Client.builder(), settings, "S3")
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.s3PathStyle()).build())
                .build();
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
        return configure(SfnClient.builder(), settings, "SFN").build();
    }

    /** Applies region, credentials, HTTP client and endpoint to any SDK client builder. */
    public static <B extends AwsClientBuilder<B, C> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, C>, C>
    B configure(B builder, Settings settings, String serviceId) {
        builder.region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
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
