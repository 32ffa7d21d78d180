package io.kycflow.journey;

import java.util.Optional;

/** Where journeys are kept. Every read and write names the tenant: there is no way to reach another tenant's journey. */
public interface JourneyRepository {

    Optional<Journey> find(String tenantId, String journeyId);

    /** Stores a new journey together with the hash of its journey token, atomically. */
    void create(Journey journey, String journeyTokenHash);

    /**
     * Stores the journey if nobody changed it since it was read, and bumps its version.
     *
     * @throws ConcurrentUpdateException when another writer got there first
     */
    void save(Journey journey);

    /** Another writer changed the journey since it was read; read it again and retry. */
    final class ConcurrentUpdateException extends RuntimeException {
        public ConcurrentUpdateException(String message) {
            super(message, null, false, false);
        }
    }
}
