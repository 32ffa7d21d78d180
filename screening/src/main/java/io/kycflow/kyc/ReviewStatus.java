package io.kycflow.kyc;

import java.util.Locale;

/** Where a reviewer left a hit. */
public enum ReviewStatus {
    /** Not reviewed yet: the check waits for a reviewer. */
    PENDING,
    /** The reviewer confirmed the subject is the listed entry. */
    CONFIRMED,
    /** The reviewer ruled the hit a false positive: not raised again unless the listed entry changes. */
    CLEARED;

    /** The API's spelling. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReviewStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
