package io.kycflow.identity.local;

/**
 * A face the detector found, in the image's pixels: the square box the faceplugin detector reports (side = the
 * detected height, centred, clipped to the image) and the detector's face probability.
 *
 * @param x1    left edge
 * @param y1    top edge
 * @param x2    right edge
 * @param y2    bottom edge
 * @param score face probability, 0-1
 */
record PixelFace(double x1, double y1, double x2, double y2, double score) {

    double area() {
        return (x2 - x1) * (y2 - y1);
    }

    /**
     * The crop the faceplugin landmark, liveness and age models take: the box (its corners truncated to whole pixels,
     * as the package's parseInt does) grown by {@code scale} about its centre, at most to the image's size, shifted
     * back inside the image.
     */
    RgbImage scaledCrop(RgbImage image, double scale) {
        int left = (int) x1, top = (int) y1;
        int boxW = Math.max(1, Math.abs((int) x2 - left)), boxH = Math.max(1, Math.abs((int) y2 - top));
        int srcW = image.width(), srcH = image.height();
        double s = Math.min((srcH - 1.0) / boxH, Math.min((srcW - 1.0) / boxW, scale));
        double newW = boxW * s, newH = boxH * s;
        double cx = boxW / 2.0 + left, cy = boxH / 2.0 + top;
        double l = cx - newW / 2, t = cy - newH / 2, r = cx + newW / 2, b = cy + newH / 2;
        if (l < 0) {
            r -= l;
            l = 0;
        }
        if (t < 0) {
            b -= t;
            t = 0;
        }
        if (r > srcW - 1) {
            l -= r - srcW + 1;
            r = srcW - 1;
        }
        if (b > srcH - 1) {
            t -= b - srcH + 1;
            b = srcH - 1;
        }
        int x = Math.max((int) l, 0), y = Math.max((int) t, 0);
        int w = Math.max(1, Math.min((int) (r - l), srcW - 1 - x));
        int h = Math.max(1, Math.min((int) (b - t), srcH - 1 - y));
        return image.crop(x, y, w, h);
    }
}
