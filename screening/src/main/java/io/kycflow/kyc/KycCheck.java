package io.kycflow.kyc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.json.Json;
import io.kycflow.sanctions.SanctionsList;
import io.kycflow.screening.ScreeningHit;
import io.kycflow.screening.ScreeningQuery;
import io.kycflow.screening.ScreeningResult;
import io.kycflow.screening.SubjectType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One KYC screening check (a "job"): the subject, what it was screened against, its hits with their reviews, the
 * business's decision and metadata. Plain state with the rules of API.md; stored as JSON with a version for
 * optimistic locking. A check may have thousands of hits (a common name, a low min_score): its views show the first
 * {@value #INLINE_HITS} and the true totals, and {@link #hitPage} pages through all of them.
 */
public final class KycCheck {
    /** How many hits a view of the check carries at most: it must stay small enough for a callback message. */
    public static final int INLINE_HITS = 100;
    /** The field of the stored form that holds the hits, in order. */
    public static final String STORED_HITS = "hits";

    /**
     * A callback event recorded with the change that caused it and kept until it is enqueued (an outbox): a crash
     * between the write and the enqueue loses no event, and a re-publication carries the same id.
     */
    public record PendingEvent(String eventId, String eventType, String createdAt) {
    }

    /** The business's one-time decision on the subject. */
    public record Decision(boolean accepted, String comment, String decidedBy, String decidedAt) {
    }

    private final String tenantId;
    private final String jobId;
    private final KycSubject subject;
    private final Set<SanctionsList> requestedLists;
    private final int minScore;
    private final boolean monitoring;
    private final String callbackUrl;
    private final String customerReference;
    private final long createdAt;
    private Long completedAt;
    private long updatedAt;
    private long processingMs;
    private Long lastScreenedAt;
    private Long nextMonitoringAt;
    private final Map<SanctionsList, String> listVersions = new EnumMap<>(SanctionsList.class);
    private final Map<String, KycHit> hits = new LinkedHashMap<>();
    private Decision decision;
    private ArrayNode metadata = Json.array();
    private final List<PendingEvent> outbox = new ArrayList<>();
    private long version;
    private String storedLayout;

    private KycCheck(String tenantId, String jobId, KycSubject subject, Set<SanctionsList> requestedLists, int minScore,
                     boolean monitoring, String callbackUrl, String customerReference, long createdAt) {
        this.tenantId = tenantId;
        this.jobId = jobId;
        this.subject = subject;
        this.requestedLists = requestedLists.isEmpty() ? EnumSet.noneOf(SanctionsList.class) : EnumSet.copyOf(requestedLists);
        this.minScore = minScore;
        this.monitoring = monitoring;
        this.callbackUrl = callbackUrl;
        this.customerReference = customerReference;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /**
     * What a business asks to screen.
     *
     * @param lists       the lists asked for; empty for every loaded list
     * @param callbackUrl where events go; null for none
     */
    public record Request(String tenantId, KycSubject subject, Set<SanctionsList> lists, int minScore, boolean monitoring,
                          String callbackUrl, String customerReference) {
    }

    /** A new check, not screened yet. */
    public static KycCheck create(Request request, String jobId, long now) {
        return new KycCheck(request.tenantId(), jobId, request.subject(), request.lists(), request.minScore(),
                request.monitoring(), request.callbackUrl(), request.customerReference(), now);
    }

    /** What to ask the screening index. */
    public ScreeningQuery query() {
        return new ScreeningQuery(subject.name(), subject.type(), subject.dateOfBirth(), subject.nationality(),
                subject.documentId(), subject.country(), requestedLists, minScore);
    }

    /**
     * Takes a screening's result: known hits keep their review (a cleared hit stays cleared unless its entry
     * changed), entries no longer returned become inactive, new ones are raised for review.
     *
     * @param nextMonitoringAt when monitoring should screen again; null when the subject is not monitored
     * @return the hits raised for review by this screening
     */
    public List<KycHit> applyScreening(ScreeningResult result, long now, long tookMs, Long nextMonitoringAt) {
        String at = iso(now);
        Set<String> seen = new HashSet<>();
        List<KycHit> raised = new ArrayList<>();
        for (ScreeningHit hit : result.hits()) {
            String id = KycHit.idOf(hit);
            seen.add(id);
            KycHit known = hits.get(id);
            if (known == null) {
                KycHit fresh = KycHit.raised(hit, at);
                hits.put(id, fresh);
                raised.add(fresh);
            } else if (known.update(hit, at)) {
                raised.add(known);
            }
        }
        for (KycHit hit : hits.values()) {
            // Only hits from the lists this screening covered can have gone away.
            if (!seen.contains(hit.hitId()) && result.listVersions().containsKey(SanctionsList.valueOf(hit.list()))) {
                hit.deactivate();
            }
        }
        listVersions.putAll(result.listVersions());
        processingMs = tookMs;
        lastScreenedAt = now;
        if (completedAt == null) {
            completedAt = now;
        }
        this.nextMonitoringAt = monitoring ? nextMonitoringAt : null;
        updatedAt = now;
        return raised;
    }

    /** Records an event to publish (nothing when the check has no callback URL); {@code occurrence} tells apart repeated events of one type (monitoring hits). */
    public void recordEvent(String eventType, String occurrence, long now) {
        if (callbackUrl == null) {
            return;
        }
        String eventId = jobId + ":" + eventType + (occurrence == null ? "" : ":" + occurrence);
        if (outbox.stream().noneMatch(e -> e.eventId().equals(eventId))) {
            outbox.add(new PendingEvent(eventId, eventType, iso(now)));
        }
    }

    /** Events recorded and not yet enqueued. */
    public List<PendingEvent> pendingEvents() {
        return List.copyOf(outbox);
    }

    /** Forgets events that were enqueued. */
    public void eventsPublished(Collection<String> eventIds) {
        outbox.removeIf(e -> eventIds.contains(e.eventId()));
    }

    /** Sets when monitoring looks at the check next, without screening it (nothing when it is not monitored). */
    public void scheduleMonitoring(long nextMonitoringAt) {
        if (monitoring) {
            this.nextMonitoringAt = nextMonitoringAt;
        }
    }

    /** Whether the versions of the lists this check covers are all screened already (monitoring skips it). */
    public boolean screenedAgainst(Map<SanctionsList, String> versions) {
        for (Map.Entry<SanctionsList, String> list : versions.entrySet()) {
            if ((requestedLists.isEmpty() || requestedLists.contains(list.getKey()))
                    && !list.getValue().equals(listVersions.get(list.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Records a reviewer's verdict on a hit.
     *
     * @throws UnknownHitException when the check has no such hit
     */
    public void review(String hitId, ReviewStatus status, String by, String note, long now) {
        KycHit hit = hits.get(hitId);
        if (hit == null) {
            throw new UnknownHitException(hitId);
        }
        hit.review(status, by, iso(now), note);
        updatedAt = now;
    }

    /** A review named a hit the check does not have. */
    public static final class UnknownHitException extends RuntimeException {
        public UnknownHitException(String hitId) {
            super("The check has no hit '" + hitId + "'.", null, false, false);
        }
    }

    /**
     * Records the business's decision.
     *
     * @throws KycConflictException when the check was already decided (a decision is final)
     */
    public void decide(boolean accepted, String comment, String by, long now) {
        if (decision != null) {
            throw new KycConflictException("The check was already " + (decision.accepted() ? "accepted" : "rejected")
                    + " at " + decision.decidedAt() + "; a decision cannot be changed.");
        }
        decision = new Decision(accepted, comment, by, iso(now));
        updatedAt = now;
    }

    /** Replaces the business's metadata (key/value pairs). */
    public void replaceMetadata(ArrayNode entries, long now) {
        metadata = entries.deepCopy();
        updatedAt = now;
    }

    /**
     * In Review while a hit waits for a reviewer (a hit raised after the decision, by monitoring, counts too);
     * otherwise the decision, or Completed.
     */
    public KycStatus status() {
        for (KycHit hit : hits.values()) {
            if (hit.active() && hit.reviewStatus() == ReviewStatus.PENDING
                    && (decision == null || hit.raisedAt().compareTo(decision.decidedAt()) > 0)) {
                return KycStatus.IN_REVIEW;
            }
        }
        if (decision != null) {
            return decision.accepted() ? KycStatus.ACCEPTED : KycStatus.REJECTED;
        }
        return KycStatus.COMPLETED;
    }

    public int riskScore() {
        return RiskScore.of(hits.values());
    }

    /** no_match, potential_match (hits wait for review) or confirmed_match. */
    public String matchStatus() {
        boolean pending = false;
        for (KycHit hit : hits.values()) {
            if (hit.active() && hit.reviewStatus() == ReviewStatus.CONFIRMED) {
                return "confirmed_match";
            }
            pending |= hit.active() && hit.reviewStatus() == ReviewStatus.PENDING;
        }
        return pending ? "potential_match" : "no_match";
    }

    /** The hits the latest screenings still return, in {@link KycHit#ORDER}. */
    public List<KycHit> activeHits() {
        return hits.values().stream().filter(KycHit::active).sorted(KycHit.ORDER).toList();
    }

    /**
     * One page of the active hits (GET /kyc/{jobId}/hits).
     *
     * @param total how many active hits the filters select
     * @param more  whether more of them follow this page
     */
    public record HitPage(List<KycHit> hits, int total, boolean more) {
    }

    /**
     * The active hits after a position, in {@link KycHit#ORDER}.
     *
     * @param list   only this list's hits; null for every list
     * @param status only hits with this review status; null for any
     * @param after  where the previous page ended; null for the first page
     */
    public HitPage hitPage(SanctionsList list, ReviewStatus status, HitPosition after, int limit) {
        List<KycHit> selected = activeHits().stream()
                .filter(hit -> list == null || hit.list().equals(list.name()))
                .filter(hit -> status == null || hit.reviewStatus() == status)
                .toList();
        int from = 0;
        while (after != null && from < selected.size() && selected.get(from).position().compareTo(after) <= 0) {
            from++;
        }
        int to = Math.min(selected.size(), from + limit);
        return new HitPage(selected.subList(from, to), selected.size(), to < selected.size());
    }

    /** Where the API pages through the check's hits. */
    public String hitsPath() {
        return "/kyc/" + jobId + "/hits";
    }

    /** The object GET /kyc/{jobId} returns (and callbacks carry). */
    public ObjectNode view() {
        int risk = riskScore();
        ObjectNode view = Json.object()
                .put("job_id", jobId)
                .put("status", status().label());
        view.set("entity", entity());
        ArrayNode checked = view.putArray("lists_checked");
        listVersions.keySet().forEach(list -> checked.add(list.name()));
        List<KycHit> active = activeHits();
        List<KycHit> inline = active.subList(0, Math.min(INLINE_HITS, active.size()));
        view.put("match_status", matchStatus())
                .put("total_hits", active.size())
                // the best hits are inline; all of them are paged through at hits_path
                .put("hits_truncated", inline.size() < active.size())
                .put("hits_path", hitsPath())
                .put("risk_score", risk)
                .put("risk_rating", RiskRating.of(risk).label());
        ArrayNode results = view.putArray("results_by_list");
        for (Map.Entry<SanctionsList, String> list : listVersions.entrySet()) {
            String name = list.getKey().name();
            ObjectNode result = results.addObject().put("list", name).put("list_version", list.getValue());
            long count = active.stream().filter(h -> h.list().equals(name)).count();
            ArrayNode matches = Json.array();
            inline.stream().filter(h -> h.list().equals(name)).forEach(h -> matches.add(h.view()));
            result.put("matched", count > 0).put("match_count", count);
            result.set("matches", matches);
        }
        view.put("search_type", minScore >= 100 ? "exact" : "fuzzy")
                .put("min_score", minScore)
                .put("processing_ms", processingMs)
                .put("created_at", iso(createdAt))
                .put("completed_at", completedAt == null ? null : iso(completedAt))
                .put("updated_at", iso(updatedAt));
        view.set("decision", decisionNode());
        view.set("metadata", metadata.deepCopy());
        view.put("monitoring", monitoring)
                .put("next_monitoring_at", nextMonitoringAt == null ? null : iso(nextMonitoringAt))
                .put("last_screened_at", lastScreenedAt == null ? null : iso(lastScreenedAt))
                .put("customer_reference", customerReference)
                .put("callback_url", callbackUrl);
        return view;
    }

    /** The decision as the API shows and the store keeps it; JSON null before one is made. */
    private JsonNode decisionNode() {
        if (decision == null) {
            return NullNode.getInstance();
        }
        return Json.object()
                .put("accepted", decision.accepted())
                .put("comment", decision.comment())
                .put("decided_by", decision.decidedBy())
                .put("decided_at", decision.decidedAt());
    }

    private ObjectNode entity() {
        return Json.object()
                .put("type", subject.typeLabel())
                .put("name", subject.name())
                .put("date_of_birth", subject.dateOfBirth())
                .put("nationality", subject.nationality())
                .put("document_id", subject.documentId())
                .put("country", subject.country());
    }

    /** The stored form as JSON text. */
    public String toStorage() {
        return Json.write(storage());
    }

    /**
     * The stored form: everything, including reviews of hits that are no longer active; the hits are the array
     * {@link #STORED_HITS}, in order, which a store may keep in parts and put back together for {@link #fromStorage}.
     */
    public ObjectNode storage() {
        ObjectNode node = Json.object()
                .put("tenant_id", tenantId)
                .put("job_id", jobId)
                .put("min_score", minScore)
                .put("monitoring", monitoring)
                .put("callback_url", callbackUrl)
                .put("customer_reference", customerReference)
                .put("created_at", createdAt)
                .put("completed_at", completedAt)
                .put("updated_at", updatedAt)
                .put("processing_ms", processingMs)
                .put("last_screened_at", lastScreenedAt)
                .put("next_monitoring_at", nextMonitoringAt);
        node.set("entity", entity());
        ArrayNode requested = node.putArray("lists_requested");
        requestedLists.forEach(list -> requested.add(list.name()));
        ObjectNode versions = node.putObject("list_versions");
        listVersions.forEach((list, v) -> versions.put(list.name(), v));
        ArrayNode stored = node.putArray(STORED_HITS);
        hits.values().forEach(hit -> stored.add(hit.toStorage()));
        node.set("decision", decisionNode());
        node.set("metadata", metadata);
        ArrayNode events = node.putArray("outbox");
        outbox.forEach(e -> events.addObject().put("event_id", e.eventId()).put("event_type", e.eventType())
                .put("created_at", e.createdAt()));
        return node;
    }

    public static KycCheck fromStorage(JsonNode node, long version) {
        JsonNode entity = node.path("entity");
        Set<SanctionsList> requested = EnumSet.noneOf(SanctionsList.class);
        node.path("lists_requested").forEach(list -> requested.add(SanctionsList.valueOf(list.asText())));
        KycCheck check = new KycCheck(node.path("tenant_id").asText(), node.path("job_id").asText(),
                new KycSubject("business".equals(Json.text(entity, "type")) ? SubjectType.BUSINESS : SubjectType.PERSON,
                        Json.text(entity, "name"), Json.text(entity, "date_of_birth"), Json.text(entity, "nationality"),
                        Json.text(entity, "document_id"), Json.text(entity, "country")),
                requested, node.path("min_score").asInt(), node.path("monitoring").asBoolean(),
                Json.text(node, "callback_url"), Json.text(node, "customer_reference"), node.path("created_at").asLong());
        check.completedAt = longOrNull(node, "completed_at");
        check.updatedAt = node.path("updated_at").asLong();
        check.processingMs = node.path("processing_ms").asLong();
        check.lastScreenedAt = longOrNull(node, "last_screened_at");
        check.nextMonitoringAt = longOrNull(node, "next_monitoring_at");
        node.path("list_versions").fields().forEachRemaining(
                e -> check.listVersions.put(SanctionsList.valueOf(e.getKey()), e.getValue().asText()));
        node.path(STORED_HITS).forEach(h -> {
            KycHit hit = KycHit.fromStorage(h);
            check.hits.put(hit.hitId(), hit);
        });
        JsonNode decision = node.get("decision");
        if (decision != null && decision.isObject()) {
            check.decision = new Decision(decision.path("accepted").asBoolean(), Json.text(decision, "comment"),
                    Json.text(decision, "decided_by"), Json.text(decision, "decided_at"));
        }
        if (node.path("metadata").isArray()) {
            check.metadata = (ArrayNode) node.get("metadata");
        }
        node.path("outbox").forEach(e -> check.outbox.add(new PendingEvent(Json.text(e, "event_id"),
                Json.text(e, "event_type"), Json.text(e, "created_at"))));
        check.version = version;
        return check;
    }

    private static Long longOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asLong();
    }

    static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    public String tenantId() {
        return tenantId;
    }

    public String jobId() {
        return jobId;
    }

    public KycSubject subject() {
        return subject;
    }

    public boolean monitoring() {
        return monitoring;
    }

    public String callbackUrl() {
        return callbackUrl;
    }

    public long createdAt() {
        return createdAt;
    }

    public Long nextMonitoringAt() {
        return nextMonitoringAt;
    }

    public Decision decision() {
        return decision;
    }

    public Collection<KycHit> hits() {
        return hits.values();
    }

    public long version() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    /**
     * How the store laid the check out when it last read or wrote it, opaque to the domain (the DynamoDB store notes
     * where the hits are that its main item has no room for); null before the check is stored.
     */
    public String storedLayout() {
        return storedLayout;
    }

    public void setStoredLayout(String storedLayout) {
        this.storedLayout = storedLayout;
    }
}
