package io.kycflow.image;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of {@link ImageQualityAnalyzer}: one measurement per {@link QualityCheck}, in that enum's order.
 *
 * @param width        full-resolution width of the analysed image
 * @param height       full-resolution height
 * @param measurements one per check
 */
public record ImageQualityReport(int width, int height, List<QualityMeasurement> measurements) {

    public ImageQualityReport {
        measurements = List.copyOf(measurements);
    }

    /** The measurement of one check. */
    public QualityMeasurement measurement(QualityCheck check) {
        Objects.requireNonNull(check, "check");
        return measurements.stream()
                .filter(m -> m.check() == check)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not measured: " + check));
    }

    /** Whether every check passed ({@code imageQuality.result}). */
    public boolean passed() {
        return measurements.stream().allMatch(QualityMeasurement::passed);
    }

    /** The failed checks that make the document unreadable: grounds to decline. */
    public List<QualityMeasurement> hardFailures() {
        return failures(true);
    }

    /** The failed checks worth a warning or a review, but no reason to decline. */
    public List<QualityMeasurement> softFailures() {
        return failures(false);
    }

    private List<QualityMeasurement> failures(boolean hard) {
        return measurements.stream().filter(m -> !m.passed() && m.check().hard() == hard).toList();
    }

    /**
     * The report as seed 001's {@code imageQuality.frontIdCheck}: {@code ImageGlares}, {@code ImageFocus},
     * {@code ImageResolution} as Booleans, {@code ImageColorness} and {@code Brightness} as the Strings
     * "True"/"False". Perspective, Bounds and Portrait are not measured here and so are absent.
     */
    public Map<String, Object> toFrontIdCheck() {
        Map<String, Object> result = new LinkedHashMap<>();
        for (QualityMeasurement m : measurements) {
            result.put(m.check().resultField(), m.check().resultValue(m.passed()));
        }
        return result;
    }
}
