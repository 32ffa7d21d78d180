package io.kycflow.journey;

import io.kycflow.core.ConcurrentUpdateException;
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
}
