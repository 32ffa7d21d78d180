package io.kycflow.fn.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.json.Json;

/** A response before it becomes an API Gateway proxy result. */
record ApiResponse(int statusCode, String body) {

    static ApiResponse json(int statusCode, JsonNode body) {
        return new ApiResponse(statusCode, Json.write(body));
    }

    /** The proxy integration result. */
    ObjectNode toProxyResult(String requestId) {
        ObjectNode result = Json.object().put("statusCode", statusCode);
        result.putObject("headers")
                .put("Content-Type", "application/json")
                .put("X-Request-Id", requestId)
                .put("Cache-Control", "no-store")
                // The hosted journey page calls the API from the browser; preflights are answered by API Gateway.
                .put("Access-Control-Allow-Origin", "*");
        result.put("body", body);
        result.put("isBase64Encoded", false);
        return result;
    }
}
