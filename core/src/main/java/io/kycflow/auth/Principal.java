package io.kycflow.auth;

import java.util.Set;

/**
 * Who is calling: a tenant's API key with its scopes, or an end user holding one journey's token.
 *
 * @param tenantId  the tenant every read and write is scoped to
 * @param type      API key or journey token
 * @param scopes    the key's scopes (empty for journey tokens)
 * @param journeyId the journey a journey token grants (null for API keys)
 * @param keyId     a non-secret id of the API key (the start of its hash), recorded as who reviewed or decided;
 *                  null for journey tokens
 */
public record Principal(String tenantId, Type type, Set<Scope> scopes, String journeyId, String keyId) {

    /** Characters of the key's SHA-256 hex that identify it in records. */
    public static final int KEY_ID_LENGTH = 12;

    /** Kinds of caller. */
    public enum Type { API_KEY, JOURNEY }

    public static Principal apiKey(String tenantId, Set<Scope> scopes, String keyId) {
        return new Principal(tenantId, Type.API_KEY, Set.copyOf(scopes), null, keyId);
    }

    public static Principal journey(String tenantId, String journeyId) {
        return new Principal(tenantId, Type.JOURNEY, Set.of(), journeyId, null);
    }

    /** Who acted, for audit fields: {@code api_key:<keyId>} or {@code journey:<journeyId>}. */
    public String actor() {
        return type == Type.JOURNEY ? "journey:" + journeyId : "api_key:" + keyId;
    }
}
