package io.kycflow.image;

import java.util.Objects;

/**
 * One check's measured value against its accepted range.
 *
 * @param check the check
 * @param value the measured value, in the check's unit (see {@link QualityCheck})
 * @param min   lowest passing value (inclusive), or null when the check has no lower bound
 * @param max   highest passing value (inclusive), or null when the check has no upper bound
 */
public record QualityMeasurement(QualityCheck check, double value, Double min, Double max) {

    public QualityMeasurement {
        Objects.requireNonNull(check, "check");
    }

    static QualityMeasurement atLeast(QualityCheck check, double value, double min) {
        return new QualityMeasurement(check, value, min, null);
    }

    static QualityMeasurement atMost(QualityCheck check, double value, double max) {
        return new QualityMeasurement(check, value, null, max);
    }

    static QualityMeasurement between(QualityCheck check, double value, double min, double max) {
        return new QualityMeasurement(check, value, min, max);
    }

    /** Whether the value is within the accepted range. */
    public boolean passed() {
        return (min == null || value >= min) && (max == null || value <= max);
    }
}
