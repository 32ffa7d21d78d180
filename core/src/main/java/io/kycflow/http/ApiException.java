package io.kycflow.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.json.Json;

/**
 * A request the API refuses, with the contract's error code, a message safe to show the caller and, when one
 * field is at fault, its name.
 */
public final class ApiException extends RuntimeException {
    private final ErrorCode code;
    private final String parameter;

    public ApiException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public ApiException(ErrorCode code, String message, String parameter) {
        super(message, null, false, false);
        this.code = code;
        this.parameter = parameter;
    }

    public ErrorCode code() {
        return code;
    }

    public String parameter() {
        return parameter;
    }

    /** The contract's error body: {@code {"error": {code, message, parameter?, request_id}}}. */
    public static ObjectNode body(ErrorCode code, String message, String parameter, String requestId) {
        ObjectNode error = Json.object()
                .put("code", code.code())
                .put("message", message);
        if (parameter != null) {
            error.put("parameter", parameter);
        }
        error.put("request_id", requestId);
        ObjectNode body = Json.object();
        body.set("error", error);
        return body;
    }

    public ObjectNode body(String requestId) {
        return body(code, getMessage(), parameter, requestId);
    }
}
