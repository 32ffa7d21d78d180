package io.kycflow.journey;

import io.kycflow.auth.Secrets;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a journey capture is uploaded: {@code uploads/{tenantId}/{journeyId}/{FRONT|BACK|SELFIE}/{uploadId}}. The
 * API presigns uploads to such keys and the upload trigger reads the journey and side back from them.
 */
public record CaptureKey(String tenantId, String journeyId, CaptureSide side, String uploadId) {
    private static final Pattern KEY = Pattern.compile("uploads/([^/]+)/([^/]+)/(FRONT|BACK|SELFIE)/([^/]+)");

    /** A key of its own for a new upload. */
    public static CaptureKey newUpload(String tenantId, String journeyId, CaptureSide side) {
        return new CaptureKey(tenantId, journeyId, side, Secrets.random(12));
    }

    /** The capture an object key names; empty for any other key. */
    public static Optional<CaptureKey> parse(String key) {
        Matcher m = KEY.matcher(key);
        return m.matches()
                ? Optional.of(new CaptureKey(m.group(1), m.group(2), CaptureSide.valueOf(m.group(3)), m.group(4)))
                : Optional.empty();
    }

    /** The object key. */
    public String key() {
        return "uploads/" + tenantId + "/" + journeyId + "/" + side.name() + "/" + uploadId;
    }
}
