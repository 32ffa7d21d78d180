package io.kycflow.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.journey.DecisionStatus;
import io.kycflow.journey.IdType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaceVerificationTest {
    private static final Engine ONNX = new Engine(Engine.Kind.LOCAL, "onnx-faceplugin", "0.0.1");
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    private static final DetectedFace PORTRAIT = face(0.2, 99, null);
    private static final DetectedFace SELFIE = face(0.4, 99, new AgeRange(30, 38));

    private final FaceVerification verification = new FaceVerification(IdentityThresholds.DEFAULT);

    private static DetectedFace face(double width, double confidence, AgeRange age) {
        return new DetectedFace(new FaceBox(0.3, 0.2, width, width * 1.3), confidence, 80.0, 55.0, age);
    }

    private static FaceVerification.Inputs inputs(List<DetectedFace> selfieFaces, Double similarity, double liveness,
                                                  List<FaceRegistry.FaceDuplicate> duplicates,
                                                  List<AgeCondition> conditions, LocalDate birthDate) {
        return new FaceVerification.Inputs(new FaceDetection(ONNX, List.of(PORTRAIT)),
                new FaceDetection(ONNX, selfieFaces), similarity == null ? null : new FaceComparison(ONNX, similarity),
                new LivenessResult(ONNX, liveness, null), duplicates, conditions, birthDate, TODAY);
    }

    private static FaceVerification.Inputs simple(double similarity, double liveness) {
        return inputs(List.of(SELFIE), similarity, liveness, List.of(), List.of(), null);
    }

    private static List<String> risks(FaceVerification.Result result) {
        return WarningRisks.of(result.warnings());
    }

    @Test
    void approvesALiveSelfieThatMatchesThePortrait() {
        FaceVerification.Result result = verification.verify(simple(97.456, 99.1));
        assertEquals(DecisionStatus.APPROVED, result.status());
        JsonNode analysis = result.selfieAnalysis();
        assertTrue(analysis.path("passiveLiveliness").path("liveness").asBoolean());
        assertEquals(99.1, analysis.path("passiveLiveliness").path("score").asDouble());
        assertTrue(analysis.path("faceMatch").path("verified").asBoolean());
        assertEquals("97.46", analysis.path("faceMatch").path("matchPercentage").asText());
        assertEquals("Approved", result.faceMatch().path("status").asText());
        assertEquals(90.0, result.faceMatch().path("threshold").asDouble());
        assertEquals("onnx-faceplugin", result.faceMatch().path("engine").path("name").asText());
        assertEquals("passive", result.livenessCheck().path("method").asText());
        assertEquals(34.0, result.livenessCheck().path("age_estimation").asDouble());
        assertEquals("face_match", result.faceMatch().path("node_id").asText());
    }

    @Test
    void gradesTheSimilarityAgainstThresholdAndReviewBand() {
        FaceVerification.Result review = verification.verify(simple(82, 99));
        assertEquals(DecisionStatus.IN_REVIEW, review.status());
        assertEquals(List.of("LOW_FACE_MATCH_SIMILARITY"), risks(review));
        assertFalse(review.selfieAnalysis().path("faceMatch").path("verified").asBoolean());

        FaceVerification.Result mismatch = verification.verify(simple(41, 99));
        assertEquals(DecisionStatus.DECLINED, mismatch.status());
        assertEquals(List.of("FACE_MISMATCH"), risks(mismatch));
        assertEquals(41.0, mismatch.warnings().get(0).path("additional_data").path("score").asDouble());

        FaceVerification lenient = new FaceVerification(IdentityThresholds.DEFAULT.withFaceMatch(80, 60));
        assertEquals(DecisionStatus.APPROVED, lenient.verify(simple(82, 99)).status());
    }

    @Test
    void declinesAPrintedPhotoThatFailsLiveness() {
        FaceVerification.Result result = verification.verify(simple(96, 12.5));
        assertEquals(DecisionStatus.DECLINED, result.status());
        assertEquals(List.of("LOW_LIVENESS_SCORE"), risks(result));
        assertFalse(result.selfieAnalysis().path("passiveLiveliness").path("liveness").asBoolean());
        assertEquals("Declined", result.livenessCheck().path("status").asText());
        assertEquals("Approved", result.faceMatch().path("status").asText());
        assertEquals(DecisionStatus.APPROVED, new FaceVerification(IdentityThresholds.DEFAULT.withLiveness(10))
                .verify(simple(96, 12.5)).status());
    }

    @Test
    void badSelfiesHaveTheirOwnWarnings() {
        FaceVerification.Result none = verification.verify(inputs(List.of(face(0.3, 40, null)), null, 95, List.of(),
                List.of(), null));
        assertEquals(DecisionStatus.DECLINED, none.status());
        assertEquals(List.of("NO_FACE"), risks(none), "a 40% detection is no face");
        assertNull(none.faceMatch().get("score").numberValue());

        FaceVerification.Result two = verification.verify(inputs(List.of(SELFIE, face(0.3, 98, null)), 96.0, 95,
                List.of(), List.of(), null));
        assertEquals(List.of("MULTIPLE_FACES"), risks(two));
        assertEquals(DecisionStatus.IN_REVIEW, two.status());
        FaceVerification.Result passerBy = verification.verify(inputs(List.of(SELFIE, face(0.05, 98, null)), 96.0, 95,
                List.of(), List.of(), null));
        assertEquals(DecisionStatus.APPROVED, passerBy.status(), "a small face far behind is not a second person");

        FaceVerification.Result small = verification.verify(inputs(List.of(face(0.08, 99, null)), 96.0, 95,
                List.of(), List.of(), null));
        assertEquals(List.of("FACE_TOO_SMALL"), risks(small));
    }

    @Test
    void sendsPossibleDuplicatesToReview() {
        FaceVerification.Result result = verification.verify(inputs(List.of(SELFIE), 96.0, 95,
                List.of(new FaceRegistry.FaceDuplicate("journey-7", 98.2)), List.of(), null));
        assertEquals(DecisionStatus.IN_REVIEW, result.status());
        assertEquals(List.of("POSSIBLE_DUPLICATE_FACE"), risks(result));
        assertEquals(List.of("journey-7"), result.duplicatedSelfieUsers());
        assertEquals("journey-7", result.livenessCheck().path("matches").get(0).path("session_id").asText());
    }

    @Test
    void appliesAgeConditionsToTheDocumentAgeElseTheFaceEstimate() {
        List<AgeCondition> adult = List.of(AgeCondition.parse("age >= 18"), AgeCondition.parse("age < 100"));
        FaceVerification.Result minor = verification.verify(inputs(List.of(SELFIE), 96.0, 95, List.of(), adult,
                LocalDate.of(2010, 1, 1)));
        assertEquals(DecisionStatus.DECLINED, minor.status());
        assertEquals(List.of("AGE_BELOW_MINIMUM"), risks(minor));
        assertEquals("document", minor.warnings().get(0).path("additional_data").path("ageSource").asText());

        assertEquals(DecisionStatus.APPROVED, verification.verify(inputs(List.of(SELFIE), 96.0, 95, List.of(), adult,
                null)).status(), "the selfie looks 34");
        FaceVerification.Result youngFace = verification.verify(inputs(List.of(face(0.4, 99, new AgeRange(12, 16))),
                96.0, 95, List.of(), adult, null));
        assertEquals(List.of("AGE_BELOW_MINIMUM"), risks(youngFace));
        assertEquals("faceEstimate", youngFace.warnings().get(0).path("additional_data").path("ageSource").asText());

        FaceVerification.Result old = verification.verify(inputs(List.of(SELFIE), 96.0, 95, List.of(), adult,
                LocalDate.of(1920, 1, 1)));
        assertEquals(List.of("AGE_ABOVE_MAXIMUM"), risks(old));
    }

    @Test
    void parsesAgeConditions() {
        AgeCondition condition = AgeCondition.parse("  age>=21 ");
        assertEquals(AgeCondition.Operator.GTE, condition.operator());
        assertTrue(condition.test(21));
        assertFalse(condition.test(20));
        assertTrue(AgeCondition.parse("age < 100").test(99));
        assertFalse(AgeCondition.parse("age < 100").test(100));
        assertFalse(AgeCondition.parse("age > 18").test(18));
        assertTrue(AgeCondition.parse("age <= 65").test(65));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> AgeCondition.parse("age == 18"));
        assertTrue(error.getMessage().contains("age >= 18"));
    }

    @Test
    void refusesAFractionWhereAPercentageIsMeant() {
        IllegalArgumentException fraction = assertThrows(IllegalArgumentException.class,
                () -> IdentityThresholds.DEFAULT.withFaceMatch(0.9, 0.75));
        assertTrue(fraction.getMessage().contains("0-100 scale") && fraction.getMessage().contains("write 90"),
                fraction.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IdentityThresholds.DEFAULT.withLiveness(1));
        assertThrows(IllegalArgumentException.class, () -> IdentityThresholds.DEFAULT.withLiveness(100.5));
        assertThrows(IllegalArgumentException.class, () -> IdentityThresholds.DEFAULT.withFaceMatch(80, 85),
                "the review band starts below the threshold");
        assertEquals(0, IdentityThresholds.DEFAULT.withLiveness(0).liveness(), "0 switches a check off");
        assertEquals(1.5, IdentityThresholds.DEFAULT.withLiveness(1.5).liveness());
    }

    @Test
    void decidesOverDocumentAndFaces() {
        DocumentVerification documents = new DocumentVerification(DocumentVerificationTest.CLOCK,
                IdentityThresholds.DEFAULT);
        DocumentVerification.Result valid = documents.verify(DocumentVerificationTest.sharpImages(),
                new DocumentReading(DocumentVerificationTest.TEXTRACT, DocumentVerificationTest.PASSPORT, Map.of()),
                null, IdType.PASSPORT, "ESP");
        assertEquals(new IdentityDecision(DecisionStatus.APPROVED, List.of()),
                IdentityDecision.of(valid, verification.verify(simple(96, 99))));
        assertEquals(new IdentityDecision(DecisionStatus.IN_REVIEW, List.of("LOW_FACE_MATCH_SIMILARITY")),
                IdentityDecision.of(valid, verification.verify(simple(85, 99))));
        assertEquals(new IdentityDecision(DecisionStatus.DECLINED, List.of("LOW_LIVENESS_SCORE")),
                IdentityDecision.of(valid, verification.verify(simple(85, 20))), "an error outweighs a warning");
    }
}
