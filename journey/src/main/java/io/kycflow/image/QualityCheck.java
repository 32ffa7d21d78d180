package io.kycflow.image;

/**
 * The image-quality checks, in the order of seed 001's {@code imageQuality.frontIdCheck}.
 *
 * <p>A <em>hard</em> check failing means the document cannot be read reliably (too few pixels, out of
 * focus, too dark or washed out): the decision may decline on it. A soft one (glare, colour) is reported
 * and may send the journey to review, but is no reason to decline: a glare spot may miss every field, and
 * a greyscale image may be a legitimate camera setting.
 */
public enum QualityCheck {
    /** Largest 4-connected region of blown-out pixels (luma 250 or more), as a fraction of the image. */
    GLARE("ImageGlares", false, false),
    /** Variance of the Laplacian of the luma, at a fixed analysis size. */
    FOCUS("ImageFocus", true, false),
    /** Short side in pixels, at full resolution. */
    RESOLUTION("ImageResolution", true, false),
    /** Mean chroma (max - min of R, G, B; 0-255): near 0 for greyscale images and photocopies. */
    COLORNESS("ImageColorness", false, true),
    /** Mean luma, 0-255. */
    BRIGHTNESS("Brightness", true, true);

    private final String resultField;
    private final boolean hard;
    private final boolean textResult;

    QualityCheck(String resultField, boolean hard, boolean textResult) {
        this.resultField = resultField;
        this.hard = hard;
        this.textResult = textResult;
    }

    /** The field name in {@code imageQuality.frontIdCheck}, e.g. {@code ImageFocus}. */
    public String resultField() {
        return resultField;
    }

    /** Whether a failure makes the document unreadable (see the class description). */
    public boolean hard() {
        return hard;
    }

    /** The value seed 001 gives this check: a Boolean, or the String "True"/"False" where it types it so. */
    Object resultValue(boolean passed) {
        if (textResult) {
            return passed ? "True" : "False";
        }
        return passed;
    }
}
