package io.kycflow.identity;

/**
 * Where a face is in an image, as fractions of the image's width and height (Rekognition's BoundingBox).
 *
 * @param left   left edge, 0-1
 * @param top    top edge, 0-1
 * @param width  width, 0-1
 * @param height height, 0-1
 */
public record FaceBox(double left, double top, double width, double height) {
}
