package io.kycflow.auth;

import io.kycflow.http.ApiRoutes;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a request may reach the API: finds the caller from its bearer secret, then checks the route's
 * access rule. Unknown or expired credentials are unauthenticated (401); known credentials without the right
 * are denied (403). A route that does not exist is let through to the API for an honest 404.
 */
public final class Authenticator {

    /** The outcome for one request. */
    public sealed interface Decision permits Allowed, Denied, Unauthenticated {
    }

    public record Allowed(Principal principal) implements Decision {
    }

    public record Denied(Principal principal, String reason) implements Decision {
    }

    public record Unauthenticated(String reason) implements Decision {
    }

    private final CredentialStore store;
    private final Clock clock;

    public Authenticator(CredentialStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * @param method  HTTP method
     * @param path    request path without stage, e.g. /journeys/j-1/consent
     * @param headers request headers (any case)
     */
    public Decision decide(String method, String path, Map<String, String> headers) {
        String secret = bearerSecret(headers);
        if (secret == null) {
            return new Unauthenticated("no credentials");
        }
        Optional<Principal> principal = Secrets.isJourneyToken(secret) ? journeyPrincipal(secret) : keyPrincipal(secret);
        if (principal.isEmpty()) {
            return new Unauthenticated("unknown or expired credentials");
        }
        Principal caller = principal.get();
        ApiRoutes.Match match = ApiRoutes.match(method, path);
        String refusal = match == null ? null : match.refusal(caller);
        return refusal == null ? new Allowed(caller) : new Denied(caller, refusal);
    }

    private Optional<Principal> keyPrincipal(String secret) {
        String hash = Secrets.hash(secret);
        return store.findApiKey(hash)
                .filter(CredentialStore.ApiKey::active)
                .map(key -> Principal.apiKey(key.tenantId(), key.scopes(), hash.substring(0, Principal.KEY_ID_LENGTH)));
    }

    private Optional<Principal> journeyPrincipal(String secret) {
        long now = clock.millis();
        return store.findJourneyToken(Secrets.hash(secret))
                .filter(token -> token.expiresAtMillis() > now)
                .map(token -> Principal.journey(token.tenantId(), token.journeyId()));
    }

    /** The secret from {@code Authorization: Bearer …} or {@code x-api-key}, whichever is present. */
    static String bearerSecret(Map<String, String> headers) {
        if (headers == null) {
            return null;
        }
        String authorization = null;
        String apiKey = null;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("authorization")) {
                authorization = header.getValue();
            } else if (name.equals("x-api-key")) {
                apiKey = header.getValue();
            }
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String value = authorization.substring(7).trim();
            if (!value.isEmpty()) {
                return value;
            }
        }
        return apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
    }
}
