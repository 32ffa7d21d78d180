package io.kycflow.kya;

import java.util.Objects;

/**
 * Why an address was refused.
 *
 * @param reason the category, which decides the API error
 * @param detail a human-readable explanation, safe to return to the caller
 */
public record AddressRejection(Reason reason, String detail) implements AddressParseResult {

    /** Rejection categories. */
    public enum Reason {
        /** Not shaped like any supported address: wrong prefix, length, alphabet, case, version or program. */
        UNRECOGNISED_FORMAT,
        /** Well-formed but the checksum does not match: most likely a typo (API: 400 invalid_format). */
        INVALID_CHECKSUM,
        /** A valid address of another chain than the one the caller named. */
        CHAIN_MISMATCH
    }

    public AddressRejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    static AddressRejection format(String detail) {
        return new AddressRejection(Reason.UNRECOGNISED_FORMAT, detail);
    }

    static AddressRejection checksum(String detail) {
        return new AddressRejection(Reason.INVALID_CHECKSUM, detail);
    }
}
