package io.kycflow.fn.submissionapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.auth.Principal;
import io.kycflow.auth.Secrets;
import io.kycflow.aws.S3Links;
import io.kycflow.aws.SfnJourneys;
import io.kycflow.http.ApiException;
import io.kycflow.http.ApiResponse;
import io.kycflow.http.ErrorCode;
import io.kycflow.http.JsonBody;
import io.kycflow.journey.CaptureKey;
import io.kycflow.journey.CaptureSide;
import io.kycflow.journey.IdType;
import io.kycflow.journey.Journey;
import io.kycflow.journey.JourneyConflictException;
import io.kycflow.journey.JourneyRepository;
import io.kycflow.journey.JourneyRules;
import io.kycflow.journey.JourneyService;
import io.kycflow.journey.JourneyStep;
import io.kycflow.journey.JourneyView;
import io.kycflow.json.Json;
import io.kycflow.net.UrlGuard;

import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

/** The journey endpoints of API.md: create and read for tenants, the user steps for the journey token holder. */
final class JourneyApi {
    static final long DEFAULT_VALIDITY_SECONDS = 86_400;
    static final long MAX_VALIDITY_SECONDS = 2_592_000;
    static final Duration UPLOAD_VALIDITY = Duration.ofMinutes(15);
    static final long MAX_UPLOAD_BYTES = 15L * 1024 * 1024;

    private static final Set<String> CREATE_FIELDS = Set.of("flowId", "userId", "customerReference", "userInfo",
            "callbackUrl", "authKeyForCallback", "journeyLinkValidity", "locale");
    private static final Set<String> USER_INFO_FIELDS = Set.of("fullName", "firstName", "lastName", "dateOfBirth",
            "nationality", "idNumber", "gender", "email");
    private static final Pattern ALPHA3 = Pattern.compile("[A-Z]{3}");
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern FLOW = Pattern.compile("default");

    private final JourneyService journeys;
    private final JourneyRepository repository;
    private final SfnJourneys stateMachine;
    private final S3Links links;
    private final UrlGuard callbackGuard;
    private final String journeyBaseUrl;

    JourneyApi(JourneyService journeys, JourneyRepository repository, SfnJourneys stateMachine, S3Links links,
               UrlGuard callbackGuard, String journeyBaseUrl) {
        this.journeys = journeys;
        this.repository = repository;
        this.stateMachine = stateMachine;
        this.links = links;
        this.callbackGuard = callbackGuard;
        this.journeyBaseUrl = journeyBaseUrl;
    }

    /** Builds the lazily created clients and presigns once (SnapStart priming; no request is sent). */
    void prime() {
        stateMachine.prime();
        links.readUrl("uploads/priming");
    }

    /** POST /journeys: stores the journey with its token and starts its execution. */
    ApiResponse create(Principal caller, String body) {
        JsonBody request = JsonBody.parse(body, CREATE_FIELDS);
        request.string("flowId", 64, FLOW, "\"default\" (the only flow so far)");
        Long validity = request.integer("journeyLinkValidity", 1, MAX_VALIDITY_SECONDS);
        String callbackUrl = request.string("callbackUrl", 2048, null, null);
        if (callbackUrl != null) {
            String refusal = callbackGuard.refusal(callbackUrl);
            if (refusal != null) {
                throw request.invalid("callbackUrl", refusal);
            }
        }
        ObjectNode userInfo = userInfo(request.object("userInfo", USER_INFO_FIELDS));

        long now = journeys.clock().millis();
        String journeyId = "j_" + Secrets.random(15);
        Journey journey = Journey.create(caller.tenantId(), journeyId, now, validity == null ? DEFAULT_VALIDITY_SECONDS : validity);
        journey.configure(
                request.string("userId", 256, null, null),
                request.string("customerReference", 256, null, null),
                userInfo, callbackUrl,
                request.string("authKeyForCallback", 512, null, null),
                request.string("locale", 35, LOCALE, "a language tag such as en or es-ES"));
        String token = Secrets.newJourneyToken();
        repository.create(journey, Secrets.hash(token));
        try {
            stateMachine.start(journey, now);
        } catch (RuntimeException e) {
            // Without an execution nothing would ever move or expire the journey: end it, explained, and let the
            // caller retry with a new one.
            journeys.update(journey.tenantId(), journeyId, (j, at) -> {
                JourneyRules.fail(j, "the journey could not be started", at);
                return null;
            });
            throw e;
        }

        ObjectNode response = Json.object()
                .put("journeyId", journeyId)
                .put("journeyToken", token)
                // The token travels in the fragment, which browsers never send to servers or put in logs.
                .put("journeyUrl", journeyBaseUrl + "/" + journeyId + "#token=" + token)
                .put("expiresAt", journey.expiresAt())
                .put("currentStatus", journey.currentStatus().label())
                .put("step", journey.step().name());
        return ApiResponse.json(201, response);
    }

