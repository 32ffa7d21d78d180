package io.kycflow.identity.local;

/**
 * fr_liveness.onnx, a passive anti-spoofing network of the MiniFASNet kind: the face box grown x2.7 about its
 * centre (so the frame, hands and screen or paper edges around the face are seen), resized to 128x128, raw 0-255
 * RGB values, three classes through a softmax. As faceplugin's predictLiveness, class 0 is the live face.
 */
final class PassiveLivenessModel {

    static final int SIZE = 128;
    static final double CROP_SCALE = 2.7;

    private final OnnxModel model;

    PassiveLivenessModel(OnnxModel model) {
        this.model = model;
    }

    /** Probability, 0-1, that the face is a live person in front of the camera. */
    double liveProbability(RgbImage image, PixelFace face) {
        float[] input = face.scaledCrop(image, CROP_SCALE).resize(SIZE, SIZE).toPlanar(false, (channel, v) -> v);
        float[] logits = model.run(input, 1, 3, SIZE, SIZE).get("output");
        return softmax(logits)[0];
    }

    static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double[] out = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            out[i] = Math.exp(logits[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }
}
