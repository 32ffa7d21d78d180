package io.kycflow.identity.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.identity.FaceRegistry.FaceDuplicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rekognition.RekognitionClient;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.kycflow.identity.aws.RekognitionFaceAnalyzerTest.base64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tenant's face collection through the real SDK client, answered with recorded Rekognition responses. */
class RekognitionFaceRegistryTest {
    private static final String JOURNEY = "jrn_01JD7Q2W0000000000000001";
    private static final byte[] SELFIE = "the selfie".getBytes(StandardCharsets.UTF_8);

    private final RecordedAws aws = new RecordedAws();
    private final RekognitionClient client = IdentityAws.rekognition(aws.settings(Map.of()));
    private final RekognitionFaceRegistry registry = IdentityAws.faceRegistry(aws.settings(Map.of()), client);

    @AfterEach
    void close() {
        client.close();
        aws.close();
    }

    @Test
    void theFirstFaceOfATenantCreatesItsCollectionAndIsIndexedUnderTheJourney() {
        aws.answer("SearchFacesByImage", 400, "error-resource-not-found.json")
                .answer("CreateCollection", "create-collection.json")
                .answer("IndexFaces", "index-faces.json");

        assertEquals(List.of(), registry.findAndRegister("tenant-a", JOURNEY, SELFIE));

        assertEquals(List.of("SearchFacesByImage", "CreateCollection", "IndexFaces"), operations());
        for (RecordedAws.Sent sent : aws.sent()) {
            assertEquals("kycflow-tenant-a", sent.body().get("CollectionId").asText(), sent.operation());
        }
        JsonNode search = aws.sent("SearchFacesByImage").getFirst();
        assertEquals(90.0, search.get("FaceMatchThreshold").asDouble());
        assertEquals(11, search.get("MaxFaces").asInt());
        assertEquals(base64(SELFIE), search.at("/Image/Bytes").asText());
        JsonNode index = aws.sent("IndexFaces").getFirst();
        assertEquals(JOURNEY, index.get("ExternalImageId").asText());
        assertEquals(1, index.get("MaxFaces").asInt());
        assertEquals(base64(SELFIE), index.at("/Image/Bytes").asText());
    }

    @Test
    void aCollectionAnotherInstanceCreatedFirstIsUsed() {
        aws.answer("SearchFacesByImage", 400, "error-resource-not-found.json")
                .answer("CreateCollection", 400, "error-resource-already-exists.json")
                .answer("IndexFaces", "index-faces.json");

        assertEquals(List.of(), registry.findAndRegister("tenant-a", JOURNEY, SELFIE));
        assertEquals(List.of("SearchFacesByImage", "CreateCollection", "IndexFaces"), operations());
    }

    @Test
    void otherJourneysWithTheFaceAreReportedOnceEachMostSimilarFirst() {
        aws.answer("SearchFacesByImage", "search-faces-others.json").answer("IndexFaces", "index-faces.json");

        List<FaceDuplicate> duplicates = registry.findAndRegister("tenant-a", JOURNEY, SELFIE);

        assertEquals(List.of(new FaceDuplicate("jrn_01JD7Q2W0000000000000002", 99.97036743164062f),
                new FaceDuplicate("jrn_01JD7Q2W0000000000000003", 96.25)), duplicates);
        assertEquals(List.of("SearchFacesByImage", "IndexFaces"), operations());
    }

    @Test
    void aRetriedJourneyIsNeitherIndexedAgainNorItsOwnDuplicate() {
        aws.answer("SearchFacesByImage", "search-faces-self-and-other.json");

        List<FaceDuplicate> duplicates = registry.findAndRegister("tenant-a", JOURNEY, SELFIE);

        assertEquals(List.of(new FaceDuplicate("jrn_01JD7Q2W0000000000000002", 98.1f)), duplicates);
        assertEquals(List.of("SearchFacesByImage"), operations());
    }

    @Test
    void aNewFaceInAnExistingCollectionIsIndexed() {
        aws.answer("SearchFacesByImage", "search-faces-none.json").answer("IndexFaces", "index-faces.json");

        assertEquals(List.of(), registry.findAndRegister("tenant-a", JOURNEY, SELFIE));
        assertEquals(List.of("SearchFacesByImage", "IndexFaces"), operations());
    }

    @Test
    void aSelfieWithoutAFaceIsNeitherSearchedFurtherNorIndexed() {
        aws.answer("SearchFacesByImage", 400, "error-invalid-parameter.json");

        assertEquals(List.of(), registry.findAndRegister("tenant-a", JOURNEY, SELFIE));
        assertEquals(List.of("SearchFacesByImage"), operations());
    }

    @Test
    void theConfiguredLimitsAreSentAndKept() {
        aws.answer("SearchFacesByImage", "search-faces-others.json").answer("IndexFaces", "index-faces.json");
        RekognitionFaceRegistry narrow = IdentityAws.faceRegistry(aws.settings(Map.of(
                "KYCFLOW_FACE_DUPLICATE_THRESHOLD", "97", "KYCFLOW_FACE_DUPLICATE_MAX", "1",
                "KYCFLOW_FACE_COLLECTION_PREFIX", "staging-")), client);

        List<FaceDuplicate> duplicates = narrow.findAndRegister("tenant-a", JOURNEY, SELFIE);

        assertEquals(List.of("jrn_01JD7Q2W0000000000000002"), duplicates.stream().map(FaceDuplicate::journeyId).toList());
        JsonNode search = aws.sent("SearchFacesByImage").getFirst();
        assertEquals("staging-tenant-a", search.get("CollectionId").asText());
        assertEquals(97.0, search.get("FaceMatchThreshold").asDouble());
        assertEquals(2, search.get("MaxFaces").asInt());
    }

    @Test
    void aTenantThatCannotNameACollectionIsRefusedBeforeAnyRequest() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.findAndRegister("tenant/a", JOURNEY, SELFIE));
        assertTrue(e.getMessage().contains("tenant/a"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> registry.findAndRegister("tenant-a", "journey 1", SELFIE));
        assertTrue(aws.sent().isEmpty());
    }

    @Test
    void aDuplicateThresholdGivenAsAFractionIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> IdentityAws.faceRegistry(
                aws.settings(Map.of("KYCFLOW_FACE_DUPLICATE_THRESHOLD", "0.95")), client));
        assertTrue(e.getMessage().contains("KYCFLOW_FACE_DUPLICATE_THRESHOLD"), e.getMessage());
        assertTrue(e.getMessage().contains("write 95"), e.getMessage());
    }

    private List<String> operations() {
        return aws.sent().stream().map(RecordedAws.Sent::operation).toList();
    }
}
