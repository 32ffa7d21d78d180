package io.kycflow.identity;

import java.util.Objects;

/**
 * How alike the largest face of the document portrait and the largest face of the selfie are.
 *
 * @param engine     the engine that compared them
 * @param similarity 0-100 (Rekognition's Similarity; the local engine maps cosine similarity onto the same scale); 0
 *                   when the faces do not match or when {@code outcome} is {@link Outcome#NO_FACE}
 * @param outcome    whether the engine found a face in both images to compare
 */
public record FaceComparison(Engine engine, double similarity, Outcome outcome) {

    /** Whether there were two faces to compare. */
    public enum Outcome {
        /** Both images held a face and the engine compared them. */
        COMPARED,
        /** The engine found no face in one of the images (a portrait too small or hidden by glare), so it compared none. */
        NO_FACE
    }

    public FaceComparison {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** The two faces were compared. */
    public FaceComparison(Engine engine, double similarity) {
        this(engine, similarity, Outcome.COMPARED);
    }

    /** The engine found no face to compare in one of the images. */
    public static FaceComparison noFace(Engine engine) {
        return new FaceComparison(engine, 0, Outcome.NO_FACE);
    }
}
