package io.kycflow.http;

/** The error codes of the API contract, each with its HTTP status. */
public enum ErrorCode {
    INVALID_PAYLOAD(400),
    MISSING_DATA(400),
    INVALID_PARAMETER(400),
    INVALID_FORMAT(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    CONFLICT(409),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    RATE_LIMITED(429),
    INTERNAL_ERROR(500);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The code as it appears in response bodies. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
