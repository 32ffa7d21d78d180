package io.kycflow.identity.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.identity.AgeRange;
import io.kycflow.identity.DetectedFace;
import io.kycflow.identity.Engine;
import io.kycflow.identity.FaceComparison;
import io.kycflow.identity.FaceDetection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.rekognition.RekognitionClient;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DetectFaces and CompareFaces through the real SDK client, answered with recorded Rekognition responses. */
class RekognitionFaceAnalyzerTest {
    static final Engine REKOGNITION = new Engine(Engine.Kind.CLOUD, "amazon-rekognition", "2016-06-27");
    private static final byte[] DOCUMENT = "the document's front side".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SELFIE = "the selfie".getBytes(StandardCharsets.UTF_8);

    private final RecordedAws aws = new RecordedAws();
    private final RekognitionClient client = IdentityAws.rekognition(aws.settings(Map.of()));
    private final RekognitionFaceAnalyzer analyzer = IdentityAws.faceAnalyzer(aws.settings(Map.of()), client);

    @AfterEach
    void close() {
        client.close();
        aws.close();
    }

    @Test
    void detectAsksForTheAgeRangeAndListsTheLargestFaceFirst() {
        aws.answer("DetectFaces", "detect-faces.json");

        FaceDetection detection = analyzer.detect(DOCUMENT);

        RecordedAws.Sent sent = aws.sent().getFirst();
        assertEquals("RekognitionService.DetectFaces", sent.target());
        assertEquals("[\"DEFAULT\",\"AGE_RANGE\"]", sent.body().get("Attributes").toString());
        assertEquals(base64(DOCUMENT), sent.body().at("/Image/Bytes").asText());

        assertEquals(REKOGNITION, detection.engine());
        assertEquals(2, detection.faces().size());
        DetectedFace largest = detection.faces().get(0);
        assertEquals(0.24, largest.box().width(), 1e-6);
        assertEquals(0.5555555820465088, largest.box().left(), 1e-6);
        assertEquals(100, largest.confidence(), 1e-6);
        assertEquals(80, largest.sharpness(), 1e-6);
        assertEquals(37.6017, largest.brightness(), 1e-3);
        assertEquals(new AgeRange(29, 37), largest.age());
        DetectedFace smaller = detection.faces().get(1);
        assertEquals(new AgeRange(8, 14), smaller.age());
        assertEquals(20.9, smaller.sharpness(), 1e-3);
    }

    @Test
    void anImageWithoutFacesGivesNoFaces() {
        aws.answer("DetectFaces", "detect-faces-none.json");

        assertEquals(List.of(), analyzer.detect(SELFIE).faces());
    }

    @Test
    void compareSendsTheDocumentAsSourceTheSelfieAsTargetAndTheThresholdOnThe0To100Scale() {
        aws.answer("CompareFaces", "compare-faces-match.json");

        FaceComparison comparison = analyzer.compare(DOCUMENT, SELFIE);

        RecordedAws.Sent sent = aws.sent().getFirst();
        assertEquals("RekognitionService.CompareFaces", sent.target());
        assertEquals(base64(DOCUMENT), sent.body().at("/SourceImage/Bytes").asText());
        assertEquals(base64(SELFIE), sent.body().at("/TargetImage/Bytes").asText());
        assertEquals(90.0, sent.body().get("SimilarityThreshold").asDouble());
        assertEquals("AUTO", sent.body().get("QualityFilter").asText());

        // the best of the two matches
        assertEquals(new FaceComparison(REKOGNITION, 97.36872100830078f, FaceComparison.Outcome.COMPARED), comparison);
    }

    @Test
    void onlyUnmatchedFacesMeanSimilarityZero() {
        aws.answer("CompareFaces", "compare-faces-unmatched.json");

        assertEquals(new FaceComparison(REKOGNITION, 0, FaceComparison.Outcome.COMPARED), analyzer.compare(DOCUMENT, SELFIE));
    }

    @Test
    void noFaceInAnImageIsAClearResultAndIsNotRetried() {
        aws.answer("CompareFaces", 400, "error-invalid-parameter.json");

        assertEquals(FaceComparison.noFace(REKOGNITION), analyzer.compare(DOCUMENT, SELFIE));
        assertEquals(1, aws.sent("CompareFaces").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"error-throttling.json", "error-provisioned-throughput.json"})
    void throttlingIsRetriedByTheSdk(String error) {
        aws.answer("CompareFaces", 400, error).answer("CompareFaces", "compare-faces-match.json");

        assertEquals(97.36872100830078f, analyzer.compare(DOCUMENT, SELFIE).similarity(), 1e-9);
        List<JsonNode> attempts = aws.sent("CompareFaces");
        assertEquals(2, attempts.size());
        assertEquals(attempts.get(0), attempts.get(1));
    }

    @Test
    void aThresholdGivenAsAFractionIsRefusedWithItsVariable() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> IdentityAws.faceAnalyzer(aws.settings(Map.of("KYCFLOW_FACE_MATCH_THRESHOLD", "0.9")), client));

        assertTrue(e.getMessage().contains("KYCFLOW_FACE_MATCH_THRESHOLD"), e.getMessage());
        assertTrue(e.getMessage().contains("0-100"), e.getMessage());
        assertTrue(e.getMessage().contains("write 90"), e.getMessage());
        IllegalArgumentException direct = assertThrows(IllegalArgumentException.class,
                () -> new RekognitionFaceAnalyzer(client, 0.9));
        assertTrue(direct.getMessage().contains("write 90"), direct.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RekognitionFaceAnalyzer(client, 100.5));
        assertTrue(aws.sent().isEmpty());
    }

    @Test
    void aConfiguredThresholdIsTheOneSent() {
        aws.answer("CompareFaces", "compare-faces-match.json");
        RekognitionFaceAnalyzer strict =
                IdentityAws.faceAnalyzer(aws.settings(Map.of("KYCFLOW_FACE_MATCH_THRESHOLD", "95.5")), client);

        strict.compare(DOCUMENT, SELFIE);

        assertEquals(95.5, aws.sent("CompareFaces").getFirst().get("SimilarityThreshold").asDouble());
    }

    @Test
    void aFaceWithoutQualityOrAgeHasNullsNotZeros() {
        aws.answer("DetectFaces", "detect-faces-bare.json");

        DetectedFace face = analyzer.detect(SELFIE).faces().getFirst();

        assertNull(face.sharpness());
        assertNull(face.brightness());
        assertNull(face.age());
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
