package io.kycflow.identity.aws;

import io.kycflow.identity.LivenessResult;
import io.kycflow.identity.LivenessResult.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.rekognition.RekognitionClient;

import java.util.Map;

import static io.kycflow.identity.aws.RekognitionFaceAnalyzerTest.REKOGNITION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Face Liveness sessions and their results through the real SDK client, answered with recorded responses. */
class RekognitionLivenessCheckerTest {
    private static final String SESSION = "0f959dbb-37cc-45d8-a08d-dc42cce85fa8";
    private static final byte[] SELFIE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private final RecordedAws aws = new RecordedAws();
    private final RekognitionClient client = IdentityAws.rekognition(aws.settings(Map.of()));
    private final RekognitionLivenessChecker checker = new RekognitionLivenessChecker(client);

    @AfterEach
    void close() {
        client.close();
        aws.close();
    }

    @Test
    void aSucceededSessionGivesItsConfidence() {
        aws.answer("GetFaceLivenessSessionResults", "liveness-succeeded.json");

        LivenessResult result = checker.check(SESSION, SELFIE);

        RecordedAws.Sent sent = aws.sent().getFirst();
        assertEquals("RekognitionService.GetFaceLivenessSessionResults", sent.target());
        assertEquals(SESSION, sent.body().get("SessionId").asText());
        assertEquals(new LivenessResult(REKOGNITION, 98.53516387939453f, SESSION, Outcome.JUDGED), result);
    }

    @ParameterizedTest
    @CsvSource({
            "liveness-created.json, NOT_FINISHED",
            "liveness-in-progress.json, NOT_FINISHED",
            "liveness-expired.json, EXPIRED",
            "liveness-failed.json, FAILED",
            "liveness-unknown-status.json, FAILED"})
    void everyOtherStatusIsAnOutcomeWithoutAJudgement(String response, Outcome outcome) {
        aws.answer("GetFaceLivenessSessionResults", response);

        assertEquals(new LivenessResult(REKOGNITION, 0, SESSION, outcome), checker.check(SESSION, SELFIE));
    }

    @Test
    void anUnknownSessionIsAnOutcome() {
        aws.answer("GetFaceLivenessSessionResults", 400, "error-session-not-found.json");

        assertEquals(new LivenessResult(REKOGNITION, 0, SESSION, Outcome.UNKNOWN_SESSION), checker.check(SESSION, SELFIE));
        assertEquals(1, aws.sent().size());
    }

    @Test
    void noSessionMeansLivenessWasNotPerformedAndNothingIsAsked() {
        assertEquals(new LivenessResult(REKOGNITION, 0, null, Outcome.NOT_PERFORMED), checker.check(null, SELFIE));
        assertEquals(Outcome.NOT_PERFORMED, checker.check(" ", SELFIE).outcome());
        assertTrue(aws.sent().isEmpty());
    }

    @Test
    void aSessionIdThatIsNoUuidIsUnknownWithoutAsking() {
        assertEquals(Outcome.UNKNOWN_SESSION, checker.check("../../other-tenant", SELFIE).outcome());
        assertTrue(aws.sent().isEmpty());
    }

    @Test
    void aSessionWritesItsImagesUnderTheJourneysFolder() {
        aws.answer("CreateFaceLivenessSession", "create-liveness-session.json");
        FaceLivenessSessions sessions = IdentityAws.livenessSessions(
                aws.settings(Map.of("KYCFLOW_BUCKET", "kycflow-uploads", "KYCFLOW_LIVENESS_AUDIT_IMAGES", "3")), client);

        String sessionId = sessions.create("tenant-a", "jrn_01JD7Q2W0000000000000001");

        assertEquals(SESSION, sessionId);
        RecordedAws.Sent sent = aws.sent().getFirst();
        assertEquals("RekognitionService.CreateFaceLivenessSession", sent.target());
        assertEquals("kycflow-uploads", sent.body().at("/Settings/OutputConfig/S3Bucket").asText());
        assertEquals("liveness/tenant-a/jrn_01JD7Q2W0000000000000001/",
                sent.body().at("/Settings/OutputConfig/S3KeyPrefix").asText());
        assertEquals(3, sent.body().at("/Settings/AuditImagesLimit").asInt());
    }

    @Test
    void aBucketOfItsOwnAndTheDefaultAuditImages() {
        aws.answer("CreateFaceLivenessSession", "create-liveness-session.json");
        FaceLivenessSessions sessions = IdentityAws.livenessSessions(aws.settings(Map.of(
                "KYCFLOW_BUCKET", "kycflow-uploads", "KYCFLOW_LIVENESS_BUCKET", "kycflow-liveness",
                "KYCFLOW_LIVENESS_PREFIX", "audit/")), client);

        sessions.create("tenant-b", "jrn_2");

        RecordedAws.Sent sent = aws.sent().getFirst();
        assertEquals("kycflow-liveness", sent.body().at("/Settings/OutputConfig/S3Bucket").asText());
        assertEquals("audit/tenant-b/jrn_2/", sent.body().at("/Settings/OutputConfig/S3KeyPrefix").asText());
        assertEquals(2, sent.body().at("/Settings/AuditImagesLimit").asInt());
    }

    @Test
    void moreAuditImagesThanFaceLivenessKeepsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IdentityAws.livenessSessions(
                aws.settings(Map.of("KYCFLOW_BUCKET", "b", "KYCFLOW_LIVENESS_AUDIT_IMAGES", "5")), client));
        assertTrue(e.getMessage().contains("0-4"), e.getMessage());
    }
}
