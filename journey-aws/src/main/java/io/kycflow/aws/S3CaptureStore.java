package io.kycflow.aws;

import io.kycflow.journey.CaptureStore;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.util.Optional;

/** Journey captures in the document bucket. */
public final class S3CaptureStore implements CaptureStore {
    private final S3Client s3;
    private final String bucket;

    public S3CaptureStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** The bucket the captures are in. */
    public String bucket() {
        return bucket;
    }

    @Override
    public Optional<Capture> open(String key) {
        try {
            ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key));
            Long length = in.response().contentLength();
            return Optional.of(new Capture(in, length == null ? -1 : length));
        } catch (NoSuchKeyException gone) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }
}
