package io.kycflow.fn.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.auth.Principal;
import io.kycflow.auth.Secrets;
import io.kycflow.aws.AwsClients;
import io.kycflow.aws.JsonHandler;
import io.kycflow.aws.Log;
import io.kycflow.aws.S3Links;
import io.kycflow.aws.Settings;
import io.kycflow.aws.SfnJourneys;
import io.kycflow.http.ApiException;
import io.kycflow.http.ApiRoutes;
import io.kycflow.http.ErrorCode;
import io.kycflow.journey.JourneyService;
import io.kycflow.json.Json;
import io.kycflow.net.UrlGuard;
import io.kycflow.store.DynamoJourneyRepository;
import io.kycflow.store.IdempotencyStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/**
 * The submission API Lambda (API Gateway REST proxy integration): parses the request, replays idempotent retries,
 * dispatches to the endpoint and maps every failure to the contract's error body.
 */
public final class SubmissionApiHandler extends JsonHandler {
    private static final int MAX_BODY_BYTES = 256 * 1024;

    private final JourneyApi journeys;
    private final IdempotencyStore idempotency;

    /** Lambda entry point: clients built once per container from the environment. */
    public SubmissionApiHandler() {
        this(Settings.fromEnvironment(), Clock.systemUTC());
    }

    /** Wiring from settings (the local runtime passes its own). */
    public SubmissionApiHandler(Settings settings, Clock clock) {
        this(settings, clock, AwsClients.dynamoDb(settings));
    }

    private SubmissionApiHandler(Settings settings, Clock clock, DynamoDbClient dynamo) {
        this(wire(settings, dynamo, clock), new IdempotencyStore(dynamo, settings.table(), clock));
    }

    SubmissionApiHandler(JourneyApi journeys, IdempotencyStore idempotency) {
        this.journeys = journeys;
        this.idempotency = idempotency;
    }

    private static JourneyApi wire(Settings settings, DynamoDbClient dynamo, Clock clock) {
        DynamoJourneyRepository repository = new DynamoJourneyRepository(dynamo, settings.table());
        SfnJourneys stateMachine = new SfnJourneys(AwsClients.lazy(() -> AwsClients.sfn(settings)), settings.stateMachineArn());
        return new JourneyApi(new JourneyService(repository, stateMachine, clock), repository, stateMachine,
                new S3Links(AwsClients.lazy(() -> AwsClients.s3Presigner(settings)), settings.bucket()),
                UrlGuard.fromAllowList(settings.get("KYCFLOW_CALLBACK_ALLOWLIST", "")),
                settings.get("KYCFLOW_JOURNEY_BASE_URL", "https://journey.kycflow.invalid/j"));
    }

    @Override
    public void prime() throws Exception {
        super.prime();
        // A read of a journey that cannot exist, through the whole request path (answers 404).
        ObjectNode event = Json.object().put("httpMethod", "GET").put("path", "/journeys/j_priming");
        event.putObject("requestContext").put("requestId", "priming").putObject("authorizer")
                .put("tenantId", "priming").put("principalType", "apiKey").put("scopes", "kyc:read");
        handle(event, null);
        journeys.prime();
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
        if (request.body() != null && request.body().length() > MAX_BODY_BYTES) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than 256 KB.");
        }
        String key = request.header("Idempotency-Key");
        if (key == null || request.method().equals("GET")) {
            return dispatch(match, caller, request.body());
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
            ApiResponse response = dispatch(match, caller, request.body());
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

    private ApiResponse dispatch(ApiRoutes.Match match, Principal caller, String body) {
        String journeyId = match.pathParameters().get("journeyId");
        return switch (match.route().id()) {
            case "createJourney" -> journeys.create(caller, body);
            case "getJourney" -> journeys.get(caller, journeyId);
            case "journeyStatus" -> journeys.status(caller, journeyId);
            case "consent" -> journeys.consent(caller, journeyId, body);
            case "document" -> journeys.document(caller, journeyId, body);
            case "uploads" -> journeys.upload(caller, journeyId, body);
            default -> throw new ApiException(ErrorCode.NOT_FOUND, "No such endpoint.");
        };
    }
}
