/**
 * Identity verification: what the document says (MRZ, printed fields), whether it matches what the business knows,
 * whether the selfie is live and the same person as the document portrait, face age and duplicates, and the identity
 * decision. The engines are ports ({@link io.kycflow.identity.DocumentReader}, {@link io.kycflow.identity.FaceAnalyzer},
 * {@link io.kycflow.identity.LivenessChecker}, {@link io.kycflow.identity.FaceRegistry}); {@code identity-aws} implements
 * them with Rekognition and Textract, {@code identity-local} with Tesseract and ONNX Runtime for the local runtime only.
 */
package io.kycflow.identity;
