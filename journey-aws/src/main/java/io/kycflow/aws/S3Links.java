package io.kycflow.aws;

import io.kycflow.journey.ImageLinks;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Presigned S3 URLs: PUT for the user's uploads, GET for reading captured images. */
public final class S3Links implements ImageLinks {
    /** How long a read link to a captured image stays valid. */
    public static final Duration READ_VALIDITY = Duration.ofMinutes(15);

    private final Supplier<S3Presigner> presigner;
    private final String bucket;

    /** @param presigner e.g. {@link AwsClients#lazy}: most API calls never presign */
    public S3Links(Supplier<S3Presigner> presigner, String bucket) {
        this.presigner = presigner;
        this.bucket = bucket;
    }

    /** A presigned PUT: the URL and when it stops working. */
    public record Upload(String url, Instant expiresAt) {
    }

    /** A PUT URL bound to this key and content type; the client must send the same Content-Type header. */
    public Upload upload(String key, String contentType, Duration validity) {
        PresignedPutObjectRequest request = presigner.get().presignPutObject(b -> b.signatureDuration(validity)
                .putObjectRequest(p -> p.bucket(bucket).key(key).contentType(contentType)));
        return new Upload(request.url().toString(), request.expiration());
    }

    @Override
    public String readUrl(String key) {
        return presigner.get().presignGetObject(b -> b.signatureDuration(READ_VALIDITY)
                .getObjectRequest(g -> g.bucket(bucket).key(key))).url().toString();
    }
}
