package io.kycflow.identity.local.ocr;

import io.kycflow.identity.DocumentReading;
import io.kycflow.identity.Engine;
import io.kycflow.identity.testing.EditDistance;
import io.kycflow.identity.testing.SyntheticDocument;
import io.kycflow.image.SampleDocuments;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real OCR: Tesseract with the fetched OCR-B model on generated documents (the Maven build fetches the model). */
class TesseractMrzReaderTest {
    /** The check digits correct a character or two per line; more is a failed read. */
    private static final int MAX_ERRORS_PER_LINE = 2;

    private static TesseractMrzReader reader;

    @BeforeAll
    static void startTesseract() {
        reader = TesseractMrzReader.fromEnvironment();
    }

    @AfterAll
    static void stopTesseract() {
        reader.close();
    }

    @Test
    void readsAPassportPhoto() {
        SyntheticDocument passport = SyntheticDocument.passport().randomHolder(21).rotation(1.5).blur(0.7).noise(3)
                .jpegQuality(0.85).build();
        DocumentReading reading = reader.read(passport.frontBytes(), null);
        assertReadsZone(passport.mrz(), reading.mrzLines());
        assertTrue(reading.fields().isEmpty(), "the zone only");
    }

    @Test
    void readsAnIdCardsZoneFromItsBack() {
        SyntheticDocument card = SyntheticDocument.idCard().randomHolder(22).rotation(-1).blur(0.5).noise(2)
                .jpegQuality(0.8).build();
        assertReadsZone(card.mrz(), reader.read(card.frontBytes(), card.backBytes()).mrzLines());
    }

    @Test
    void readsATd2CardsZoneFromItsFront() {
        SyntheticDocument card = SyntheticDocument.td2Card().randomHolder(23).scale(0.8).jpegQuality(0.9).build();
        assertReadsZone(card.mrz(), reader.read(card.frontBytes(), null).mrzLines());
    }

    @Test
    void straightensPhotosTurnedFiveDegreesEitherWay() {
        for (double degrees : new double[] {-5, 5}) {
            SyntheticDocument card = SyntheticDocument.idCard().randomHolder(24).rotation(degrees).noise(2)
                    .jpegQuality(0.85).build();
            assertReadsZone(card.mrz(), reader.read(card.frontBytes(), card.backBytes()).mrzLines());
        }
    }

    @Test
    void readsTheJourneysSamplePassportInAnotherMonospacedFont() {
        // SampleDocuments prints its zone in the JDK's monospaced font, not OCR-B: a second typeface
        byte[] passport = SampleDocuments.jpeg(SampleDocuments.passport());
        assertReadsZone(SampleDocuments.PASSPORT_MRZ, reader.read(passport, null).mrzLines());
    }

    @Test
    void aPhotoWithoutADocumentHasNoZone() {
        assertEquals(List.of(), reader.read(SampleDocuments.jpeg(gradient()), null).mrzLines());
        assertEquals(List.of(), reader.read(SampleDocuments.jpeg(faceLikeBlob()), null).mrzLines());
        assertEquals(List.of(), reader.read(SampleDocuments.jpeg(SampleDocuments.selfie()), null).mrzLines());
    }

    @Test
    void theFrontOfAnIdCardAloneHasNoZone() {
        SyntheticDocument card = SyntheticDocument.idCard().randomHolder(25).build();
        assertEquals(List.of(), reader.read(card.frontBytes(), null).mrzLines());
    }

    @Test
    void blankImagesAndNonImagesHaveNoZone() {
        assertEquals(List.of(), reader.read(SampleDocuments.plainPng(1200, 800), null).mrzLines());
        assertEquals(List.of(), reader.read(SampleDocuments.notAnImage(), null).mrzLines());
        assertEquals(List.of(), reader.read(SampleDocuments.truncatedJpeg(), null).mrzLines());
        assertEquals(List.of(), reader.read(new byte[0], null).mrzLines());
    }

    @Test
    void theEngineNamesTesseractItsVersionAndTheModel() {
        Engine engine = reader.read(SampleDocuments.plainPng(10, 10), null).engine();
        assertEquals(Engine.Kind.LOCAL, engine.kind());
        assertEquals("tesseract", engine.name());
        assertTrue(engine.version().matches("5\\.\\d+\\.\\d+ ocrb_int sha256:8c2c04fb6f29"), engine.version());
    }

    @Test
    void aMissingModelNamesTheFetchCommand(@TempDir Path empty) {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> new TesseractMrzReader(empty));
        assertTrue(missing.getMessage().contains(TesseractMrzReader.FETCH_COMMAND), missing.getMessage());
        assertTrue(missing.getMessage().contains(TesseractMrzReader.TESSDATA_ENV), missing.getMessage());
    }

    @Test
    void aModelOtherThanThePinnedOneIsRefused(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("ocrb_int.traineddata"), "not a model");
        IllegalStateException wrong = assertThrows(IllegalStateException.class,
                () -> new TesseractMrzReader(directory));
        assertTrue(wrong.getMessage().contains("SHA-256"), wrong.getMessage());
    }

    private static void assertReadsZone(List<String> expected, List<String> read) {
        assertEquals(expected.size(), read.size(), "lines read: " + read);
        for (int i = 0; i < expected.size(); i++) {
            int errors = EditDistance.between(expected.get(i), read.get(i));
            assertTrue(errors <= MAX_ERRORS_PER_LINE,
                    errors + " errors in line " + (i + 1) + ":\n  printed " + expected.get(i) + "\n  read    "
                            + read.get(i));
        }
    }

    private static BufferedImage gradient() {
        BufferedImage image = new BufferedImage(1200, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0x2B4A6F), 1200, 900, new Color(0xF0D9B5)));
        g.fillRect(0, 0, 1200, 900);
        g.dispose();
        return image;
    }

    /** A skin-coloured oval with two dark eyes and a mouth on a wall: a face to a detector, no text to OCR. */
    private static BufferedImage faceLikeBlob() {
        BufferedImage image = new BufferedImage(900, 1200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x9A9088));
        g.fillRect(0, 0, 900, 1200);
        g.setPaint(new RadialGradientPaint(450, 520, 300, new float[] {0f, 1f},
                new Color[] {new Color(0xF0C8A8), new Color(0xB88062)}));
        g.fillOval(220, 220, 460, 600);
        g.setColor(new Color(0x302018));
        g.fillOval(330, 440, 60, 36);
        g.fillOval(510, 440, 60, 36);
        g.fillRoundRect(380, 660, 140, 24, 20, 20);
        g.dispose();
        return image;
    }
}
