package io.kycflow.fn.submissionapi;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.auth.Principal;
import io.kycflow.aws.ApiHandler;
import io.kycflow.aws.AwsClients;
import io.kycflow.aws.AwsJourneys;
import io.kycflow.aws.ColdStart;
import io.kycflow.aws.S3Links;
import io.kycflow.aws.Settings;
import io.kycflow.http.ApiException;
import io.kycflow.http.ApiRequest;
import io.kycflow.http.ApiResponse;
import io.kycflow.http.ApiRoutes;
import io.kycflow.http.ErrorCode;
import io.kycflow.json.Json;
import io.kycflow.store.IdempotencyStore;
import io.kycflow.store.KycflowTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/**
 * The submission API Lambda: the journey endpoints (request parsing, idempotent replays and error mapping come
 * from {@link ApiHandler}), and {@code GET /health}, which API Gateway passes without the authorizer.
 */
public final class SubmissionApiHandler extends ApiHandler {
    static {
        ColdStart.warmRequests(clients -> {
            KycflowTable.warmUp(clients.dynamoDb());
            clients.sfn().startExecution(b -> b.stateMachineArn("arn:aws:states:us-east-1:000000000000:stateMachine:warm-up")
                    .name("warm-up").input("{}"));
        });
    }

    private final JourneyApi journeys;

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
        super(idempotency);
        this.journeys = journeys;
    }

    private static JourneyApi wire(Settings settings, DynamoDbClient dynamo, Clock clock) {
        AwsJourneys journeys = AwsJourneys.starting(settings, dynamo, clock);
        return new JourneyApi(journeys.service(), journeys.repository(), journeys.stateMachine(),
                new S3Links(AwsClients.lazy(() -> AwsClients.s3Presigner(settings)), settings.bucket()),
                settings.callbackGuard(), settings.journeyBaseUrl());
    }

    @Override
    public void prime() throws Exception {
        super.prime();
        // A read of a journey that cannot exist, through the whole request path (answers 404).
        primeWith("/journeys/j_priming", "kyc:read");
        journeys.prime();
    }

    @Override
    public JsonNode handle(JsonNode event, Context context) {
        if ("GET".equals(Json.text(event, "httpMethod")) && ApiRoutes.HEALTH.equals(Json.text(event, "resource"))) {
            // deployed, the API is ready whenever this function runs; no credentials, so nothing else is said
            return ApiResponse.json(200, Json.object().put("status", "ready"))
                    .toProxyResult(event.path("requestContext").path("requestId").asText());
        }
        return super.handle(event, context);
    }

    @Override
    protected ApiResponse dispatch(ApiRoutes.Match match, Principal caller, ApiRequest request) {
        String body = request.body();
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
