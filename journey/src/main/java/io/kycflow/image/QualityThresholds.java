package io.kycflow.image;

import java.util.Map;

/**
 * Pass marks for {@link ImageQualityAnalyzer}, each overridable through a {@code KYCFLOW_QA_*} variable.
 *
 * <p>Why the defaults are what they are:
 * <ul>
 *   <li>short side 600 px: with the document filling ~80% of the frame, an ID-1 card's MRZ characters are
 *       then ~20 px tall, enough for OCR; every phone camera and a 720p webcam clear it. (The upload limit
 *       of a longest side over 300 px only weeds out thumbnails.)</li>
 *   <li>focus 15: sharp document photos score in the hundreds to thousands at the analysis size, while a
 *       blur of about 2 px there (fine print no longer legible) scores 5-15 and a badly defocused photo
 *       under 1. Content matters (a sparse card scores lower than a dense page), so the mark is set low:
 *       a hard failure declines.</li>
 *   <li>brightness 50-235 (mean luma): under 50 the print sinks into noise; over 235 the paper and most
 *       of the print are blown out. Pale documents filling the frame, well exposed, measure about 185-225.</li>
 *   <li>glare 0.02: one blown-out region covering 2% of the image (about 120 x 120 px of the 1024-px analysis
 *       copy) is big enough to hide a field. Soft: it may miss every field that matters.</li>
 *   <li>colorness 5 (mean chroma): a greyscale image measures 0 and a photographed photocopy a few units,
 *       pale-tinted document backgrounds 10 and more. Soft: a monochrome camera setting is not fraud.</li>
 * </ul>
 * The focus, glare and colorness marks were set on the synthetic samples of the test sources; tune them on
 * real traffic.
 *
 * @param minShortSide  least short side in pixels ({@value #MIN_SHORT_SIDE})
 * @param minFocus      least Laplacian variance at the analysis size ({@value #MIN_FOCUS})
 * @param minBrightness least mean luma, 0-255 ({@value #MIN_BRIGHTNESS})
 * @param maxBrightness greatest mean luma, 0-255 ({@value #MAX_BRIGHTNESS})
 * @param maxGlareRatio greatest share of the image one blown-out region may cover, 0-1 ({@value #MAX_GLARE_RATIO})
 * @param minColorness  least mean chroma, 0-255 ({@value #MIN_COLORNESS})
 */
public record QualityThresholds(int minShortSide, double minFocus, double minBrightness, double maxBrightness,
                                double maxGlareRatio, double minColorness) {

    public static final String MIN_SHORT_SIDE = "KYCFLOW_QA_MIN_SHORT_SIDE";
    public static final String MIN_FOCUS = "KYCFLOW_QA_MIN_FOCUS";
    public static final String MIN_BRIGHTNESS = "KYCFLOW_QA_MIN_BRIGHTNESS";
    public static final String MAX_BRIGHTNESS = "KYCFLOW_QA_MAX_BRIGHTNESS";
    public static final String MAX_GLARE_RATIO = "KYCFLOW_QA_MAX_GLARE_RATIO";
    public static final String MIN_COLORNESS = "KYCFLOW_QA_MIN_COLORNESS";

    /** The defaults, explained in the class description. */
    public static final QualityThresholds DEFAULTS = new QualityThresholds(600, 15, 50, 235, 0.02, 5);

    public QualityThresholds {
        require(minShortSide >= 1, MIN_SHORT_SIDE, "must be at least 1", minShortSide);
        require(minFocus >= 0 && Double.isFinite(minFocus), MIN_FOCUS, "must be 0 or more", minFocus);
        require(minBrightness >= 0 && minBrightness <= 255, MIN_BRIGHTNESS, "must be within 0-255", minBrightness);
        require(maxBrightness >= 0 && maxBrightness <= 255, MAX_BRIGHTNESS, "must be within 0-255", maxBrightness);
        require(minBrightness < maxBrightness, MIN_BRIGHTNESS, "must be below " + MAX_BRIGHTNESS + " ("
                + maxBrightness + ")", minBrightness);
        require(maxGlareRatio >= 0 && maxGlareRatio <= 1, MAX_GLARE_RATIO, "must be within 0-1", maxGlareRatio);
        require(minColorness >= 0 && minColorness <= 255, MIN_COLORNESS, "must be within 0-255", minColorness);
    }

    /**
     * Thresholds from environment variables; an unset or blank variable keeps its default.
     *
     * @throws IllegalArgumentException naming the variable, when a value is not a number or out of range
     */
    public static QualityThresholds fromEnvironment(Map<String, String> env) {
        return new QualityThresholds(
                (int) number(env, MIN_SHORT_SIDE, DEFAULTS.minShortSide, true),
                number(env, MIN_FOCUS, DEFAULTS.minFocus, false),
                number(env, MIN_BRIGHTNESS, DEFAULTS.minBrightness, false),
                number(env, MAX_BRIGHTNESS, DEFAULTS.maxBrightness, false),
                number(env, MAX_GLARE_RATIO, DEFAULTS.maxGlareRatio, false),
                number(env, MIN_COLORNESS, DEFAULTS.minColorness, false));
    }

    private static double number(Map<String, String> env, String variable, double fallback, boolean wholeNumber) {
        String raw = env.get(variable);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            double value = wholeNumber ? Integer.parseInt(raw.strip()) : Double.parseDouble(raw.strip());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the variable's name
        }
        throw new IllegalArgumentException(variable + " must be " + (wholeNumber ? "a whole number" : "a number")
                + ", was '" + raw + "'");
    }

    private static void require(boolean condition, String variable, String rule, Object value) {
        if (!condition) {
            throw new IllegalArgumentException(variable + " " + rule + ", was " + value);
        }
    }
}
