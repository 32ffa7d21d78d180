package io.kycflow.image;

/** Why an upload was refused: stable machine codes, safe to store and to return to API clients. */
public enum RejectionCode {
    /** The file is larger than {@link ImageLimits#maxBytes()}. */
    TOO_LARGE,
    /** The file is neither a JPEG nor a PNG (judged by its bytes, whatever content type was claimed). */
    UNSUPPORTED_TYPE,
    /** The file looks like a JPEG or PNG but cannot be decoded completely: damaged or truncated. */
    UNDECODABLE,
    /** A side is {@link ImageLimits#maxSidePixels()} pixels or more. */
    TOO_MANY_PIXELS,
    /** The longest side is {@link ImageLimits#minLongestSide()} pixels or fewer. */
    TOO_SMALL
}
