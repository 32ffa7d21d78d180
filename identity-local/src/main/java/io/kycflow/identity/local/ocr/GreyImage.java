package io.kycflow.identity.local.ocr;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageIO;

/** An 8-bit luminance image, row by row: what the MRZ reader's geometry and binarisation work on. */
final class GreyImage {
    final int width;
    final int height;
    /** Luminance 0 (black) to 255 (white), {@code y * width + x}. */
    final int[] pixels;

    GreyImage(int width, int height, int[] pixels) {
        if (pixels.length != width * height) {
            throw new IllegalArgumentException("pixels do not fill " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    /** The uploaded file decoded, or empty when it is no image ImageIO can read (JPEG, PNG, BMP, GIF). */
    static Optional<GreyImage> decode(byte[] file) {
        if (file == null || file.length == 0) {
            return Optional.empty();
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(file));
        } catch (IOException | RuntimeException e) {
            // a truncated or corrupt upload: ImageIO throws a mix of IOExceptions and runtime exceptions
            return Optional.empty();
        }
        return image == null ? Optional.empty() : Optional.of(of(image));
    }

    /** The image's luminance (ITU-R BT.601 weights). */
    static GreyImage of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        int[] grey = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            grey[i] = (299 * (p >> 16 & 0xFF) + 587 * (p >> 8 & 0xFF) + 114 * (p & 0xFF) + 500) / 1000;
        }
        return new GreyImage(w, h, grey);
    }

    /**
     * A copy no wider than {@code maxWidth}, each pixel the mean of the source pixels it covers (no aliasing of
     * fine print); the image itself when it is narrow enough.
     */
    GreyImage shrunkTo(int maxWidth) {
        if (width <= maxWidth) {
            return this;
        }
        double factor = (double) width / maxWidth;
        int w = maxWidth;
        int h = Math.max(1, (int) Math.round(height / factor));
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            int sy0 = (int) (y * factor);
            int sy1 = Math.min(height, Math.max(sy0 + 1, (int) ((y + 1) * factor)));
            for (int x = 0; x < w; x++) {
                int sx0 = (int) (x * factor);
                int sx1 = Math.min(width, Math.max(sx0 + 1, (int) ((x + 1) * factor)));
                long sum = 0;
                for (int sy = sy0; sy < sy1; sy++) {
                    int row = sy * width;
                    for (int sx = sx0; sx < sx1; sx++) {
                        sum += pixels[row + sx];
                    }
                }
                out[y * w + x] = (int) (sum / ((long) (sy1 - sy0) * (sx1 - sx0)));
            }
        }
        return new GreyImage(w, h, out);
    }

    /**
     * The image turned by {@code radians} about its centre (positive: clockwise on screen), same size, bilinear;
     * what turns out of the frame is lost and what turns in is filled with the nearest edge pixel.
     */
    GreyImage rotated(double radians) {
        if (radians == 0) {
            return this;
        }
        double cos = Math.cos(radians);
        double sin = Math.sin(radians);
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        int[] out = new int[pixels.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                // inverse mapping: where in the source this output pixel comes from
                double dx = x - cx;
                double dy = y - cy;
                out[y * width + x] = bilinear(cx + dx * cos + dy * sin, cy - dx * sin + dy * cos);
            }
        }
        return new GreyImage(width, height, out);
    }

    /**
     * The rectangle {@code [x0, x1) x [y0, y1)} (clamped to the image) resampled bilinearly by {@code factor}.
     */
    GreyImage crop(int x0, int y0, int x1, int y1, double factor) {
        int left = Math.clamp(x0, 0, width - 1);
        int top = Math.clamp(y0, 0, height - 1);
        int right = Math.clamp(x1, left + 1, width);
        int bottom = Math.clamp(y1, top + 1, height);
        int w = Math.max(1, (int) Math.round((right - left) * factor));
        int h = Math.max(1, (int) Math.round((bottom - top) * factor));
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = bilinear(left + (x + 0.5) / factor - 0.5, top + (y + 0.5) / factor - 0.5);
            }
        }
        return new GreyImage(w, h, out);
    }

    private int bilinear(double sx, double sy) {
        double x = Math.clamp(sx, 0, width - 1);
        double y = Math.clamp(sy, 0, height - 1);
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = Math.min(x0 + 1, width - 1);
        int y1 = Math.min(y0 + 1, height - 1);
        double fx = x - x0;
        double fy = y - y0;
        double top = pixels[y0 * width + x0] * (1 - fx) + pixels[y0 * width + x1] * fx;
        double bottom = pixels[y1 * width + x0] * (1 - fx) + pixels[y1 * width + x1] * fx;
        return (int) Math.round(top * (1 - fy) + bottom * fy);
    }
}
