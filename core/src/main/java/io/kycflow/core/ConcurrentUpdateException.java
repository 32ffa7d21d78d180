package io.kycflow.core;

/**
 * Another writer changed the aggregate (a journey, a KYC check) since it was read: read it again and retry. The
 * repositories of every capability throw it from their optimistic-locking writes.
 */
public final class ConcurrentUpdateException extends RuntimeException {
    public ConcurrentUpdateException(String message) {
        super(message, null, false, false);
    }
}
