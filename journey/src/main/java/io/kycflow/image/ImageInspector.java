package io.kycflow.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Checks an uploaded capture against {@link ImageLimits} and decodes it, in order of cost: size, magic
 * bytes, dimensions from the header (so a decompression bomb is refused before any pixel memory is
 * allocated), then a complete decode in which any decoder warning counts as damage (ImageIO quietly fills
 * the missing part of a truncated JPEG with grey and only reports a warning).
 *
 * <p>Very large images are decoded with integer subsampling so the decoded copy keeps a long side of at
 * least {@link #DEFAULT_MIN_DECODED_LONG_SIDE} pixels: still twice what {@link ImageQualityAnalyzer}
 * looks at, while a 7999 x 7999 image needs 21 MB instead of 192 MB. The decoder still reads the whole
 * file, so damage anywhere is still found.
 *
 * <p>Thread-safe; nothing is logged.
 */
public final class ImageInspector {

    /** Decoded copies keep at least this long side; see the class description. */
    public static final int DEFAULT_MIN_DECODED_LONG_SIDE = 2048;

    private static final double MEGABYTE = 1024 * 1024;

    private final ImageLimits limits;
    private final int minDecodedLongSide;

    /** An inspector for the published limits. */
    public ImageInspector() {
        this(ImageLimits.DEFAULT, DEFAULT_MIN_DECODED_LONG_SIDE);
    }

    /**
     * @param limits             the limits to enforce
     * @param minDecodedLongSide images at least twice this long are decoded subsampled;
     *                           {@link Integer#MAX_VALUE} always decodes at full resolution
     */
    public ImageInspector(ImageLimits limits, int minDecodedLongSide) {
        this.limits = Objects.requireNonNull(limits, "limits");
        if (minDecodedLongSide < 1) {
            throw new IllegalArgumentException("minDecodedLongSide must be positive: " + minDecodedLongSide);
        }
        this.minDecodedLongSide = minDecodedLongSide;
    }

    /** The limits this inspector enforces. */
    public ImageLimits limits() {
        return limits;
    }

    /**
     * Inspects an object read from a stream, e.g. an S3 object, without reading more than the size limit.
     * The stream is not closed.
     *
     * @param declaredSize the size the store reports (e.g. S3 Content-Length), or -1 when unknown; a
     *                     declared size over the limit is refused without reading anything
     */
    public ImageInspection inspect(InputStream in, long declaredSize) throws IOException {
        if (declaredSize > limits.maxBytes()) {
            return tooLarge(declaredSize);
        }
        byte[] data = in.readNBytes(Math.toIntExact(limits.maxBytes() + 1));
        if (data.length > limits.maxBytes()) {
            // more bytes than declared: the real size is unknown and not worth reading on for
            return new ImageInspection.Rejected(RejectionCode.TOO_LARGE,
                    "The image is over the " + roundedUp(limits.maxBytes()) + " MB limit.");
        }
        return inspect(data);
    }

    /** Inspects a complete file. */
    public ImageInspection inspect(byte[] data) {
        if (data.length > limits.maxBytes()) {
            return tooLarge(data.length);
        }
        if (data.length == 0) {
            return new ImageInspection.Rejected(RejectionCode.UNSUPPORTED_TYPE, "The file is empty.");
        }
        Optional<ImageFormat> format = ImageFormat.detect(data);
        if (format.isEmpty()) {
            return new ImageInspection.Rejected(RejectionCode.UNSUPPORTED_TYPE,
                    "The file is not a JPEG or PNG image. Please upload a photo in one of those formats.");
        }
        ImageReader reader = readerFor(format.get());
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(input, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (!limits.sidesWithinMax(width, height)) {
                return new ImageInspection.Rejected(RejectionCode.TOO_MANY_PIXELS, String.format(Locale.ROOT,
                        "The image is %d x %d pixels; each side must be under %d pixels.",
                        width, height, limits.maxSidePixels()));
            }
            if (!limits.longestSideLargeEnough(width, height)) {
                return new ImageInspection.Rejected(RejectionCode.TOO_SMALL, String.format(Locale.ROOT,
                        "The image is %d x %d pixels; its longest side must be over %d pixels.",
                        width, height, limits.minLongestSide()));
            }
            int subsampling = Math.max(1, Math.max(width, height) / minDecodedLongSide);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(subsampling, subsampling, 0, 0);
            boolean[] warned = {false};
            reader.addIIOReadWarningListener((source, warning) -> warned[0] = true);
            BufferedImage image = reader.read(0, param);
            if (warned[0]) {
                return undecodable();
            }
            return new ImageInspection.Accepted(format.get(), width, height, data.length, image, subsampling);
        } catch (IOException | RuntimeException e) {
            // ImageIO readers answer malformed input with IIOException but also with unchecked exceptions
            // (IllegalArgumentException, IndexOutOfBoundsException, ...): all of them mean "damaged file".
            return undecodable();
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader readerFor(ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + format);
        }
        return readers.next();
    }

    private ImageInspection.Rejected tooLarge(long size) {
        return new ImageInspection.Rejected(RejectionCode.TOO_LARGE, String.format(Locale.ROOT,
                "The image is %s MB; the limit is %s MB.", roundedUp(size), roundedUp(limits.maxBytes())));
    }

    /** Megabytes with one decimal at most, rounded up so a file over the limit never reads as equal to it. */
    private static String roundedUp(long bytes) {
        double tenths = Math.ceil(bytes * 10 / MEGABYTE);
        return tenths % 10 == 0
                ? String.valueOf((long) tenths / 10)
                : String.format(Locale.ROOT, "%.1f", tenths / 10);
    }

    private static ImageInspection.Rejected undecodable() {
        return new ImageInspection.Rejected(RejectionCode.UNDECODABLE,
                "The image could not be read completely; the file may be damaged or cut short. "
                        + "Please take or upload the photo again.");
    }
}
