package io.kycflow.auth;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class AuthenticatorTest {
    private static final String KEY = "kf_test-key";
    private static final String READ_ONLY = "kf_read-only";
    private static final String TOKEN = "jt_token";
    private static final String EXPIRED_TOKEN = "jt_expired";
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_000_000), ZoneOffset.UTC);

    private final CredentialStore store = new CredentialStore() {
        @Override
        public Optional<ApiKey> findApiKey(String hash) {
            if (hash.equals(Secrets.hash(KEY))) {
                return Optional.of(new ApiKey("acme", Set.of(Scope.KYC_READ, Scope.KYC_WRITE), true));
            }
            if (hash.equals(Secrets.hash(READ_ONLY))) {
                return Optional.of(new ApiKey("acme", Set.of(Scope.KYC_READ), true));
            }
            return Optional.empty();
        }

        @Override
        public Optional<JourneyToken> findJourneyToken(String hash) {
            if (hash.equals(Secrets.hash(TOKEN))) {
                return Optional.of(new JourneyToken("acme", "j_1", 2_000_000));
            }
            if (hash.equals(Secrets.hash(EXPIRED_TOKEN))) {
                return Optional.of(new JourneyToken("acme", "j_1", 999_999));
            }
            return Optional.empty();
        }
    };
    private final Authenticator authenticator = new Authenticator(store, CLOCK);

    @Test
    void apiKeyWithScopeIsAllowedThroughEitherHeader() {
        var bearer = authenticator.decide("POST", "/journeys", Map.of("Authorization", "Bearer " + KEY));
        var header = authenticator.decide("POST", "/journeys", Map.of("X-Api-Key", KEY));
        assertEquals("acme", assertInstanceOf(Authenticator.Allowed.class, bearer).principal().tenantId());
        assertInstanceOf(Authenticator.Allowed.class, header);
    }

    @Test
    void missingOrUnknownCredentialsAreUnauthenticated() {
        assertInstanceOf(Authenticator.Unauthenticated.class, authenticator.decide("GET", "/journeys/j_1", Map.of()));
        assertInstanceOf(Authenticator.Unauthenticated.class,
                authenticator.decide("GET", "/journeys/j_1", Map.of("authorization", "Bearer kf_nope")));
        assertInstanceOf(Authenticator.Unauthenticated.class,
                authenticator.decide("GET", "/journeys/j_1/status", Map.of("authorization", "Bearer " + EXPIRED_TOKEN)));
    }

    @Test
    void missingScopeIsDenied() {
        assertInstanceOf(Authenticator.Denied.class,
                authenticator.decide("POST", "/journeys", Map.of("authorization", "Bearer " + READ_ONLY)));
    }

    @Test
    void journeyTokenGrantsOnlyItsOwnJourneysUserSteps() {
        Map<String, String> headers = Map.of("authorization", "Bearer " + TOKEN);
        assertInstanceOf(Authenticator.Allowed.class, authenticator.decide("POST", "/journeys/j_1/consent", headers));
        assertInstanceOf(Authenticator.Denied.class, authenticator.decide("POST", "/journeys/j_2/consent", headers));
        assertInstanceOf(Authenticator.Denied.class, authenticator.decide("GET", "/journeys/j_1", headers), "the result is the tenant's");
        assertInstanceOf(Authenticator.Denied.class, authenticator.decide("POST", "/journeys", headers));
    }

    @Test
    void apiKeyCannotActAsTheEndUser() {
        assertInstanceOf(Authenticator.Denied.class,
                authenticator.decide("POST", "/journeys/j_1/consent", Map.of("authorization", "Bearer " + KEY)));
    }
}
