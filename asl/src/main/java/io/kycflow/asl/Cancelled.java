package io.kycflow.asl;

/**
 * Thrown out of every wait when the surrounding scope ends: the execution was stopped, timed out or the runtime
 * shut down, or a sibling Parallel branch / Map iteration failed. Never caught by Retry or Catch.
 */
final class Cancelled extends RuntimeException {
    Cancelled() {
        super("cancelled", null, false, false);
    }
}
