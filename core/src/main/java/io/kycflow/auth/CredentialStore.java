package io.kycflow.auth;

import java.util.Optional;
import java.util.Set;

/** Where hashed credentials live (DynamoDB in production). */
public interface CredentialStore {

    /** A stored API key. */
    record ApiKey(String tenantId, Set<Scope> scopes, boolean active) {
    }

    /** A stored journey token: valid for one journey until it expires. */
    record JourneyToken(String tenantId, String journeyId, long expiresAtMillis) {
    }

    Optional<ApiKey> findApiKey(String keyHash);

    Optional<JourneyToken> findJourneyToken(String tokenHash);
}
