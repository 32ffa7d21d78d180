package io.kycflow.identity.aws;

/**
 * Thresholds on Rekognition's 0-100 scale. A value of 1 or less is refused: it is almost surely a 0-1 fraction
 * (0.9 meant as 90 %), and Rekognition would take it as 0.9 % and match nearly every face.
 */
final class Percent {
    private Percent() {
    }

    /** The threshold as Rekognition takes it, or an exception naming {@code what} when it is not on the 0-100 scale. */
    static float of(String what, double value) {
        if (!(value > 1 && value <= 100)) {
            throw new IllegalArgumentException(what + " is on Rekognition's 0-100 scale, above 1 and at most 100; got "
                    + value + (value > 0 && value <= 1 ? " (a 0-1 fraction? write " + Math.round(value * 100) + ")" : ""));
        }
        return (float) value;
    }
}
