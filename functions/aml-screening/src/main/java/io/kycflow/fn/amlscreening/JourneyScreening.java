package io.kycflow.fn.amlscreening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.journey.Journey;
import io.kycflow.journey.JourneyNotFoundException;
import io.kycflow.journey.JourneyRules;
import io.kycflow.journey.JourneyService;
import io.kycflow.json.Json;
import io.kycflow.kyc.KycCheck;
import io.kycflow.kyc.KycService;
import io.kycflow.kyc.KycSubject;
import io.kycflow.screening.SubjectType;

import java.util.Set;

/**
 * The journey's AML step (a state machine task after FACE_CAPTURE): screens the applicant the journey knows as a KYC
 * check of its own ({@code kyc_<journeyId>}, reviewable through /kyc) and records the seed 002 report on the journey.
 * A retried step finds the check and the report its first attempt stored.
 */
final class JourneyScreening {
    private final JourneyService journeys;
    private final KycService checks;

    JourneyScreening(JourneyService journeys, KycService checks) {
        this.journeys = journeys;
        this.checks = checks;
    }

    /** The id of the check that screens a journey's applicant. */
    static String jobId(String journeyId) {
        return "kyc_" + journeyId;
    }

    /** Screens the journey's applicant; returns the report's status and hit count for the state machine. */
    JsonNode screen(String tenantId, String journeyId) {
        Journey journey = journeys.find(tenantId, journeyId).orElseThrow(() -> new JourneyNotFoundException(journeyId));
        JsonNode report = journey.state().get("amlScreening");
        if (report == null) {
            report = screen(journey);
            ObjectNode recorded = (ObjectNode) report;
            journeys.update(tenantId, journeyId, (current, now) -> {
                if (!JourneyRules.isFinished(current)) {
                    JourneyRules.recordAmlScreening(current, recorded, now);
                }
                return null;
            });
        }
        return Json.object()
                .put("status", report.path("status").asText())
                .put("totalHits", report.path("total_hits").asInt());
    }

    private ObjectNode screen(Journey journey) {
        JourneyRules.Applicant applicant = JourneyRules.applicant(journey);
        if (applicant == null) {
            return AmlScreeningReport.notPerformed();
        }
        KycSubject subject = new KycSubject(SubjectType.PERSON, applicant.name(), applicant.dateOfBirth(),
                applicant.nationality(), applicant.documentNumber(), null);
        KycCheck check = checks.createOnce(new KycCheck.Request(journey.tenantId(), subject, Set.of(),
                KycApi.DEFAULT_MIN_SCORE, false, null, journey.customerReference()), jobId(journey.journeyId()));
        return AmlScreeningReport.of(check);
    }
}
