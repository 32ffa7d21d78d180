package io.kycflow.identity;

/**
 * Judges liveness: Rekognition Face Liveness session results in the cloud (the capture page streams the video), a
 * passive anti-spoofing model on the selfie locally.
 */
public interface LivenessChecker {

    /**
     * Judges the capture.
     *
     * @param sessionId the Face Liveness session the capture page used, or null when there was none
     * @param selfie    the selfie image bytes
     */
    LivenessResult check(String sessionId, byte[] selfie);
}