    /** GET /journeys/{id}: the full result, tenant-scoped. */
    ApiResponse get(Principal caller, String journeyId) {
        return ApiResponse.json(200, JourneyView.result(load(caller, journeyId), links));
    }

    /** GET /journeys/{id}/status: what the capture page shows. */
    ApiResponse status(Principal caller, String journeyId) {
        return ApiResponse.json(200, JourneyView.status(load(caller, journeyId)));
    }

    /** POST /journeys/{id}/consent. */
    ApiResponse consent(Principal caller, String journeyId, String body) {
        boolean consent = JsonBody.parse(body, Set.of("consent")).requiredBoolean("consent");
        return userInput(caller, journeyId, JourneyStep.CONSENT, (journey, now) -> JourneyRules.acceptConsent(journey, consent, now));
    }

    /** POST /journeys/{id}/document. */
    ApiResponse document(Principal caller, String journeyId, String body) {
        JsonBody request = JsonBody.parse(body, Set.of("country", "idType"));
        String country = request.requiredString("country", 3, ALPHA3, "an ISO 3166-1 alpha-3 code such as ESP");
        IdType idType = request.requiredEnum("idType", IdType.class);
        return userInput(caller, journeyId, JourneyStep.DOC_SELECTION,
                (journey, now) -> JourneyRules.selectDocument(journey, country, idType, now));
    }

    /** POST /journeys/{id}/uploads: a presigned PUT for the image the journey waits for. */
    ApiResponse upload(Principal caller, String journeyId, String body) {
        JsonBody request = JsonBody.parse(body, Set.of("side", "contentType"));
        CaptureSide side = request.requiredEnum("side", CaptureSide.class);
        String contentType = request.requiredString("contentType", 32, Pattern.compile("image/(jpeg|png)"), "image/jpeg or image/png");
        Journey journey = load(caller, journeyId);
        if (side == CaptureSide.BACK && journey.idType() != null && !journey.idType().hasBackSide()) {
            throw new ApiException(ErrorCode.CONFLICT, "A " + journey.idType().label() + " has no back side.", "side");
        }
        try {
            JourneyRules.requireNext(journey, side.step());
        } catch (JourneyConflictException e) {
            throw new ApiException(ErrorCode.CONFLICT, e.getMessage(), "side");
        }
        String key = CaptureKey.newUpload(journey.tenantId(), journeyId, side).key();
        S3Links.Upload upload = links.upload(key, contentType, UPLOAD_VALIDITY);
        ObjectNode response = Json.object()
                .put("uploadUrl", upload.url())
                .put("method", "PUT")
                .put("key", key)
                .put("expiresAt", upload.expiresAt().toEpochMilli())
                .put("maxBytes", MAX_UPLOAD_BYTES);
        response.putObject("headers").put("Content-Type", contentType);
        return ApiResponse.json(200, response);
    }

    private ApiResponse userInput(Principal caller, String journeyId, JourneyStep step,
                                  java.util.function.ObjLongConsumer<Journey> input) {
        try {
            // One read-modify-write: a missing (or another tenant's) journey comes back empty, hence 404.
            Journey journey = journeys.userInput(caller.tenantId(), journeyId, step, input).orElseThrow(JourneyApi::notFound);
            return ApiResponse.json(200, JourneyView.status(journey));
        } catch (JourneyConflictException e) {
            throw new ApiException(ErrorCode.CONFLICT, e.getMessage());
        }
    }

    private Journey load(Principal caller, String journeyId) {
        return journeys.find(caller.tenantId(), journeyId).orElseThrow(JourneyApi::notFound);
    }

    private static ApiException notFound() {
        return new ApiException(ErrorCode.NOT_FOUND, "No such journey.");
    }

    private static ObjectNode userInfo(JsonBody info) {
        if (info == null) {
            return Json.object();
        }
        ObjectNode out = Json.object();
        for (String name : new String[]{"fullName", "firstName", "lastName", "idNumber", "gender"}) {
            String value = info.string(name, 256, null, null);
            if (value != null) {
                out.put(name, value);
            }
        }
        String dateOfBirth = info.dateOfBirth("dateOfBirth", false);
        if (dateOfBirth != null) {
            out.put("dateOfBirth", dateOfBirth);
        }
        String nationality = info.string("nationality", 3, ALPHA3, "an ISO 3166-1 alpha-3 code such as ESP");
        if (nationality != null) {
            out.put("nationality", nationality);
        }
        String email = info.string("email", 254, EMAIL, "an email address");
        if (email != null) {
            out.put("email", email);
        }
        return out;
    }
}
