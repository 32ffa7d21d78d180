package io.kycflow.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.auth.Principal;
import io.kycflow.auth.Scope;
import io.kycflow.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parts of an API Gateway REST proxy event the API uses. The caller comes from the authorizer's context, which
 * API Gateway (or the local gateway) sets only after the authorizer allowed the request.
 *
 * @param query     the query string parameters, decoded (API Gateway's {@code queryStringParameters})
 * @param principal null when the event carries no authorizer context
 */
public record ApiRequest(String method, String path, Map<String, String> headers, Map<String, String> query,
                         String body, String requestId, Principal principal) {

    /** Reads a proxy event. */
    public static ApiRequest from(JsonNode event) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        putTexts(event.path("headers"), headers);
        Map<String, String> query = new TreeMap<>();
        putTexts(event.path("queryStringParameters"), query);
        String body = Json.text(event, "body");
        if (body != null && event.path("isBase64Encoded").asBoolean(false)) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        JsonNode context = event.path("requestContext");
        String requestId = context.path("requestId").asText("");
        return new ApiRequest(event.path("httpMethod").asText("").toUpperCase(Locale.ROOT), event.path("path").asText("/"),
                headers, query, body, requestId, principal(context.path("authorizer")));
    }

    /** Puts an event object's fields (null or absent: none) into a map as text. */
    private static void putTexts(JsonNode fields, Map<String, String> into) {
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            into.put(field.getKey(), field.getValue().asText());
        }
    }

    private static Principal principal(JsonNode authorizer) {
        String tenantId = Json.text(authorizer, "tenantId");
        if (tenantId == null) {
            return null;
        }
        return "journey".equals(Json.text(authorizer, "principalType"))
                ? Principal.journey(tenantId, Json.text(authorizer, "journeyId"))
                : Principal.apiKey(tenantId, Scope.parseAll(Json.text(authorizer, "scopes")), Json.text(authorizer, "keyId"));
    }

    /** A header by name, case-insensitively; null when absent. */
    public String header(String name) {
        return headers.get(name);
    }
}
