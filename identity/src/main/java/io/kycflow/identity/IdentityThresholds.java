package io.kycflow.identity;

/**
 * The tenant-configurable thresholds of identity verification, every one on the 0-100 scale of the scores they are
 * compared with. A value in (0, 1] is refused: it is a fraction written where a percentage is meant (0.9 for 90),
 * which would approve every face.
 *
 * @param faceMatch         similarity at or above which the selfie matches the portrait
 * @param faceMatchReview   similarity from which, up to {@code faceMatch}, the match goes to review; below it the
 *                          faces do not match
 * @param liveness          liveness confidence at or above which the selfie is live
 * @param faceConfidence    detection confidence from which a face counts as one
 * @param selfieFaceWidth   the smallest width of the selfie's face, in percent of the image width
 * @param documentFaceWidth the smallest width of the document portrait, in percent of the image width
 * @param nameMatch         name match confidence at or above which a name agrees with the expected one
 */
public record IdentityThresholds(double faceMatch, double faceMatchReview, double liveness, double faceConfidence,
                                 double selfieFaceWidth, double documentFaceWidth, double nameMatch) {

    /** Face match 90 (review from 75), liveness 90, face confidence 90, faces 15% (selfie) and 5% (document) wide, names 85. */
    public static final IdentityThresholds DEFAULT = new IdentityThresholds(90, 75, 90, 90, 15, 5, 85);

    public IdentityThresholds {
        percent("faceMatch", faceMatch);
        percent("faceMatchReview", faceMatchReview);
        percent("liveness", liveness);
        percent("faceConfidence", faceConfidence);
        percent("selfieFaceWidth", selfieFaceWidth);
        percent("documentFaceWidth", documentFaceWidth);
        percent("nameMatch", nameMatch);
        if (faceMatchReview > faceMatch) {
            throw new IllegalArgumentException("faceMatchReview (" + faceMatchReview + ") must not exceed faceMatch ("
                    + faceMatch + ")");
        }
    }

    /** These thresholds with another face match threshold and review band start. */
    public IdentityThresholds withFaceMatch(double threshold, double reviewFrom) {
        return new IdentityThresholds(threshold, reviewFrom, liveness, faceConfidence, selfieFaceWidth,
                documentFaceWidth, nameMatch);
    }

    /** These thresholds with another liveness threshold. */
    public IdentityThresholds withLiveness(double threshold) {
        return new IdentityThresholds(faceMatch, faceMatchReview, threshold, faceConfidence, selfieFaceWidth,
                documentFaceWidth, nameMatch);
    }

    private static void percent(String name, double value) {
        if (Double.isNaN(value) || value < 0 || value > 100) {
            throw new IllegalArgumentException(name + " threshold " + value + " is outside the 0-100 scale");
        }
        if (value > 0 && value <= 1) {
            throw new IllegalArgumentException(name + " threshold " + value + " looks like a fraction; thresholds are"
                    + " on the 0-100 scale (write " + Math.round(value * 100) + " for " + value + ")");
        }
    }
}
