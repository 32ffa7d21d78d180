package io.kycflow.fn.amlscreening;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.journey.DecisionStatus;
import io.kycflow.journey.DecisionWarning;
import io.kycflow.journey.JourneyRules;
import io.kycflow.json.Json;
import io.kycflow.kyc.KycCheck;
import io.kycflow.kyc.KycHit;
import io.kycflow.kyc.KycStatus;
import io.kycflow.kyc.KycSubject;
import io.kycflow.kyc.RiskRating;

import java.util.List;

/**
 * A KYC check rendered as the AML screening report of a journey's V3 decision (seed 002, {@code aml_screenings[]}):
 * status, total_hits, the hits with their review status, the risk score, the data screened, monitoring, warnings.
 * It names the check ({@code job_id}) so reviewers work its hits through the KYC checks API.
 */
public final class AmlScreeningReport {
    private static final DecisionWarning POSSIBLE_MATCH = new DecisionWarning("AML", "POSSIBLE_MATCH_FOUND", "warning",
            "Possible sanctions match", "The applicant's name is close to entries on the sanctions lists screened; "
            + "a reviewer must confirm or clear each hit.", JourneyRules.AML_SCREENING_NODE);
    private static final DecisionWarning NOT_PERFORMED = new DecisionWarning("AML", "AML_SCREENING_NOT_PERFORMED",
            "warning", "AML screening not performed", "Neither the document nor the journey's userInfo gave the "
            + "applicant's name, so the applicant could not be screened against the sanctions lists.",
            JourneyRules.AML_SCREENING_NODE);

    private AmlScreeningReport() {
    }

    /**
     * The report of one check: Approved when no hit waits for review, else In Review. It is stored on the journey,
     * so like the check's own view it carries the best {@value KycCheck#INLINE_HITS} hits and the true total.
     */
    public static ObjectNode of(KycCheck check) {
        List<KycHit> active = check.activeHits();
        ArrayNode hits = Json.array();
        for (KycHit hit : active.subList(0, Math.min(KycCheck.INLINE_HITS, active.size()))) {
            hits.add(hit.view().put("list", hit.list()));
        }
        boolean review = check.status() == KycStatus.IN_REVIEW;
        KycSubject subject = check.subject();
        ObjectNode report = Json.object()
                .put("status", (review ? DecisionStatus.IN_REVIEW : DecisionStatus.APPROVED).label())
                .put("job_id", check.jobId())
                .put("total_hits", active.size())
                .put("hits_truncated", hits.size() < active.size())
                .put("hits_path", check.hitsPath())
                .put("entity_type", subject.typeLabel());
        report.set("hits", hits);
        int risk = check.riskScore();
        report.put("score", risk)
                .put("risk_rating", RiskRating.of(risk).label())
                .put("match_status", check.matchStatus());
        report.putObject("screened_data")
                .put("full_name", subject.name())
                .put("date_of_birth", subject.dateOfBirth())
                .put("nationality", subject.nationality())
                .put("document_id", subject.documentId());
        report.put("is_ongoing_monitoring_enabled", check.monitoring())
                .put("next_ongoing_monitoring_bill_date", (String) null)
                .put("node_id", JourneyRules.AML_SCREENING_NODE);
        ArrayNode warnings = report.putArray("warnings");
        if (review) {
            // In Review means a hit is active, and the active hits come best first
            warnings.add(POSSIBLE_MATCH.toJson(Json.object()
                    .put("total_hits", active.size())
                    .put("best_score", active.get(0).score())
                    .put("job_id", check.jobId())));
        }
        return report;
    }

    /** The report when no name is known to screen: In Review, a reviewer has to screen the applicant by hand. */
    public static ObjectNode notPerformed() {
        ObjectNode report = Json.object()
                .put("status", DecisionStatus.IN_REVIEW.label())
                .put("total_hits", 0)
                .put("entity_type", "person");
        report.putArray("hits");
        report.putNull("score");
        report.putNull("screened_data");
        report.put("is_ongoing_monitoring_enabled", false)
                .putNull("next_ongoing_monitoring_bill_date");
        report.put("node_id", JourneyRules.AML_SCREENING_NODE);
        report.putArray("warnings").add(NOT_PERFORMED.toJson(null));
        return report;
    }
}
