package io.kycflow.identity.local;

/**
 * fr_feature.onnx: a 512-d face embedding of the face aligned to 112x112, as faceplugin's extractFeatureImage. The
 * alignment maps the eye centres and the nose tip (from the 68 landmarks) onto the ArcFace reference points with the
 * affine transform those three point pairs define, the pixels go in as (v - 127) / 128 in RGB order. The embedding is
 * L2-normalised here so that the dot product of two is their cosine similarity.
 *
 * <p>The package's own matchFeature subtracts the pair's mean vector before the cosine, which makes the two vectors
 * exact opposites and every score -1; this engine uses the plain cosine instead.
 */
final class FaceEmbedder {

    static final int SIZE = 112;
    static final int DIMENSIONS = 512;
    /** ArcFace's 112x112 reference points for the left eye, the right eye and the nose tip. */
    private static final double[][] REFERENCE = {
            {38.29459953, 51.69630051}, {73.53179932, 51.50139999}, {56.02519989, 71.73660278}};

    private final OnnxModel model;

    FaceEmbedder(OnnxModel model) {
        this.model = model;
    }

    /** The unit-length embedding of the face whose 68 landmarks are given (image pixels, x0, y0, x1, y1, ...). */
    float[] embed(RgbImage image, float[] landmarks) {
        RgbImage aligned = align(image, landmarks);
        float[] input = aligned.toPlanar(false, (channel, v) -> (v - 127) / 128f);
        float[] embedding = model.run(input, 1, 3, SIZE, SIZE).get("output");
        double norm = 0;
        for (float v : embedding) {
            norm += v * v;
        }
        float inverse = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < embedding.length; i++) {
            embedding[i] *= inverse;
        }
        return embedding;
    }

    /** Cosine similarity of two unit-length embeddings, -1 to 1. */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    /** The 112x112 face: eye centres (mean of four eye-contour points each) and nose tip onto the reference. */
    static RgbImage align(RgbImage image, float[] l) {
        double[][] source = {
                {(l[74] + l[76] + l[80] + l[82]) / 4, (l[75] + l[77] + l[81] + l[83]) / 4},
                {(l[86] + l[88] + l[92] + l[94]) / 4, (l[87] + l[89] + l[93] + l[95]) / 4},
                {l[60], l[61]}};
        return image.warpAffine(affineFromThreePoints(source, REFERENCE), SIZE, SIZE);
    }

    /** cv.getAffineTransform: the 2x3 transform taking the three source points onto the three target points. */
    static double[] affineFromThreePoints(double[][] src, double[][] dst) {
        // Solve [x y 1] * [a b c]^T = x' for each row by Cramer's rule (then the same for y').
        double det = src[0][0] * (src[1][1] - src[2][1]) - src[0][1] * (src[1][0] - src[2][0])
                + (src[1][0] * src[2][1] - src[2][0] * src[1][1]);
        if (Math.abs(det) < 1e-9) {
            throw new IllegalArgumentException("the landmarks are collinear");
        }
        double[] m = new double[6];
        for (int row = 0; row < 2; row++) {
            double t0 = dst[0][row], t1 = dst[1][row], t2 = dst[2][row];
            m[3 * row] = (t0 * (src[1][1] - src[2][1]) - src[0][1] * (t1 - t2) + (t1 * src[2][1] - t2 * src[1][1])) / det;
            m[3 * row + 1] = (src[0][0] * (t1 - t2) - t0 * (src[1][0] - src[2][0]) + (src[1][0] * t2 - src[2][0] * t1)) / det;
            m[3 * row + 2] = (src[0][0] * (src[1][1] * t2 - src[2][1] * t1) - src[0][1] * (src[1][0] * t2 - src[2][0] * t1)
                    + t0 * (src[1][0] * src[2][1] - src[2][0] * src[1][1])) / det;
        }
        return m;
    }
}
