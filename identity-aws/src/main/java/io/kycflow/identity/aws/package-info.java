/**
 * The identity engines in the cloud: Amazon Rekognition finds and compares faces
 * ({@link io.kycflow.identity.aws.RekognitionFaceAnalyzer}), judges Face Liveness sessions
 * ({@link io.kycflow.identity.aws.RekognitionLivenessChecker}, {@link io.kycflow.identity.aws.FaceLivenessSessions})
 * and remembers each tenant's faces ({@link io.kycflow.identity.aws.RekognitionFaceRegistry}); Amazon Textract reads
 * identity documents ({@link io.kycflow.identity.aws.TextractDocumentReader}). {@link io.kycflow.identity.aws.IdentityAws}
 * wires them from the environment.
 *
 * <p>Images travel as bytes, not as S3 object references: the ports take bytes (the local engines have no S3), the
 * functions have already read the captures for the image-quality checks, and the services then need no read access
 * to the bucket. The price is Rekognition's 5 MB limit for image bytes (15 MB from S3), well above a capture that
 * passed the quality checks.
 */
package io.kycflow.identity.aws;
