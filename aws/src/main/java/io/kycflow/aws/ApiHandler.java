package io.kycflow.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.auth.Principal;
import io.kycflow.auth.Secrets;
import io.kycflow.http.ApiException;
import io.kycflow.http.ApiRequest;
import io.kycflow.http.ApiResponse;
import io.kycflow.http.ApiRoutes;
import io.kycflow.http.ErrorCode;
import io.kycflow.json.Json;
import io.kycflow.store.IdempotencyStore;

/**
 * Base of the API Lambdas (API Gateway REST proxy integration): parses the request, checks the caller may call the
 * route, replays idempotent retries, hands the matched route to {@link #dispatch} and maps every failure to the
 * contract's error body. Each function
 * serves the routes of {@link ApiRoutes} that name it.
 */
public abstract class ApiHandler extends JsonHandler {
    private static final int MAX_BODY_BYTES = 256 * 1024;

    private final IdempotencyStore idempotency;

    protected ApiHandler(IdempotencyStore idempotency) {
        this.idempotency = idempotency;
    }

    /** Answers one matched route for an authenticated caller. */
    protected abstract ApiResponse dispatch(ApiRoutes.Match match, Principal caller, ApiRequest request);

    /** Runs a GET through the whole request path (SnapStart priming); the path names something that cannot exist. */
    protected final void primeWith(String path, String scopes) {
        ObjectNode event = Json.object().put("httpMethod", "GET").put("path", path);
        event.putObject("requestContext").put("requestId", "priming").putObject("authorizer")
                .put("tenantId", "priming").put("principalType", "apiKey").put("scopes", scopes);
        handle(event, null);
    }

    @Override
    public JsonNode handle(JsonNode event, Context context) {
        ApiRequest request = ApiRequest.from(event);
        ApiResponse response;
        try {
            response = respond(request);
        } catch (ApiException e) {
            response = ApiResponse.json(e.code().status(), e.body(request.requestId()));
        } catch (RuntimeException e) {
            // Logged by type only: messages of SDK errors can quote request data.
            Log.warn("request failed", "requestId", request.requestId(), "error", e.getClass().getName());
            response = ApiResponse.json(500, ApiException.body(ErrorCode.INTERNAL_ERROR,
                    "The request could not be completed; it is safe to retry.", null, request.requestId()));
        }
        return response.toProxyResult(request.requestId());
    }

    private ApiResponse respond(ApiRequest request) {
        Principal caller = request.principal();
        if (caller == null) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "Missing or invalid credentials.");
        }
        ApiRoutes.Match match = ApiRoutes.match(request.method(), request.path());
        if (match == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No such endpoint.");
        }
        if (match.refusal(caller) != null) {
            // The authorizer refuses these already; the API does not rest on that configuration alone.
            throw new ApiException(ErrorCode.FORBIDDEN, "The credentials do not allow this operation.");
        }
        if (request.body() != null && request.body().length() > MAX_BODY_BYTES) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than 256 KB.");
        }
        String key = request.header("Idempotency-Key");
        if (key == null || request.method().equals("GET")) {
            return dispatch(match, caller, request);
        }
        if (key.isBlank() || key.length() > 255) {
            throw new ApiException(ErrorCode.INVALID_FORMAT, "Idempotency-Key must be 1 to 255 characters.", "Idempotency-Key");
        }
        String scopedKey = caller.type() == Principal.Type.JOURNEY ? caller.journeyId() + ":" + key : key;
        String requestHash = Secrets.hash(request.method() + " " + request.path() + "\n" + (request.body() == null ? "" : request.body()));
        var replay = idempotency.claim(caller.tenantId(), scopedKey, requestHash);
        if (replay.isPresent()) {
            return new ApiResponse(replay.get().statusCode(), replay.get().body());
        }
        try {
            ApiResponse response = dispatch(match, caller, request);
            idempotency.complete(caller.tenantId(), scopedKey, new IdempotencyStore.Response(response.statusCode(), response.body()));
            return response;
        } catch (ApiException e) {
            if (e.code().status() < 500) {
                ApiResponse refused = ApiResponse.json(e.code().status(), e.body(request.requestId()));
                idempotency.complete(caller.tenantId(), scopedKey, new IdempotencyStore.Response(refused.statusCode(), refused.body()));
                return refused;
            }
            idempotency.release(caller.tenantId(), scopedKey);
            throw e;
        } catch (RuntimeException e) {
            idempotency.release(caller.tenantId(), scopedKey);
            throw e;
        }
    }
}
