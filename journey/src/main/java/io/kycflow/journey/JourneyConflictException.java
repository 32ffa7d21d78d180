package io.kycflow.journey;

/** A user action that does not fit the journey's current step (answered 409). */
public final class JourneyConflictException extends RuntimeException {
    public JourneyConflictException(String message) {
        super(message, null, false, false);
    }
}
