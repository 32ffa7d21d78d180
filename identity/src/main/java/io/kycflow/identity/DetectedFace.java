package io.kycflow.identity;

/**
 * One face found in an image.
 *
 * @param box        where it is
 * @param confidence that it is a face, 0-100
 * @param sharpness  image quality of the face, 0-100 (null when the engine does not measure it)
 * @param brightness brightness of the face, 0-100 (null when the engine does not measure it)
 * @param age        the estimated age (null when the engine does not estimate it)
 */
public record DetectedFace(FaceBox box, double confidence, Double sharpness, Double brightness, AgeRange age) {
}
