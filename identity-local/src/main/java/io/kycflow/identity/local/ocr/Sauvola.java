package io.kycflow.identity.local.ocr;

/**
 * Sauvola's local threshold (Sauvola and Pietikäinen, 2000): a pixel is ink when it is darker than
 * {@code mean * (1 + k * (deviation / 128 - 1))} of the window around it. Unlike one global (Otsu) threshold it
 * keeps print under uneven light and drops the faint guilloche of a document's background, whose windows have a
 * low deviation. Means and deviations come from integral images, so the cost does not grow with the window.
 */
final class Sauvola {
    /** The usual sensitivity for printed text. */
    static final double K = 0.25;
    private static final double DYNAMIC_RANGE = 128;

    private Sauvola() {
    }

    /**
     * The ink mask of an image.
     *
     * @param window the side of the square window, about twice the height of the text to keep
     */
    static boolean[] ink(GreyImage image, int window) {
        int w = image.width;
        int h = image.height;
        int stride = w + 1;
        long[] sum = new long[stride * (h + 1)];
        long[] squares = new long[stride * (h + 1)];
        for (int y = 0; y < h; y++) {
            long rowSum = 0;
            long rowSquares = 0;
            for (int x = 0; x < w; x++) {
                int v = image.pixels[y * w + x];
                rowSum += v;
                rowSquares += (long) v * v;
                sum[(y + 1) * stride + x + 1] = sum[y * stride + x + 1] + rowSum;
                squares[(y + 1) * stride + x + 1] = squares[y * stride + x + 1] + rowSquares;
            }
        }
        int half = Math.max(1, window / 2);
        boolean[] ink = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            int y0 = Math.max(0, y - half);
            int y1 = Math.min(h, y + half + 1);
            for (int x = 0; x < w; x++) {
                int x0 = Math.max(0, x - half);
                int x1 = Math.min(w, x + half + 1);
                double n = (double) (y1 - y0) * (x1 - x0);
                double s = box(sum, stride, x0, y0, x1, y1);
                double mean = s / n;
                double variance = Math.max(0, box(squares, stride, x0, y0, x1, y1) / n - mean * mean);
                double threshold = mean * (1 + K * (Math.sqrt(variance) / DYNAMIC_RANGE - 1));
                ink[y * w + x] = image.pixels[y * w + x] < threshold;
            }
        }
        return ink;
    }

    private static double box(long[] integral, int stride, int x0, int y0, int x1, int y1) {
        return integral[y1 * stride + x1] - integral[y0 * stride + x1] - integral[y1 * stride + x0]
                + integral[y0 * stride + x0];
    }
}
