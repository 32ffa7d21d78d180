package io.kycflow.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.util.Arrays;

/**
 * A downscaled copy of an image as luma and chroma planes, made by area averaging (every source pixel
 * counts in proportion to its overlap with the target pixel), in one streaming pass over the source rows.
 * Area averaging rather than point sampling keeps the copy free of aliasing, so measures taken on it
 * (the Laplacian especially) depend on the scene and not on the source resolution.
 *
 * @param width  copy width
 * @param height copy height
 * @param luma   BT.601 luma per pixel, 0-255, row-major
 * @param chroma max(R,G,B) - min(R,G,B) per pixel, 0-255, row-major
 */
record AnalysisCopy(int width, int height, float[] luma, float[] chroma) {

    /** Copies the image so its long side is at most {@code maxLongSide}; smaller images keep their size. */
    static AnalysisCopy of(BufferedImage image, int maxLongSide) {
        int w = image.getWidth();
        int h = image.getHeight();
        double scale = Math.min(1.0, (double) maxLongSide / Math.max(w, h));
        int cw = Math.max(1, (int) Math.round(w * scale));
        int ch = Math.max(1, (int) Math.round(h * scale));
        double xScale = (double) w / cw;
        double yScale = (double) h / ch;

        // Down the rows, which arrive one at a time: source row y adds the share yShare[y] of itself to target
        // row yBin[y] and the rest to the next one (a target row is at least one source row high). Each
        // target row is summed at source width first, so the costlier resampling across runs once per
        // target row rather than once per source row.
        int[] yBin = new int[h];
        float[] yShare = new float[h];
        for (int y = 0; y < h; y++) {
            yBin[y] = Math.min(ch - 1, (int) (y / yScale));
            yShare[y] = (float) Math.min(1.0, (yBin[y] + 1) * yScale - y);
        }
        Across across = new Across(w, cw, xScale);

        float[][] planes = new float[3][cw * ch];
        int[][] samples = new int[3][w];
        float[][] current = new float[3][w + 1]; // the extra 0 is read at the right edge, with a fraction of 0
        float[][] carried = new float[3][w + 1];
        RowReader rows = RowReader.of(image);
        for (int y = 0; y < h; y++) {
            rows.read(y, samples[0], samples[1], samples[2]);
            float share = yShare[y];
            boolean lastOfTargetRow = y == h - 1 || yBin[y + 1] != yBin[y];
            for (int c = 0; c < 3; c++) {
                int[] sample = samples[c];
                float[] sum = current[c];
                for (int x = 0; x < w; x++) {
                    sum[x] += sample[x] * share;
                }
                if (share < 1) {
                    float[] next = carried[c];
                    for (int x = 0; x < w; x++) {
                        next[x] += sample[x] * (1 - share);
                    }
                }
                if (lastOfTargetRow) {
                    across.resample(sum, planes[c], yBin[y] * cw);
                    Arrays.fill(sum, 0f);
                    current[c] = carried[c];
                    carried[c] = sum;
                }
            }
        }

        float norm = (float) (1 / (xScale * yScale));
        int n = cw * ch;
        float[] luma = new float[n];
        float[] chroma = new float[n];
        for (int i = 0; i < n; i++) {
            float r = planes[0][i] * norm;
            float g = planes[1][i] * norm;
            float b = planes[2][i] * norm;
            luma[i] = 0.299f * r + 0.587f * g + 0.114f * b;
            chroma[i] = Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
        }
        return new AnalysisCopy(cw, ch, luma, chroma);
    }

    /**
     * Area resampling across a row: target pixel x covers source positions [x * scale, (x + 1) * scale),
     * whole source pixels inside and a fraction of the one at either edge.
     */
    private static final class Across {
        private final int[] edgePixel;
        private final float[] edgeFraction;

        Across(int source, int target, double scale) {
            edgePixel = new int[target + 1];
            edgeFraction = new float[target + 1];
            for (int x = 0; x <= target; x++) {
                double position = Math.min(source, x * scale);
                edgePixel[x] = (int) position;
                edgeFraction[x] = (float) (position - edgePixel[x]);
            }
        }

        /** Writes the target row's sums into {@code out} from {@code offset}. */
        void resample(float[] row, float[] out, int offset) {
            for (int x = 0; x < edgePixel.length - 1; x++) {
                int start = edgePixel[x];
                int end = edgePixel[x + 1];
                float sum = edgeFraction[x + 1] * row[end] - edgeFraction[x] * row[start];
                for (int i = start; i < end; i++) {
                    sum += row[i];
                }
                out[offset + x] = sum;
            }
        }
    }

    /**
     * Reads one row of 8-bit R, G, B samples into the first {@code width} elements of the arrays, straight
     * from the raster's bytes where the layout allows.
     */
    private interface RowReader {
        void read(int y, int[] red, int[] green, int[] blue);

        static RowReader of(BufferedImage image) {
            Raster raster = image.getRaster();
            if (raster.getDataBuffer() instanceof DataBufferByte buffer
                    && buffer.getNumBanks() == 1
                    && raster.getSampleModel() instanceof PixelInterleavedSampleModel model
                    && image.getColorModel() instanceof ComponentColorModel colors
                    && Arrays.stream(colors.getComponentSize()).allMatch(bits -> bits == 8)) {
                int type = colors.getColorSpace().getType();
                int[] offsets = model.getBandOffsets();
                if (type == ColorSpace.TYPE_RGB && colors.getNumColorComponents() == 3) {
                    return interleaved(image, buffer, model, offsets[0], offsets[1], offsets[2]);
                }
                if (type == ColorSpace.TYPE_GRAY && colors.getNumColorComponents() == 1) {
                    return interleaved(image, buffer, model, offsets[0], offsets[0], offsets[0]);
                }
            }
            // palettes, 16-bit samples, packed ints...: the colour model's slower generic conversion, by row
            int width = image.getWidth();
            int[] argb = new int[width];
            return (y, red, green, blue) -> {
                image.getRGB(0, y, width, 1, argb, 0, width);
                for (int x = 0; x < width; x++) {
                    red[x] = (argb[x] >> 16) & 0xFF;
                    green[x] = (argb[x] >> 8) & 0xFF;
                    blue[x] = argb[x] & 0xFF;
                }
            };
        }

        private static RowReader interleaved(BufferedImage image, DataBufferByte buffer,
                                             PixelInterleavedSampleModel model, int r, int g, int b) {
            int width = image.getWidth();
            byte[] data = buffer.getData();
            Raster raster = image.getRaster();
            int stride = model.getScanlineStride();
            int step = model.getPixelStride();
            // a sub-image's raster starts part-way into its parent's buffer
            int origin = buffer.getOffset() - raster.getSampleModelTranslateY() * stride
                    - raster.getSampleModelTranslateX() * step;
            return (y, red, green, blue) -> {
                int p = origin + y * stride;
                for (int x = 0; x < width; x++, p += step) {
                    red[x] = data[p + r] & 0xFF;
                    green[x] = data[p + g] & 0xFF;
                    blue[x] = data[p + b] & 0xFF;
                }
            };
        }
    }
}
