package io.kycflow.identity.local;

/**
 * Maps the cosine similarity of two face embeddings onto Rekognition's 0-100 Similarity scale, so that the journey
 * rules written for Rekognition (a match from 80, CompareFaces' default SimilarityThreshold) hold for the local engine:
 * the calibrated cosine threshold maps to 80, cosines above it rise linearly to 100 at cosine 1, cosines below it fall
 * linearly to 0 at cosine 0, and negative cosines are 0. The threshold was chosen on one half of the calibration
 * pairs and checked on the other (docs/FACES.md).
 */
public final class SimilarityScale {

    /** Cosine similarity from which two faces count as the same person (docs/FACES.md). */
    public static final double COSINE_THRESHOLD = 0.53;
    /** The 0-100 similarity the threshold maps to: Rekognition's default match threshold. */
    public static final double MATCH_SIMILARITY = 80;

    private SimilarityScale() {
    }

    /** The 0-100 similarity of a cosine similarity. */
    public static double similarity(double cosine) {
        if (cosine >= COSINE_THRESHOLD) {
            return MATCH_SIMILARITY + (100 - MATCH_SIMILARITY) * Math.min(1, (cosine - COSINE_THRESHOLD) / (1 - COSINE_THRESHOLD));
        }
        return MATCH_SIMILARITY * Math.max(0, cosine) / COSINE_THRESHOLD;
    }
}
