package io.kycflow.identity.testing;

import io.kycflow.identity.mrz.MrzCheckDigit;
import io.kycflow.identity.mrz.MrzComposer;
import io.kycflow.identity.mrz.MrzFormat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticDocumentTest {

    @Test
    void eachKindCarriesTheZoneComposedFromItsData() {
        for (SyntheticDocument.Kind kind : SyntheticDocument.Kind.values()) {
            SyntheticDocument document = SyntheticDocument.of(kind).randomHolder(11).build();
            MrzFormat format = kind.format();
            assertEquals(MrzComposer.compose(format, document.data()), document.mrz(), kind.name());
            assertEquals(format.lines(), document.mrz().size());
            document.mrz().forEach(line -> assertEquals(format.length(), line.length(), line));
        }
    }

    @Test
    void theSpecimenPassportHasTheIcaoZone() {
        SyntheticDocument passport = SyntheticDocument.passport().build();
        assertEquals("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", passport.mrz().get(0));
        assertEquals("L898902C36UTO7408122F3404159ZE184226B<<<<<16", passport.mrz().get(1));
    }

    @Test
    void onlyTheTd1CardHasABackAndItCarriesTheZone() {
        SyntheticDocument card = SyntheticDocument.idCard().build();
        assertNotNull(card.back());
        assertNotNull(card.backBytes());
        assertEquals(card.back(), card.mrzSide());
        SyntheticDocument passport = SyntheticDocument.passport().build();
        assertNull(passport.back());
        assertNull(passport.backBytes());
        assertEquals(passport.front(), passport.mrzSide());
    }

    @Test
    void randomHoldersDifferAndKeepValidDateCheckDigits() {
        Set<String> numbers = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            SyntheticDocument card = SyntheticDocument.idCard().randomHolder(seed).build();
            numbers.add(card.data().documentNumber());
            String line2 = card.mrz().get(1);
            assertTrue(MrzCheckDigit.matches(line2.substring(0, 6), line2.charAt(6)), line2);
            assertTrue(MrzCheckDigit.matches(line2.substring(8, 14), line2.charAt(14)), line2);
        }
        assertTrue(numbers.size() >= 18, "document numbers repeat: " + numbers);
    }

    @Test
    void theSameSettingsDrawTheSamePixels() {
        SyntheticDocument first = SyntheticDocument.passport().randomHolder(5).rotation(3).blur(0.8).noise(4).build();
        SyntheticDocument second = SyntheticDocument.passport().randomHolder(5).rotation(3).blur(0.8).noise(4).build();
        assertArrayEquals(pixels(first.front()), pixels(second.front()));
        SyntheticDocument other = SyntheticDocument.passport().randomHolder(6).rotation(3).blur(0.8).noise(4).build();
        assertFalse(Arrays.equals(pixels(first.front()), pixels(other.front())));
    }

    @Test
    void scaleSetsTheImageSizeAtTwelvePixelsPerMillimetre() {
        BufferedImage full = SyntheticDocument.passport().seed(3).build().front();
        BufferedImage half = SyntheticDocument.passport().seed(3).scale(0.5).build().front();
        // the table margin around the 125 mm page is 5 to 10 % of its width on each side
        assertTrue(full.getWidth() >= 125 * 12 * 1.1 && full.getWidth() <= 125 * 12 * 1.2 + 1, "" + full.getWidth());
        assertEquals(full.getWidth() / 2.0, half.getWidth(), 1.0);
    }

    @Test
    void rotationTurnsTheDocumentOnTheTable() {
        BufferedImage level = SyntheticDocument.idCard().seed(2).build().front();
        BufferedImage turned = SyntheticDocument.idCard().seed(2).rotation(5).build().front();
        // the card's left edge, a quarter of its height above and below the centre: level, it is upright; turned
        // 5 degrees clockwise, the upper point moves right and the lower one left, 2 * 162 * tan(5 deg) apart
        int quarter = (int) (54 * 12 / 4.0);
        assertEquals(0, leftEdge(level, -quarter) - leftEdge(level, quarter), 1);
        assertEquals(2 * quarter * Math.tan(Math.toRadians(5)), leftEdge(turned, -quarter) - leftEdge(turned, quarter),
                3);
    }

    @Test
    void uploadsAreJpegWhenAQualityIsSetAndPngOtherwise() throws IOException {
        SyntheticDocument jpeg = SyntheticDocument.idCard().jpegQuality(0.7).build();
        assertEquals((byte) 0xFF, jpeg.frontBytes()[0]);
        assertEquals((byte) 0xD8, jpeg.backBytes()[1]);
        SyntheticDocument png = SyntheticDocument.idCard().build();
        assertEquals((byte) 0x89, png.frontBytes()[0]);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg.frontBytes()));
        assertEquals(jpeg.front().getWidth(), decoded.getWidth());
    }

    @Test
    void aGivenPortraitIsDrawnInThePhotoBox() {
        BufferedImage red = new BufferedImage(60, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = red.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 60, 80);
        g.dispose();
        assertTrue(redPixels(SyntheticDocument.passport().portrait(red).build().front()) > 100_000);
        assertEquals(0, redPixels(SyntheticDocument.passport().build().front()));
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** The first column, from the left, of the row {@code offset} from the centre where the light card begins. */
    private static int leftEdge(BufferedImage image, int offset) {
        int y = image.getHeight() / 2 + offset;
        for (int x = 0; x < image.getWidth(); x++) {
            int rgb = image.getRGB(x, y);
            if (((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3 > 225) {
                return x;
            }
        }
        throw new AssertionError("no card in row " + y);
    }

    private static int redPixels(BufferedImage image) {
        int count = 0;
        for (int rgb : pixels(image)) {
            if ((rgb >> 16 & 0xFF) > 200 && (rgb >> 8 & 0xFF) < 60 && (rgb & 0xFF) < 60) {
                count++;
            }
        }
        return count;
    }
}
