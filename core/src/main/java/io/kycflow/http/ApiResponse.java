package io.kycflow.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.json.Json;

/** A response before it becomes an API Gateway proxy result. */
public record ApiResponse(int statusCode, String body) {

    /** A JSON response. */
    public static ApiResponse json(int statusCode, JsonNode body) {
        return new ApiResponse(statusCode, Json.write(body));
    }

    /** The proxy integration result. */
    public ObjectNode toProxyResult(String requestId) {
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
