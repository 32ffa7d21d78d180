package io.kycflow.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Bearer secrets: API keys ({@code kf_…}) and journey tokens ({@code jt_…}). Only their SHA-256 is stored, so a
 * leaked table does not leak credentials; 256 random bits make a salt unnecessary.
 */
public final class Secrets {
    public static final String API_KEY_PREFIX = "kf_";
    public static final String JOURNEY_TOKEN_PREFIX = "jt_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    public static String newApiKey() {
        return API_KEY_PREFIX + random(32);
    }

    public static String newJourneyToken() {
        return JOURNEY_TOKEN_PREFIX + random(32);
    }

    /** A URL-safe random identifier with the given number of random bytes. */
    public static String random(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    /** Hex SHA-256 of a secret: the only form in which secrets are stored. */
    public static String hash(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    public static boolean isJourneyToken(String secret) {
        return secret.startsWith(JOURNEY_TOKEN_PREFIX);
    }
}
