package io.kycflow.kyc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.auth.Secrets;
import io.kycflow.json.Json;
import io.kycflow.sanctions.SanctionsList;
import io.kycflow.screening.FieldCheck;
import io.kycflow.screening.ScreeningHit;

import java.util.Comparator;
import java.util.Locale;

/**
 * One listed entry a KYC check matched, with its review. The hit id is stable for the subject and the entry
 * ({@code <list>-<source id>}), so a re-screen finds the same hit again and its review carries over; the
 * fingerprint tells whether the listed entry changed since the review.
 */
public final class KycHit {
    /** The order hits are shown and paged in: see {@link HitPosition}. */
    public static final Comparator<KycHit> ORDER = Comparator.comparing(KycHit::position);

    private final String hitId;
    private ObjectNode match;
    private String fingerprint;
    private boolean active;
    private ReviewStatus reviewStatus = ReviewStatus.PENDING;
    private String reviewedBy;
    private String reviewedAt;
    private String note;
    private String raisedAt;

    private KycHit(String hitId) {
        this.hitId = hitId;
    }

    /** The id a listed entry's hit has in every check. */
    public static String idOf(ScreeningHit hit) {
        return hit.list().name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + hit.sourceId();
    }

    static KycHit raised(ScreeningHit hit, String at) {
        KycHit kycHit = new KycHit(idOf(hit));
        kycHit.take(hit);
        kycHit.raisedAt = at;
        return kycHit;
    }

    /**
     * Takes a re-screen's view of the entry. A cleared hit stays cleared while the entry is unchanged; if the entry
     * changed, any earlier review no longer holds and the hit is raised again.
     *
     * @return true when the hit is newly raised (it needs a reviewer again)
     */
    boolean update(ScreeningHit hit, String at) {
        boolean wasActive = active;
        String before = fingerprint;
        take(hit);
        if (before != null && !before.equals(fingerprint) && reviewStatus != ReviewStatus.PENDING) {
            reviewStatus = ReviewStatus.PENDING;
            reviewedBy = null;
            reviewedAt = null;
            note = null;
            raisedAt = at;
            return true;
        }
        if (!wasActive && reviewStatus == ReviewStatus.PENDING) {
            raisedAt = at;
            return true;
        }
        return false;
    }

    private void take(ScreeningHit hit) {
        match = Json.object()
                .put("matched_name", hit.matchedName())
                .put("primary_name", hit.primaryName())
                .put("score", hit.score())
                .put("name_score", hit.nameScore())
                .put("ofac_score", hit.ofacScore())
                .put("entity_type", hit.entityType().name().toLowerCase(Locale.ROOT))
                .put("list", hit.list().name())
                .put("list_version", hit.listVersion())
                .put("source_id", hit.sourceId());
        strings(match.putArray("programs"), hit.programs());
        strings(match.putArray("dates_of_birth"), hit.datesOfBirth());
        strings(match.putArray("nationalities"), hit.nationalities());
        ArrayNode checks = match.putArray("field_checks");
        for (FieldCheck check : hit.fieldChecks()) {
            checks.addObject()
                    .put("field", check.field())
                    .put("outcome", check.outcome().name().toLowerCase(Locale.ROOT))
                    .put("adjustment", check.adjustment())
                    .put("queried", check.queried())
                    .put("listed", check.listed());
        }
        // What the listing says, not how well it matched: a new score alone does not re-raise a cleared hit.
        fingerprint = Secrets.hash(String.join("\u0000", hit.primaryName(), hit.entityType().name(),
                String.join("|", hit.programs()), String.join("|", hit.datesOfBirth()), String.join("|", hit.nationalities())));
        active = true;
    }

    private static void strings(ArrayNode array, Iterable<String> values) {
        values.forEach(array::add);
    }

    void deactivate() {
        active = false;
    }

    void review(ReviewStatus status, String by, String at, String reviewNote) {
        reviewStatus = status;
        reviewedBy = by;
        reviewedAt = at;
        note = reviewNote;
    }

    public String hitId() {
        return hitId;
    }

    public int score() {
        return match.path("score").asInt();
    }

    public String list() {
        return match.path("list").asText();
    }

    /** The entry's id on its list. */
    public String sourceId() {
        return match.path("source_id").asText();
    }

    public HitPosition position() {
        return new HitPosition(score(), SanctionsList.valueOf(list()), sourceId());
    }

    /** Whether the latest screening still returned this entry. */
    public boolean active() {
        return active;
    }

    public ReviewStatus reviewStatus() {
        return reviewStatus;
    }

    /** When the hit was (last) raised for review, ISO 8601. */
    public String raisedAt() {
        return raisedAt;
    }

    /** The API's match object (a new object each call). */
    public ObjectNode view() {
        ObjectNode view = Json.object().put("hit_id", hitId);
        view.setAll(match);
        view.remove("list");
        view.remove("list_version");
        view.put("review_status", reviewStatus.value())
                .put("reviewed_by", reviewedBy)
                .put("reviewed_at", reviewedAt)
                .put("review_note", note)
                .put("raised_at", raisedAt);
        return view;
    }

    ObjectNode toStorage() {
        ObjectNode node = view();
        node.put("list", list()).put("list_version", match.path("list_version").asText())
                .put("fingerprint", fingerprint).put("active", active);
        return node;
    }

    static KycHit fromStorage(JsonNode node) {
        KycHit hit = new KycHit(node.path("hit_id").asText());
        ObjectNode match = ((ObjectNode) node).deepCopy();
        for (String internal : new String[]{"hit_id", "review_status", "reviewed_by", "reviewed_at", "review_note",
                "raised_at", "fingerprint", "active"}) {
            match.remove(internal);
        }
        hit.match = match;
        hit.fingerprint = Json.text(node, "fingerprint");
        hit.active = node.path("active").asBoolean();
        hit.reviewStatus = ReviewStatus.of(node.path("review_status").asText("pending"));
        hit.reviewedBy = Json.text(node, "reviewed_by");
        hit.reviewedAt = Json.text(node, "reviewed_at");
        hit.note = Json.text(node, "review_note");
        hit.raisedAt = Json.text(node, "raised_at");
        return hit;
    }
}
