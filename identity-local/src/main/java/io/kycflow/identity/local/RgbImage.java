package io.kycflow.identity.local;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * A decoded image as packed 0xRRGGBB pixels, with the few OpenCV operations the faceplugin pre-processing uses
 * (crop, bilinear resize, affine warp) reimplemented to give the same pixels: OpenCV's half-pixel-centred bilinear
 * sampling, and black outside the image as {@code warpAffine}'s constant border.
 */
final class RgbImage {

    private final int width;
    private final int height;
    private final int[] pixels;

    RgbImage(int width, int height, int[] pixels) {
        if (width <= 0 || height <= 0 || pixels.length != width * height) {
            throw new IllegalArgumentException("an image of " + width + "x" + height + " needs that many pixels");
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    /** Decodes JPEG or PNG bytes. */
    static RgbImage decode(byte[] bytes) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("the image could not be decoded", e);
        }
        if (image == null) {
            throw new IllegalArgumentException("not a JPEG or PNG image");
        }
        return of(image);
    }

    /** The pixels of a decoded image (alpha dropped). */
    static RgbImage of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < argb.length; i++) {
            argb[i] &= 0xFFFFFF;
        }
        return new RgbImage(w, h, argb);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The packed 0xRRGGBB pixel at (x, y). */
    int rgb(int x, int y) {
        return pixels[y * width + x];
    }

    /** This image as a BufferedImage (for tests and tools that compose images). */
    BufferedImage toBufferedImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, pixels, 0, width);
        return image;
    }

    /** The rectangle's pixels; the rectangle must lie inside the image. */
    RgbImage crop(int x, int y, int w, int h) {
        if (x < 0 || y < 0 || w <= 0 || h <= 0 || x + w > width || y + h > height) {
            throw new IllegalArgumentException("crop " + x + "," + y + " " + w + "x" + h + " outside " + width + "x" + height);
        }
        int[] out = new int[w * h];
        for (int row = 0; row < h; row++) {
            System.arraycopy(pixels, (y + row) * width + x, out, row * w, w);
        }
        return new RgbImage(w, h, out);
    }

    /** cv.resize with INTER_LINEAR: each target pixel samples the source at its half-pixel-centred position. */
    RgbImage resize(int w, int h) {
        double sx = (double) width / w;
        double sy = (double) height / h;
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            double fy = Math.max(0, (y + 0.5) * sy - 0.5);
            for (int x = 0; x < w; x++) {
                double fx = Math.max(0, (x + 0.5) * sx - 0.5);
                out[y * w + x] = bilinear(fx, fy);
            }
        }
        return new RgbImage(w, h, out);
    }

    /**
     * cv.warpAffine: the target pixel (x, y) takes the source at the inverse transform of (x, y), black where that
     * falls outside the image.
     *
     * @param m the forward 2x3 transform, row-major {a, b, c, d, e, f}: x' = a x + b y + c, y' = d x + e y + f
     */
    RgbImage warpAffine(double[] m, int w, int h) {
        double det = m[0] * m[4] - m[1] * m[3];
        if (det == 0) {
            throw new IllegalArgumentException("the transform is singular");
        }
        double ia = m[4] / det, ib = -m[1] / det, id = -m[3] / det, ie = m[0] / det;
        double ic = -(ia * m[2] + ib * m[5]), iF = -(id * m[2] + ie * m[5]);
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sx = ia * x + ib * y + ic;
                double sy = id * x + ie * y + iF;
                out[y * w + x] = sx <= -1 || sy <= -1 || sx >= width || sy >= height ? 0 : bilinearWithBlackBorder(sx, sy);
            }
        }
        return new RgbImage(w, h, out);
    }

    /**
     * The image as a planar (channels, height, width) float tensor.
     *
     * @param bgr  channel order of the tensor: blue first when true, red first when false
     * @param norm maps a channel's 0-255 value (channel index in tensor order) to the model's input value
     */
    float[] toPlanar(boolean bgr, ChannelNormaliser norm) {
        int plane = width * height;
        float[] out = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            int p = pixels[i];
            int r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
            out[i] = norm.apply(0, bgr ? b : r);
            out[plane + i] = norm.apply(1, g);
            out[2 * plane + i] = norm.apply(2, bgr ? r : b);
        }
        return out;
    }

    /** Luma (ITU-R BT.601, OpenCV's RGB2GRAY weights) of each pixel, 0-255. */
    float[] toGray() {
        float[] out = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            int p = pixels[i];
            out[i] = (float) (0.299 * ((p >> 16) & 0xFF) + 0.587 * ((p >> 8) & 0xFF) + 0.114 * (p & 0xFF));
        }
        return out;
    }

    /** Turns a channel's 0-255 value into a model input value. */
    @FunctionalInterface
    interface ChannelNormaliser {
        float apply(int channel, int value);
    }

    private int bilinear(double fx, double fy) {
        int x0 = Math.min((int) fx, width - 1), y0 = Math.min((int) fy, height - 1);
        int x1 = Math.min(x0 + 1, width - 1), y1 = Math.min(y0 + 1, height - 1);
        double ax = fx - x0, ay = fy - y0;
        return blend(rgb(x0, y0), rgb(x1, y0), rgb(x0, y1), rgb(x1, y1), ax, ay);
    }

    private int bilinearWithBlackBorder(double fx, double fy) {
        int x0 = (int) Math.floor(fx), y0 = (int) Math.floor(fy);
        double ax = fx - x0, ay = fy - y0;
        return blend(pixelOrBlack(x0, y0), pixelOrBlack(x0 + 1, y0), pixelOrBlack(x0, y0 + 1),
                pixelOrBlack(x0 + 1, y0 + 1), ax, ay);
    }

    private int pixelOrBlack(int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? 0 : rgb(x, y);
    }

    private static int blend(int p00, int p10, int p01, int p11, double ax, double ay) {
        int out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double top = ((p00 >> shift) & 0xFF) * (1 - ax) + ((p10 >> shift) & 0xFF) * ax;
            double bottom = ((p01 >> shift) & 0xFF) * (1 - ax) + ((p11 >> shift) & 0xFF) * ax;
            int v = (int) Math.round(top * (1 - ay) + bottom * ay);
            out |= Math.min(255, Math.max(0, v)) << shift;
        }
        return out;
    }
}
