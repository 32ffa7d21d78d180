package io.kycflow.identity.aws;

import software.amazon.awssdk.services.rekognition.RekognitionClient;

import java.util.Objects;

/**
 * Opens the Face Liveness sessions the capture page streams its video to (CreateFaceLivenessSession). Rekognition
 * writes each session's reference image and audit images under
 * {@code s3://<bucket>/<keyPrefix><tenantId>/<journeyId>/}, so they stay with the journey's other captures.
 */
public final class FaceLivenessSessions {
    /** The most audit images Face Liveness keeps for a session. */
    public static final int MAX_AUDIT_IMAGES = 4;

    private final RekognitionClient rekognition;
    private final String bucket;
    private final String keyPrefix;
    private final int auditImagesLimit;

    /**
     * @param rekognition      the client, built once per container
     * @param bucket           the bucket Rekognition writes the reference and audit images to
     * @param keyPrefix        the key prefix under which each journey gets its folder, e.g. {@code liveness/}
     * @param auditImagesLimit how many audit images to keep, 0-4
     */
    public FaceLivenessSessions(RekognitionClient rekognition, String bucket, String keyPrefix, int auditImagesLimit) {
        this.rekognition = Objects.requireNonNull(rekognition, "rekognition");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        if (auditImagesLimit < 0 || auditImagesLimit > MAX_AUDIT_IMAGES) {
            throw new IllegalArgumentException("the Face Liveness audit images limit is 0-" + MAX_AUDIT_IMAGES
                    + "; got " + auditImagesLimit);
        }
        this.auditImagesLimit = auditImagesLimit;
    }

    /**
     * Opens a session for the journey's capture page; it must be used within 3 minutes.
     *
     * @return the session id the page streams to and {@link RekognitionLivenessChecker} later reads
     */
    public String create(String tenantId, String journeyId) {
        String prefix = keyPrefix + tenantId + "/" + journeyId + "/";
        return rekognition.createFaceLivenessSession(request -> request.settings(settings -> settings
                        .outputConfig(output -> output.s3Bucket(bucket).s3KeyPrefix(prefix))
                        .auditImagesLimit(auditImagesLimit)))
                .sessionId();
    }
}
