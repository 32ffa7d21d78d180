package io.kycflow.kyc;

/** A change the check's state does not allow (a second decision). */
public final class KycConflictException extends RuntimeException {
    public KycConflictException(String message) {
        super(message, null, false, false);
    }
}
