package io.kycflow.identity.local;

/**
 * fr_landmark.onnx: 68 facial landmarks (the iBUG 300-W layout) from the face box resized to 64x64 grey, values
 * / 256, as faceplugin's predictLandmarkImage. The network answers in fractions of the box, mapped back here onto
 * the image's pixels.
 */
final class FaceLandmarker {

    static final int SIZE = 64;
    static final int POINTS = 68;

    private final OnnxModel model;

    FaceLandmarker(OnnxModel model) {
        this.model = model;
    }

    /** The 68 points in image pixels, as x0, y0, x1, y1, ... */
    float[] landmarks(RgbImage image, PixelFace face) {
        float[] gray = face.scaledCrop(image, 1.0).resize(SIZE, SIZE).toGray();
        for (int i = 0; i < gray.length; i++) {
            gray[i] /= 256f;
        }
        float[] points = model.run(gray, 1, 1, SIZE, SIZE).get("output");
        // the box as the package reads it: whole-pixel corners
        int left = (int) face.x1(), top = (int) face.y1();
        int width = Math.abs((int) face.x2() - left), height = Math.abs((int) face.y2() - top);
        float[] out = new float[2 * POINTS];
        for (int i = 0; i < POINTS; i++) {
            out[2 * i] = points[2 * i] * width + left;
            out[2 * i + 1] = points[2 * i + 1] * height + top;
        }
        return out;
    }
}
