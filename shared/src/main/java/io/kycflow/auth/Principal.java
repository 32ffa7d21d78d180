package io.kycflow.auth;

import java.util.Set;

/**
 * Who is calling: a tenant's API key with its scopes, or an end user holding one journey's token.
 *
 * @param tenantId  the tenant every read and write is scoped to
 * @param type      API key or journey token
 * @param scopes    the key's scopes (empty for journey tokens)
 * @param journeyId the journey a journey token grants (null for API keys)
 */
public record Principal(String tenantId, Type type, Set<Scope> scopes, String journeyId) {

    /** Kinds of caller. */
    public enum Type { API_KEY, JOURNEY }

    public static Principal apiKey(String tenantId, Set<Scope> scopes) {
        return new Principal(tenantId, Type.API_KEY, Set.copyOf(scopes), null);
    }

    public static Principal journey(String tenantId, String journeyId) {
        return new Principal(tenantId, Type.JOURNEY, Set.of(), journeyId);
    }
}
