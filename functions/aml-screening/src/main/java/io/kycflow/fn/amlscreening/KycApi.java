package io.kycflow.fn.amlscreening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.auth.Principal;
import io.kycflow.http.ApiException;
import io.kycflow.http.ApiResponse;
import io.kycflow.http.ErrorCode;
import io.kycflow.http.JsonBody;
import io.kycflow.http.PageCursor;
import io.kycflow.http.QueryParameters;
import io.kycflow.json.Json;
import io.kycflow.kyc.HitPosition;
import io.kycflow.kyc.KycCheck;
import io.kycflow.kyc.KycConflictException;
import io.kycflow.kyc.KycService;
import io.kycflow.kyc.KycSubject;
import io.kycflow.kyc.ReviewStatus;
import io.kycflow.net.UrlGuard;
import io.kycflow.sanctions.SanctionsList;
import io.kycflow.screening.SubjectType;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The KYC screening check endpoints of API.md: parse and validate, call {@link KycService}, render. */
final class KycApi {
    static final int DEFAULT_MIN_SCORE = 80;
    private static final int MAX_METADATA = 50;

    private static final Set<String> CREATE_FIELDS = Set.of("entity", "lists", "min_score", "monitoring", "callback_url",
            "customer_reference");
    private static final Set<String> ENTITY_FIELDS = Set.of("type", "name", "date_of_birth", "nationality", "document_id", "country");
    private static final Pattern ENTITY_TYPE = Pattern.compile("person|business");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2,3}");
    private static final Pattern REVIEW = Pattern.compile("confirmed|cleared");
    private static final Set<String> HITS_PARAMETERS = Set.of("limit", "cursor", "list", "review_status");
    private static final int HITS_PAGE = 50;
    private static final int MAX_HITS_PAGE = 200;
    private static final List<String> LISTS = Arrays.stream(SanctionsList.values()).map(Enum::name).toList();
    private static final List<String> REVIEW_STATUSES = Arrays.stream(ReviewStatus.values()).map(ReviewStatus::value).toList();

    private final KycService service;
    private final UrlGuard callbackGuard;

    KycApi(KycService service, UrlGuard callbackGuard) {
        this.service = service;
        this.callbackGuard = callbackGuard;
    }

    /** POST /kyc: screens the subject now and answers with the result. */
    ApiResponse create(Principal caller, String body) {
        JsonBody request = JsonBody.parse(body, CREATE_FIELDS);
        JsonBody entity = request.object("entity", ENTITY_FIELDS);
        if (entity == null) {
            throw new ApiException(ErrorCode.MISSING_DATA, "Field 'entity' is required.", "entity");
        }
        String type = entity.requiredString("type", 16, ENTITY_TYPE, "\"person\" or \"business\"");
        String name = entity.requiredString("name", 300, null, null);
        String dateOfBirth = entity.dateOfBirth("date_of_birth", true);
        KycSubject subject = new KycSubject(type.equals("business") ? SubjectType.BUSINESS : SubjectType.PERSON,
                name.strip(), dateOfBirth,
                entity.string("nationality", 3, COUNTRY, "an ISO 3166 country code such as ESP"),
                entity.string("document_id", 64, null, null),
                entity.string("country", 3, COUNTRY, "an ISO 3166 country code such as ESP"));
        Set<SanctionsList> lists = lists(request);
        Long minScore = request.integer("min_score", 0, 100);
        Boolean monitoring = request.bool("monitoring");
        String callbackUrl = request.string("callback_url", 2048, null, null);
        if (callbackUrl != null) {
            String refusal = callbackGuard.refusal(callbackUrl);
            if (refusal != null) {
                throw request.invalid("callback_url", refusal);
            }
        }
        KycCheck check = service.create(new KycCheck.Request(caller.tenantId(), subject, lists,
                minScore == null ? DEFAULT_MIN_SCORE : minScore.intValue(), Boolean.TRUE.equals(monitoring), callbackUrl,
                request.string("customer_reference", 256, null, null)));
        return ApiResponse.json(201, check.view());
    }

    /** The lists asked for, each a loaded list; empty for all. */
    private Set<SanctionsList> lists(JsonBody request) {
        List<String> names = request.strings("lists", SanctionsList.values().length, 64);
        if (names == null) {
            return Set.of();
        }
        Map<SanctionsList, String> loaded = service.index().listVersions();
        Set<SanctionsList> lists = EnumSet.noneOf(SanctionsList.class);
        for (String name : names) {
            SanctionsList list = loaded.keySet().stream().filter(l -> l.name().equals(name)).findFirst()
                    .orElseThrow(() -> request.invalid("lists", "may only name loaded lists: " + loaded.keySet()));
            lists.add(list);
        }
        return lists;
    }

    /** GET /kyc/{jobId}. */
    ApiResponse get(Principal caller, String jobId) {
        return ApiResponse.json(200, service.find(caller.tenantId(), jobId).orElseThrow(KycApi::notFound).view());
    }

    /**
     * GET /kyc/{jobId}/hits: every active hit a page at a time, best first (the check's view carries only the first
     * ones), optionally of one list or review status. The cursor holds where the page ended, so reviews between pages
     * neither skip nor repeat a hit.
     */
    ApiResponse hits(Principal caller, String jobId, Map<String, String> query) {
        QueryParameters parameters = QueryParameters.of(query, HITS_PARAMETERS);
        int limit = parameters.integer("limit", 1, MAX_HITS_PAGE, HITS_PAGE);
        String list = parameters.oneOf("list", LISTS);
        String review = parameters.oneOf("review_status", REVIEW_STATUSES);
        String cursorQuery = String.join("/", caller.tenantId(), jobId, String.valueOf(list), String.valueOf(review));
        String cursor = parameters.get("cursor");
        HitPosition after = cursor == null ? null : position(PageCursor.decode(cursor, cursorQuery, 3));
        KycCheck.HitPage page = service.find(caller.tenantId(), jobId).orElseThrow(KycApi::notFound).hitPage(
                list == null ? null : SanctionsList.valueOf(list), review == null ? null : ReviewStatus.of(review), after, limit);
        ObjectNode body = Json.object().put("job_id", jobId).put("total_hits", page.total());
        ArrayNode items = body.putArray("items");
        page.hits().forEach(hit -> items.add(hit.view().put("list", hit.list())));
        HitPosition last = page.more() ? page.hits().get(page.hits().size() - 1).position() : null;
        body.put("next_cursor", last == null ? null : PageCursor.encode(cursorQuery,
                List.of(Integer.toString(last.score()), last.list().name(), last.sourceId())));
        return ApiResponse.json(200, body);
    }

    private static HitPosition position(List<String> parts) {
        try {
            return new HitPosition(Integer.parseInt(parts.get(0)), SanctionsList.valueOf(parts.get(1)), parts.get(2));
        } catch (IllegalArgumentException e) {
            throw PageCursor.invalid();
        }
    }

    /** PATCH /kyc/{jobId}/hits/{hitId}: a reviewer confirms or clears a hit. */
    ApiResponse reviewHit(Principal caller, String jobId, String hitId, String body) {
        JsonBody request = JsonBody.parse(body, Set.of("review_status", "note"));
        ReviewStatus status = ReviewStatus.of(request.requiredString("review_status", 16, REVIEW, "\"confirmed\" or \"cleared\""));
        String note = request.string("note", 2000, null, null);
        try {
            return ApiResponse.json(200, service.update(caller.tenantId(), jobId,
                    (c, now) -> c.review(hitId, status, caller.actor(), note, now)).orElseThrow(KycApi::notFound).view());
        } catch (KycCheck.UnknownHitException e) {
            throw new ApiException(ErrorCode.NOT_FOUND, e.getMessage());
        }
    }

    /** POST /kyc/{jobId}/decision: accept or reject, once. */
    ApiResponse decide(Principal caller, String jobId, String body) {
        JsonBody request = JsonBody.parse(body, Set.of("accepted", "comment"));
        boolean accepted = request.requiredBoolean("accepted");
        String comment = request.string("comment", 2000, null, null);
        try {
            return ApiResponse.json(200, service.decide(caller.tenantId(), jobId, accepted, comment, caller.actor())
                    .orElseThrow(KycApi::notFound).view());
        } catch (KycConflictException e) {
            throw new ApiException(ErrorCode.CONFLICT, e.getMessage());
        }
    }

    /** PUT /kyc/{jobId}/metadata: replaces the business's key/value pairs. */
    ApiResponse putMetadata(Principal caller, String jobId, String body) {
        ArrayNode entries = metadata(body);
        return ApiResponse.json(200, service.update(caller.tenantId(), jobId,
                (c, now) -> c.replaceMetadata(entries, now)).orElseThrow(KycApi::notFound).view());
    }

    private static ArrayNode metadata(String body) {
        JsonNode node;
        try {
            node = body == null ? null : Json.parse(body);
        } catch (Json.InvalidJsonException e) {
            throw new ApiException(ErrorCode.INVALID_PAYLOAD, "The request body is not valid JSON.");
        }
        if (node == null || !node.isArray()) {
            throw new ApiException(ErrorCode.INVALID_PAYLOAD, "The request body must be a JSON array of {key, value} objects.");
        }
        if (node.size() > MAX_METADATA) {
            throw new ApiException(ErrorCode.INVALID_FORMAT, "At most " + MAX_METADATA + " metadata entries.");
        }
        ArrayNode entries = Json.array();
        Set<String> keys = new java.util.HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String at = "[" + i + "]";
            if (!item.isObject()) {
                throw new ApiException(ErrorCode.INVALID_FORMAT, "Entry " + at + " must be an object.", at);
            }
            JsonBody entry = JsonBody.parse(Json.write(item), Set.of("key", "value"));
            String key = entry.requiredString("key", 128, null, null);
            String value = entry.string("value", 2048, null, null);
            if (!keys.add(key)) {
                throw new ApiException(ErrorCode.INVALID_FORMAT, "Key '" + key + "' appears twice.", at + ".key");
            }
            entries.addObject().put("key", key).put("value", value);
        }
        return entries;
    }

    static ApiException notFound() {
        return new ApiException(ErrorCode.NOT_FOUND, "No such check.");
    }
}
