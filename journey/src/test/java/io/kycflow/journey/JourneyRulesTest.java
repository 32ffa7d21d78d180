package io.kycflow.journey;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.json.Json;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JourneyRulesTest {
    private static final long T0 = 1_700_000_000_000L;

    private static Journey journey() {
        return Journey.create("tenant-a", "j_1", T0, 600);
    }

    @Test
    void newJourneyWaitsForConsentAndIsNotStarted() {
        Journey journey = journey();
        assertEquals(JourneyStep.INIT, journey.step());
        assertEquals(CurrentStatus.NOT_STARTED, journey.currentStatus());
        assertEquals(DecisionStatus.NOT_STARTED, journey.decisionStatus());
        assertEquals(JourneyStep.CONSENT, JourneyRules.nextUserStep(journey));
        assertEquals(T0 + 600_000, journey.expiresAt());
    }

    @Test
    void passportSkipsTheBackSide() {
        Journey journey = journey();
        JourneyRules.acceptConsent(journey, true, T0 + 1);
        JourneyRules.selectDocument(journey, "ESP", IdType.PASSPORT, T0 + 2);
        JourneyRules.acceptImage(journey, CaptureSide.FRONT, "front", T0 + 3);
        assertEquals(JourneyStep.FACE_CAPTURE, JourneyRules.nextUserStep(journey));
    }

    @Test
    void idCardNeedsTheBackSide() {
        Journey journey = journey();
        JourneyRules.acceptConsent(journey, true, T0 + 1);
        JourneyRules.selectDocument(journey, "ESP", IdType.ID_CARD, T0 + 2);
        JourneyRules.acceptImage(journey, CaptureSide.FRONT, "front", T0 + 3);
        assertEquals(JourneyStep.DOC_BACK, JourneyRules.nextUserStep(journey));
        assertThrows(JourneyConflictException.class, () -> JourneyRules.acceptImage(journey, CaptureSide.SELFIE, "s", T0 + 4));
    }

    @Test
    void inputOutOfTurnIsAConflict() {
        Journey journey = journey();
        JourneyConflictException e = assertThrows(JourneyConflictException.class,
                () -> JourneyRules.selectDocument(journey, "ESP", IdType.PASSPORT, T0));
        assertTrue(e.getMessage().contains("CONSENT"));
    }

    @Test
    void awaitStoresTheTokenUntilTheInputArrivesThenHandsItOverOnce() {
        Journey journey = journey();
        assertNull(JourneyRules.await(journey, JourneyStep.CONSENT, "token-1", T0));
        assertEquals(JourneyStep.CONSENT, journey.step());
        assertEquals(JourneyStep.CONSENT, journey.waitingStep());
        JourneyRules.acceptConsent(journey, true, T0 + 5);
        assertEquals("token-1", JourneyRules.takeResumeToken(journey, JourneyStep.CONSENT));
        assertNull(JourneyRules.takeResumeToken(journey, JourneyStep.CONSENT), "a token is handed out once");
    }

    @Test
    void inputBeforeTheWaitResumesAtOnce() {
        Journey journey = journey();
        JourneyRules.acceptConsent(journey, true, T0);
        assertNull(JourneyRules.takeResumeToken(journey, JourneyStep.CONSENT), "nobody waits yet");
        assertEquals("token-2", JourneyRules.await(journey, JourneyStep.CONSENT, "token-2", T0 + 1));
        assertNull(journey.waitingStep());
    }

    @Test
    void resumeOutputCarriesWhatTheStateMachineReads() {
        Journey journey = journey();
        JourneyRules.acceptConsent(journey, true, T0);
        JourneyRules.selectDocument(journey, "FRA", IdType.PASSPORT, T0);
        ObjectNode output = JourneyRules.resumeOutput(journey, T0 + 100_000);
        assertEquals(500, output.get("secondsLeft").asLong());
        assertTrue(output.get("consent").asBoolean());
        assertEquals("PASSPORT", output.get("idType").asText());
        assertEquals(1, JourneyRules.secondsLeft(journey, T0 + 10_000_000), "never zero or negative");
    }

    @Test
    void completeApprovesAPassedDocumentAndDeclinesAFailedOne() {
        for (boolean passed : new boolean[]{true, false}) {
            Journey journey = journey();
            JourneyRules.acceptConsent(journey, true, T0);
            JourneyRules.selectDocument(journey, "ESP", IdType.PASSPORT, T0);
            JourneyRules.recordDocumentCheck(journey, Json.object(), passed, Json.array(), T0);
            JourneyRules.complete(journey, T0 + 9);
            assertEquals(passed ? DecisionStatus.APPROVED : DecisionStatus.DECLINED, journey.decisionStatus());
            assertEquals(JourneyStep.COMPLETE, journey.step());
            assertEquals(CurrentStatus.COMPLETED, journey.currentStatus());
            assertEquals(T0 + 9, journey.state().get("completedAt").asLong());
        }
    }

    @Test
    void anAmlScreeningInReviewPutsAnOtherwiseApprovedJourneyInReviewButNotADeclinedOne() {
        for (boolean passed : new boolean[]{true, false}) {
            Journey journey = journey();
            JourneyRules.acceptConsent(journey, true, T0);
            JourneyRules.selectDocument(journey, "ESP", IdType.PASSPORT, T0);
            JourneyRules.recordDocumentCheck(journey, Json.object(), passed, Json.array(), T0);
            // a report In Review, as the screening renders one when there was nothing to screen
            JourneyRules.recordAmlScreening(journey, (ObjectNode) Json.object().put("status", "In Review"), T0 + 5);
            JourneyRules.complete(journey, T0 + 9);
            assertEquals(passed ? DecisionStatus.IN_REVIEW : DecisionStatus.DECLINED, journey.decisionStatus());
            assertEquals("In Review", JourneyView.decision(journey, key -> "url:" + key)
                    .at("/aml_screenings/0/status").asText());
        }
        Journey clean = journey();
        JourneyRules.recordDocumentCheck(clean, Json.object(), true, Json.array(), T0);
        JourneyRules.recordAmlScreening(clean, (ObjectNode) Json.object().put("status", "Approved").put("total_hits", 0), T0 + 5);
        JourneyRules.complete(clean, T0 + 9);
        assertEquals(DecisionStatus.APPROVED, clean.decisionStatus());
        assertEquals("Journey completed.", clean.message());
    }

    @Test
    void theAmlStepScreensTheDocumentsFieldsOverUserInfoAndNeedsAName() {
        Journey journey = journey();
        assertNull(JourneyRules.applicant(journey), "no name known");

        journey.configure(null, null, Json.object().put("firstName", "Ana").put("lastName", "Ruiz")
                .put("dateOfBirth", "1990-05-12").put("idNumber", "X123"), null, null, null);
        JourneyRules.acceptConsent(journey, true, T0);
        JourneyRules.selectDocument(journey, "ESP", IdType.PASSPORT, T0);
        var fromUserInfo = JourneyRules.applicant(journey);
        assertEquals("Ana Ruiz", fromUserInfo.name());
        assertEquals("1990-05-12", fromUserInfo.dateOfBirth());
        assertEquals("ESP", fromUserInfo.nationality(), "a passport's issuing state stands in for nationality");
        assertEquals("X123", fromUserInfo.documentNumber());

        ObjectNode intelligence = Json.object();
        intelligence.putObject("extractedFields").put("names", "ANA MARIA RUIZ GARCIA").put("DOB", "12/05/1990")
                .put("nationality", "PRT");
        JourneyRules.recordDocumentCheck(journey, intelligence, true, Json.array(), T0);
        var fromDocument = JourneyRules.applicant(journey);
        assertEquals("ANA MARIA RUIZ GARCIA", fromDocument.name());
        assertEquals("1990-05-12", fromDocument.dateOfBirth(), "a date the screening cannot read is not used");
        assertEquals("PRT", fromDocument.nationality());
    }

    @Test
    void expiryAndFailureEndTheJourneyWithAnExplanationAndDoNotOverrideAFinalDecision() {
        Journey expired = journey();
        JourneyRules.await(expired, JourneyStep.CONSENT, "t", T0);
        JourneyRules.expire(expired, T0 + 1);
        assertEquals(DecisionStatus.EXPIRED, expired.decisionStatus());
        assertEquals(CurrentStatus.COMPLETED, expired.currentStatus());
        assertNull(expired.waitingStep());
        assertTrue(expired.message().contains("expired"));
        assertNull(JourneyRules.nextUserStep(expired));

        Journey failed = journey();
        JourneyRules.fail(failed, "States.Timeout", T0);
        assertEquals(DecisionStatus.IN_REVIEW, failed.decisionStatus());
        assertTrue(failed.message().contains("States.Timeout"));
        JourneyRules.expire(failed, T0 + 1);
        assertEquals(DecisionStatus.IN_REVIEW, failed.decisionStatus(), "a final decision stays");

        Journey unscreened = journey();
        JourneyRules.fail(unscreened, JourneyRules.LISTS_UNAVAILABLE_ERROR, T0);
        assertEquals(DecisionStatus.IN_REVIEW, unscreened.decisionStatus());
        assertTrue(unscreened.message().contains("no sanctions list is loaded (lists_unavailable)"), unscreened.message());
    }

    @Test
    void declinedConsentEndsTheJourneyDeclined() {
        Journey journey = journey();
        JourneyRules.acceptConsent(journey, false, T0);
        JourneyRules.declineConsent(journey, T0 + 1);
        assertEquals(DecisionStatus.DECLINED, journey.decisionStatus());
        assertEquals("consent", JourneyView.result(journey, key -> "u:" + key).get("decision").get("reason").asText());
        assertThrows(JourneyConflictException.class, () -> JourneyRules.requireNext(journey, JourneyStep.DOC_SELECTION));
    }

    @Test
    void storageRoundTripKeepsEverything() {
        Journey journey = journey();
        JourneyRules.acceptConsent(journey, true, T0);
        journey.setVersion(7);
        Journey restored = Journey.fromStorage(journey.toStorage(), 7);
        assertEquals(journey.toStorage(), restored.toStorage());
        assertEquals(7, restored.version());
        assertFalse(restored.toStorage().isEmpty());
    }

    @Test
    void aTokenWhoseResumeFailedGoesBackUnlessTheJourneyHasMovedOnOrEnded() {
        Journey journey = journey();
        JourneyRules.await(journey, JourneyStep.CONSENT, "t-consent", T0);
        JourneyRules.acceptConsent(journey, true, T0);
        JourneyRules.await(journey, JourneyStep.DOC_SELECTION, "t-selection", T0);
        JourneyRules.returnResumeToken(journey, JourneyStep.CONSENT, "t-consent");
        assertEquals("t-selection", journey.waitingToken());
        JourneyRules.selectDocument(journey, "ESP", IdType.PASSPORT, T0);
        assertEquals("t-selection", JourneyRules.takeResumeToken(journey, JourneyStep.DOC_SELECTION));
        JourneyRules.returnResumeToken(journey, JourneyStep.DOC_SELECTION, "t-selection");
        assertEquals("t-selection", JourneyRules.takeResumeToken(journey, JourneyStep.DOC_SELECTION), "back for a retry");
        JourneyRules.expire(journey, T0);
        JourneyRules.returnResumeToken(journey, JourneyStep.DOC_SELECTION, "t-selection");
        assertNull(journey.waitingStep(), "an ended journey waits for nothing");
    }
}
