package io.kycflow.fn.amlscreening;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.auth.Principal;
import io.kycflow.aws.ApiHandler;
import io.kycflow.aws.AwsClients;
import io.kycflow.aws.PublishedIndex;
import io.kycflow.aws.Settings;
import io.kycflow.aws.SqsCallbackPublisher;
import io.kycflow.callback.CallbackPublisher;
import io.kycflow.http.ApiException;
import io.kycflow.http.ApiRequest;
import io.kycflow.http.ApiResponse;
import io.kycflow.http.ApiRoutes;
import io.kycflow.http.ErrorCode;
import io.kycflow.journey.JourneyResumer;
import io.kycflow.journey.JourneyService;
import io.kycflow.json.Json;
import io.kycflow.kyc.KycService;
import io.kycflow.matching.PreparedName;
import io.kycflow.net.UrlGuard;
import io.kycflow.sanctions.SanctionsList;
import io.kycflow.screening.ScreeningIndex;
import io.kycflow.screening.ScreeningQuery;
import io.kycflow.screening.SubjectType;
import io.kycflow.store.DynamoDocuments;
import io.kycflow.store.DynamoJourneyRepository;
import io.kycflow.store.DynamoKycRepository;
import io.kycflow.store.IdempotencyStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The screening Lambda: KYC checks ({@code /kyc}) and address screening ({@code /kya}) against the published
 * sanctions index, which it loads at cold start and swaps when a new list version is published. The journey state
 * machine invokes it too, with {@code {"action": "screen_journey", tenantId, journeyId}}, for the journey's AML step:
 * one function holds the index in memory for both.
 */
public final class AmlScreeningHandler extends ApiHandler {
    private static final String SCREEN_JOURNEY = "screen_journey";
    static final String NO_LISTS = "No sanctions list is loaded, so nothing can be screened. Lists are published from "
            + "the official sources by the list refresh, or from list files uploaded to lists/incoming/ in the bucket; "
            + "with ./kycflow run, set KYCFLOW_LISTS_DIR to a folder holding ofac/ and un/ list files.";
    /** The journey's AML step only records its report; it never holds a task token. */
    private static final JourneyResumer NO_TASK_TO_RESUME = (token, output) -> {
        throw new IllegalStateException("the AML step does not resume tasks");
    };

    private final KycApi kyc;
    private final KyaApi kya;
    private final KycService service;
    private final JourneyScreening journeyScreening;

    /** Lambda entry point: clients built once per container from the environment. */
    public AmlScreeningHandler() {
        this(Settings.fromEnvironment(), Clock.systemUTC());
    }

    /**
     * Wiring from settings: the index is the published snapshot (the local runtime passes its own settings). A warm
     * function reads the list pointer again every KYCFLOW_LIST_CHECK_INTERVAL (default 5 s: a new list version is
     * served within seconds, for one small DynamoDB read per interval).
     */
    public AmlScreeningHandler(Settings settings, Clock clock) {
        this(settings, clock, PublishedIndex.loadInBackground(settings, clock, settings.listCheckInterval()));
    }

    private AmlScreeningHandler(Settings settings, Clock clock, PublishedIndex.Deployment deployment) {
        this(settings, clock, deployment.dynamo(), deployment.index(), new SqsCallbackPublisher(
                AwsClients.lazy(() -> AwsClients.sqs(settings)), settings.callbackQueueUrl()));
    }

    /** Wiring with a given index and callback publisher (tests). */
    public AmlScreeningHandler(Settings settings, Clock clock, DynamoDbClient dynamo, Supplier<ScreeningIndex> index,
                               CallbackPublisher callbacks) {
        this(new KycService(new DynamoKycRepository(dynamo, settings.table()), index, callbacks, clock,
                        settings.monitoringInterval()),
                new JourneyService(new DynamoJourneyRepository(dynamo, settings.table()), NO_TASK_TO_RESUME, clock),
                new DynamoDocuments(dynamo, settings.table(), "KYA"), clock,
                settings.callbackGuard(),
                new IdempotencyStore(dynamo, settings.table(), clock));
    }

    private AmlScreeningHandler(KycService service, JourneyService journeys, DynamoDocuments kyaStore, Clock clock,
                                UrlGuard callbackGuard, IdempotencyStore idempotency) {
        super(idempotency);
        this.service = service;
        this.journeyScreening = new JourneyScreening(journeys, service);
        this.kyc = new KycApi(service, callbackGuard);
        this.kya = new KyaApi(service, kyaStore, clock);
    }

    @Override
    public void prime() throws Exception {
        super.prime();
        primeWith("/kyc/kyc_priming", "kyc:read");
        // ICU's transliteration data costs 0.5-0.8 s on the first non-Latin name: into the snapshot with it. (Without
        // SnapStart the first such name pays it: warming it at every cold start would tax every first request.)
        PreparedName.of("Владимир 金 김");
        try {
            service.index().screen(new ScreeningQuery("Priming Name", SubjectType.PERSON, null, null, null, null, Set.of(), 80));
        } catch (KycService.ListsUnavailableException nothingPublishedYet) {
            // the snapshot is loaded on the first request instead
        }
    }

    /** The lists this function screens with now, with their versions; empty while none is loaded (local readiness). */
    public Map<SanctionsList, String> listVersions() {
        try {
            return service.index().listVersions();
        } catch (KycService.ListsUnavailableException none) {
            return Map.of();
        }
    }

    @Override
    public JsonNode handle(JsonNode event, Context context) {
        if (SCREEN_JOURNEY.equals(Json.text(event, "action"))) {
            // The state machine's task, not an API request: failures propagate so its Retry and Catch see them.
            return journeyScreening.screen(event.path("tenantId").asText(), event.path("journeyId").asText());
        }
        return super.handle(event, context);
    }

    @Override
    protected ApiResponse dispatch(ApiRoutes.Match match, Principal caller, ApiRequest request) {
        String jobId = match.pathParameters().get("jobId");
        try {
            return switch (match.route().id()) {
                case "createKyc" -> kyc.create(caller, request.body());
                case "getKyc" -> kyc.get(caller, jobId);
                case "kycHits" -> kyc.hits(caller, jobId, request.query());
                case "reviewHit" -> kyc.reviewHit(caller, jobId, match.pathParameters().get("hitId"), request.body());
                case "decideKyc" -> kyc.decide(caller, jobId, request.body());
                case "kycMetadata" -> kyc.putMetadata(caller, jobId, request.body());
                case "createKya" -> kya.create(caller, request.body());
                case "getKya" -> kya.get(caller, match.pathParameters().get("kyaId"));
                default -> throw new ApiException(ErrorCode.NOT_FOUND, "No such endpoint.");
            };
        } catch (KycService.ListsUnavailableException e) {
            throw new ApiException(ErrorCode.LISTS_UNAVAILABLE, NO_LISTS);
        }
    }
}
