package io.kycflow.image;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Measures the quality of a document photo on its pixels: resolution, focus, brightness, glare and colour
 * (see {@link QualityCheck} for each measure and {@link QualityThresholds} for the defaults).
 *
 * <p>Everything but the resolution is measured on an area-averaged copy whose long side is
 * {@value #ANALYSIS_LONG_SIDE} pixels (smaller images are used as they are). A fixed size makes the focus
 * score a property of the scene rather than of the camera's megapixels, and keeps the cost to one pass
 * over the source pixels plus a few passes over ~0.75 megapixels. Every measure ignores rotation, so an
 * EXIF orientation tag does not matter. Stateless and thread-safe.
 */
public final class ImageQualityAnalyzer {

    /** Long side of the copy that focus, brightness, glare and colour are measured on. */
    public static final int ANALYSIS_LONG_SIDE = 1024;

    /** Luma from which a pixel counts as blown out by glare. */
    static final float GLARE_LUMA = 250f;

    private ImageQualityAnalyzer() {
    }

    /** Analyses an image at the resolution it has. */
    public static ImageQualityReport analyze(BufferedImage image, QualityThresholds thresholds) {
        return analyze(image, image.getWidth(), image.getHeight(), thresholds);
    }

    /** Analyses an inspected upload; the resolution check uses its full size even if it was decoded subsampled. */
    public static ImageQualityReport analyze(ImageInspection.Accepted upload, QualityThresholds thresholds) {
        return analyze(upload.image(), upload.width(), upload.height(), thresholds);
    }

    private static ImageQualityReport analyze(BufferedImage image, int width, int height,
                                              QualityThresholds thresholds) {
        AnalysisCopy copy = AnalysisCopy.of(image, ANALYSIS_LONG_SIDE);
        return new ImageQualityReport(width, height, List.of(
                QualityMeasurement.atMost(QualityCheck.GLARE, largestGlareBlob(copy), thresholds.maxGlareRatio()),
                QualityMeasurement.atLeast(QualityCheck.FOCUS, laplacianVariance(copy), thresholds.minFocus()),
                QualityMeasurement.atLeast(QualityCheck.RESOLUTION, Math.min(width, height),
                        thresholds.minShortSide()),
                QualityMeasurement.atLeast(QualityCheck.COLORNESS, mean(copy.chroma()), thresholds.minColorness()),
                QualityMeasurement.between(QualityCheck.BRIGHTNESS, mean(copy.luma()),
                        thresholds.minBrightness(), thresholds.maxBrightness())));
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Variance of the 4-neighbour Laplacian of the luma: sharp edges give large values, blur small ones. */
    static double laplacianVariance(AnalysisCopy copy) {
        int w = copy.width();
        int h = copy.height();
        if (w < 3 || h < 3) {
            return 0;
        }
        float[] luma = copy.luma();
        double sum = 0;
        double sumSquares = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int i = y * w + 1, end = y * w + w - 1; i < end; i++) {
                double laplacian = 4 * luma[i] - luma[i - 1] - luma[i + 1] - luma[i - w] - luma[i + w];
                sum += laplacian;
                sumSquares += laplacian * laplacian;
            }
        }
        double n = (double) (w - 2) * (h - 2);
        double mean = sum / n;
        return sumSquares / n - mean * mean;
    }

    /**
     * The largest 4-connected region of blown-out pixels, as a fraction of the image. One region rather
     * than all bright pixels: a specular spot hides whatever it covers, while scattered highlights do not.
     */
    static double largestGlareBlob(AnalysisCopy copy) {
        int w = copy.width();
        float[] luma = copy.luma();
        int n = luma.length;
        boolean[] seen = new boolean[n];
        int[] stack = new int[n];
        int largest = 0;
        for (int start = 0; start < n; start++) {
            if (seen[start] || luma[start] < GLARE_LUMA) {
                continue;
            }
            int size = 0;
            int top = 0;
            stack[top++] = start;
            seen[start] = true;
            while (top > 0) {
                int i = stack[--top];
                size++;
                int x = i % w;
                if (x > 0) {
                    top = visit(i - 1, luma, seen, stack, top);
                }
                if (x < w - 1) {
                    top = visit(i + 1, luma, seen, stack, top);
                }
                if (i >= w) {
                    top = visit(i - w, luma, seen, stack, top);
                }
                if (i + w < n) {
                    top = visit(i + w, luma, seen, stack, top);
                }
            }
            largest = Math.max(largest, size);
        }
        return (double) largest / n;
    }

    private static int visit(int i, float[] luma, boolean[] seen, int[] stack, int top) {
        if (!seen[i] && luma[i] >= GLARE_LUMA) {
            seen[i] = true;
            stack[top++] = i;
        }
        return top;
    }
}
