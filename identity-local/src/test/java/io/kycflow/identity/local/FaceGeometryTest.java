package io.kycflow.identity.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The OpenCV operations reimplemented for the pre-processing, and the similarity scale. */
class FaceGeometryTest {

    @Test
    void theAffineTransformMapsTheThreePointsOntoTheirTargets() {
        double[][] src = {{120.5, 80.25}, {180, 78}, {150, 120}};
        double[][] dst = {{38.29459953, 51.69630051}, {73.53179932, 51.50139999}, {56.02519989, 71.73660278}};
        double[] m = FaceEmbedder.affineFromThreePoints(src, dst);
        for (int i = 0; i < 3; i++) {
            assertEquals(dst[i][0], m[0] * src[i][0] + m[1] * src[i][1] + m[2], 1e-9);
            assertEquals(dst[i][1], m[3] * src[i][0] + m[4] * src[i][1] + m[5], 1e-9);
        }
    }

    @Test
    void warpingByAShiftMovesThePixelsAndFillsBlack() {
        int[] pixels = new int[16];
        for (int i = 0; i < 16; i++) {
            pixels[i] = i * 0x010101;
        }
        RgbImage shifted = new RgbImage(4, 4, pixels).warpAffine(new double[] {1, 0, 1, 0, 1, 0}, 4, 4);
        assertEquals(0, shifted.rgb(0, 0));
        assertEquals(pixels[0], shifted.rgb(1, 0));
        assertEquals(pixels[2 * 4 + 2], shifted.rgb(3, 2));
    }

    @Test
    void resizingHalvesByAveragingNeighboursAsOpenCvDoes() {
        // 4x1 -> 2x1: target pixel 0 samples x = 0.5, between source pixels 0 and 1
        RgbImage row = new RgbImage(4, 1, new int[] {0x000000, 0x646464, 0xC8C8C8, 0xFFFFFF});
        RgbImage half = row.resize(2, 1);
        assertArrayEquals(new int[] {0x323232, 0xE4E4E4}, new int[] {half.rgb(0, 0), half.rgb(1, 0)});
    }

    @Test
    void theScaleMapsTheThresholdToEightyAndIsMonotonic() {
        assertEquals(80, SimilarityScale.similarity(SimilarityScale.COSINE_THRESHOLD), 1e-9);
        assertEquals(100, SimilarityScale.similarity(1), 1e-9);
        assertEquals(0, SimilarityScale.similarity(-0.3), 1e-9);
        double previous = -1;
        for (int i = -100; i <= 100; i++) {
            double s = SimilarityScale.similarity(i / 100.0);
            assertEquals(true, s >= previous, "monotonic at " + i);
            previous = s;
        }
    }

    @Test
    void ssrNetMergesTheStagesAsFacepluginDoes() {
        // all mass on the top bin of each stage, no offsets or shifts: (2/3 + 2/9 + 2/27) * 101
        float[][] probabilities = {{0, 0, 1}, {0, 0, 1}, {0, 0, 1}};
        float[][] offsets = {{0, 0, 0}, {0, 0, 0}, {0, 0, 0}};
        assertEquals((2.0 / 3 + 2.0 / 9 + 2.0 / 27) * 101, AgeEstimator.merge(probabilities, offsets, new float[3]), 1e-6);
    }
}
