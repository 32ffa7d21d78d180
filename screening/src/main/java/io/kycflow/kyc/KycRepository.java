package io.kycflow.kyc;

import io.kycflow.core.ConcurrentUpdateException;
import java.util.Optional;

/** Where KYC checks are kept. Every read and write names the tenant. */
public interface KycRepository {

    Optional<KycCheck> find(String tenantId, String jobId);

    /** Stores a new check (version 1). */
    void create(KycCheck check);

    /**
     * Stores the check if nobody changed it since it was read, and bumps its version.
     *
     * @throws ConcurrentUpdateException when another writer got there first
     */
    void save(KycCheck check);
}
