package io.kycflow.identity;

/**
 * Whether the selfie came from a live person in front of the camera.
 *
 * @param engine     the engine that judged it
 * @param confidence that the person is live, 0-100 (Face Liveness Confidence; the local model's live-class
 *                   probability x 100)
 * @param sessionId  the cloud Face Liveness session, or null for the local engine's passive check
 */
public record LivenessResult(Engine engine, double confidence, String sessionId) {
}
