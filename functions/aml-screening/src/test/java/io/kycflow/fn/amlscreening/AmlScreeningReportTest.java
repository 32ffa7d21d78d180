package io.kycflow.fn.amlscreening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.journey.Journey;
import io.kycflow.journey.JourneyRules;
import io.kycflow.journey.JourneyView;
import io.kycflow.kyc.KycCheck;
import io.kycflow.kyc.KycHit;
import io.kycflow.testing.ScreenedChecks;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A journey's AML report, and so the journey that stores it, stays small whatever the number of hits. */
class AmlScreeningReportTest {

    @Test
    void theReportOfACheckWithThousandsOfHitsCarriesTheBestHundredAndTheTrueTotal() {
        KycCheck check = ScreenedChecks.everyEntry("acme");
        List<KycHit> active = check.activeHits();
        ObjectNode report = AmlScreeningReport.of(check);

        assertEquals("In Review", report.get("status").asText());
        assertEquals(active.size(), report.get("total_hits").asInt());
        assertTrue(report.get("hits_truncated").asBoolean());
        assertEquals("/kyc/" + check.jobId() + "/hits", report.get("hits_path").asText());
        assertEquals(KycCheck.INLINE_HITS, report.get("hits").size());
        for (int i = 0; i < KycCheck.INLINE_HITS; i++) {
            assertEquals(active.get(i).hitId(), report.at("/hits/" + i + "/hit_id").asText());
        }
        JsonNode warning = report.at("/warnings/0/additional_data");
        assertEquals(active.size(), warning.get("total_hits").asInt());
        assertEquals(active.get(0).score(), warning.get("best_score").asInt());

        Journey journey = Journey.create("acme", "j_large", System.currentTimeMillis(), 600);
        int before = journey.toStorage().getBytes(StandardCharsets.UTF_8).length;
        JourneyRules.recordAmlScreening(journey, report, System.currentTimeMillis());
        int stored = journey.toStorage().getBytes(StandardCharsets.UTF_8).length - before;
        System.out.printf("AML report of a check with %d hits stored on the journey: %d bytes%n", active.size(), stored);
        assertTrue(stored < 150 * 1024, "the journey item stays far from 400 KB: " + stored);
        assertEquals(report, JourneyView.result(journey, key -> key).at("/decision/aml_screenings/0"));
    }
}
