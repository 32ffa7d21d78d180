package io.kycflow.identity;

import java.util.List;

/**
 * The faces an engine found in one image, largest first.
 *
 * @param engine the engine that looked
 * @param faces  the faces found, largest first; empty when none
 */
public record FaceDetection(Engine engine, List<DetectedFace> faces) {
    public FaceDetection {
        faces = List.copyOf(faces);
    }
}
