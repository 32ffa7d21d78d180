package io.kycflow.journey;

/**
 * A step of the state machine names a journey that does not exist (a bug or a deleted journey): the step fails
 * visibly instead of recording into nothing.
 */
public final class JourneyNotFoundException extends RuntimeException {
    public JourneyNotFoundException(String journeyId) {
        super("journey " + journeyId + " not found", null, false, false);
    }
}
