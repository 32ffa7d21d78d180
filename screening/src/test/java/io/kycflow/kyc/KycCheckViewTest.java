package io.kycflow.kyc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.json.Json;
import io.kycflow.sanctions.SanctionsList;
import io.kycflow.testing.ScreenedChecks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The view of a check (GET /kyc/{jobId}, callbacks) stays small whatever the number of hits: the best ones inline,
 * the true totals, a pointer to the rest. Screened against the real lists (skipped without them).
 */
class KycCheckViewTest {
    /** A callback carries the view through SQS, whose messages are at most 256 KB. */
    private static final int SQS_MESSAGE_LIMIT = 256 * 1024;

    @Test
    void aCheckWithThousandsOfHitsShowsTheBestHundredAndTheTrueTotals() {
        KycCheck check = ScreenedChecks.everyEntry("acme");
        List<KycHit> active = check.activeHits();
        ObjectNode view = check.view();

        assertEquals(active.size(), view.get("total_hits").asInt());
        assertTrue(view.get("hits_truncated").asBoolean());
        assertEquals("/kyc/" + check.jobId() + "/hits", view.get("hits_path").asText());
        int counted = 0;
        List<String> inline = new ArrayList<>();
        for (JsonNode list : view.get("results_by_list")) {
            String name = list.get("list").asText();
            long total = active.stream().filter(hit -> hit.list().equals(name)).count();
            assertEquals(total, list.get("match_count").asLong(), name);
            assertEquals(total > 0, list.get("matched").asBoolean(), name);
            counted += list.get("match_count").asInt();
            list.get("matches").forEach(match -> inline.add(match.get("hit_id").asText()));
        }
        assertEquals(active.size(), counted);
        assertEquals(KycCheck.INLINE_HITS, inline.size());
        List<String> best = active.subList(0, KycCheck.INLINE_HITS).stream().map(KycHit::hitId).toList();
        assertEquals(best.stream().sorted().toList(), inline.stream().sorted().toList(), "the best hits are the ones inline");
        assertTrue(active.get(KycCheck.INLINE_HITS - 1).score() >= active.get(KycCheck.INLINE_HITS).score());

        int bytes = Json.bytes(view).length;
        System.out.printf("view of a check with %d hits: %d bytes%n", active.size(), bytes);
        assertTrue(bytes < SQS_MESSAGE_LIMIT / 2, "room for the callback envelope: " + bytes);
    }

    @Test
    void aCheckWithAFewHitsShowsThemAll() {
        KycCheck check = ScreenedChecks.screened("acme", "Nicolas Maduro Moros", 90);
        ObjectNode view = check.view();
        assertFalse(view.get("hits_truncated").asBoolean());
        int inline = 0;
        for (JsonNode list : view.get("results_by_list")) {
            assertEquals(list.get("match_count").asInt(), list.get("matches").size());
            inline += list.get("matches").size();
        }
        assertEquals(check.activeHits().size(), inline);
        assertTrue(inline > 0);
    }

    @Test
    void activeHitsComeBestFirstThenByListAndSourceId() {
        List<KycHit> active = ScreenedChecks.everyEntry("acme").activeHits();
        for (int i = 1; i < active.size(); i++) {
            HitPosition before = active.get(i - 1).position();
            HitPosition after = active.get(i).position();
            assertTrue(before.score() >= after.score(), before + " before " + after);
            if (before.score() == after.score()) {
                assertTrue(before.list().compareTo(after.list()) <= 0, before + " before " + after);
            }
        }
        assertTrue(new HitPosition(90, SanctionsList.OFAC_SDN, "36").compareTo(new HitPosition(90, SanctionsList.OFAC_SDN, "306")) < 0,
                "OFAC numbers are compared as numbers");
    }
}
