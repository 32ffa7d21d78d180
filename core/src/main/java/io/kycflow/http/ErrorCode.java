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
    INTERNAL_ERROR(500),
    /** The service is starting or stopping; the answer carries Retry-After. */
    UNAVAILABLE(503),
    /** No sanctions list is loaded, so nothing can be screened (never answered as "no hits"). */
    LISTS_UNAVAILABLE(503);

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
