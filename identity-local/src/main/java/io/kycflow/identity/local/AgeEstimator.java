package io.kycflow.identity.local;

import java.util.Map;

/**
 * fr_age.onnx, an SSR-Net age regressor: the face box grown x1.4, resized to 64x64, ImageNet normalisation
 * ((v / 255 - mean) / std per RGB channel), and faceplugin's mergeAge of the three stages' bin probabilities, bin
 * offsets and scale shifts into one age in years (V = 101).
 */
final class AgeEstimator {

    static final int SIZE = 64;
    static final double CROP_SCALE = 1.4;
    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};
    private static final int BINS = 3;
    private static final double V = 101;

    private final OnnxModel model;

    AgeEstimator(OnnxModel model) {
        this.model = model;
    }

    /** The estimated age in years. */
    double age(RgbImage image, PixelFace face) {
        float[] input = face.scaledCrop(image, CROP_SCALE).resize(SIZE, SIZE)
                .toPlanar(false, (channel, v) -> (v / 255f - MEAN[channel]) / STD[channel]);
        Map<String, float[]> out = model.run(input, 1, 3, SIZE, SIZE);
        return merge(new float[][] {out.get("prob_stage_1"), out.get("prob_stage_2"), out.get("prob_stage_3")},
                new float[][] {out.get("index_offset_stage1"), out.get("index_offset_stage2"), out.get("index_offset_stage3")},
                new float[] {out.get("stage1_delta_k")[0], out.get("stage2_delta_k")[0], out.get("stage3_delta_k")[0]});
    }

    /**
     * SSR-Net's soft stagewise regression with lambda_local = lambda_d = 1: each stage's expected bin index (bin
     * shifted by its offset), divided by the product of the stages' bin counts scaled by their delta_k so far.
     */
    static double merge(float[][] probabilities, float[][] offsets, float[] deltaK) {
        double age = 0;
        double scale = 1;
        for (int stage = 0; stage < probabilities.length; stage++) {
            scale *= BINS * (1 + deltaK[stage]);
            double expected = 0;
            for (int i = 0; i < BINS; i++) {
                expected += (i + offsets[stage][i]) * probabilities[stage][i];
            }
            age += expected / scale;
        }
        return age * V;
    }
}
