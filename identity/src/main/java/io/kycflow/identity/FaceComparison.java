package io.kycflow.identity;

/**
 * How alike the largest face of the document portrait and the largest face of the selfie are.
 *
 * @param engine     the engine that compared them
 * @param similarity 0-100 (Rekognition's Similarity; the local engine maps cosine similarity onto the same scale)
 */
public record FaceComparison(Engine engine, double similarity) {
}
