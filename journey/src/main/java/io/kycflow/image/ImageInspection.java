package io.kycflow.image;

import java.awt.image.BufferedImage;
import java.util.Objects;

/** The outcome of {@link ImageInspector#inspect}: either an accepted, fully decoded image or a rejection. */
public sealed interface ImageInspection {

    /**
     * A supported image within the limits that decoded completely.
     *
     * @param format      the format found in the file's bytes
     * @param width       full-resolution width, from the file's header
     * @param height      full-resolution height, from the file's header
     * @param sizeBytes   file size
     * @param image       the decoded pixels; for very large images a subsampled copy (see {@code subsampling})
     * @param subsampling 1 when {@code image} is full resolution, else the factor it was decoded at
     *                    (every n-th pixel of every n-th row)
     */
    record Accepted(ImageFormat format, int width, int height, long sizeBytes, BufferedImage image,
                    int subsampling) implements ImageInspection {
        public Accepted {
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(image, "image");
        }
    }

    /**
     * A refused file.
     *
     * @param code    stable machine code
     * @param message a sentence for the end user saying what is wrong (never contains image content)
     */
    record Rejected(RejectionCode code, String message) implements ImageInspection {
        public Rejected {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }
}
