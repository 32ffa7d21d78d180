package io.kycflow.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleDocumentsTest {

    @Test
    void theSamplesHaveTheirDocumentedSizes() {
        assertSize(SampleDocuments.PASSPORT_WIDTH, SampleDocuments.PASSPORT_HEIGHT, SampleDocuments.passport());
        assertSize(SampleDocuments.CARD_WIDTH, SampleDocuments.CARD_HEIGHT, SampleDocuments.idCardFront());
        assertSize(SampleDocuments.CARD_WIDTH, SampleDocuments.CARD_HEIGHT, SampleDocuments.idCardBack());
        assertSize(SampleDocuments.SELFIE_WIDTH, SampleDocuments.SELFIE_HEIGHT, SampleDocuments.selfie());
        assertSize(200, 150, SampleDocuments.tiny());
    }

    @Test
    void renderingIsDeterministic() {
        assertEquals(Arrays.hashCode(SampleDocuments.jpeg(SampleDocuments.selfie())),
                Arrays.hashCode(SampleDocuments.jpeg(SampleDocuments.selfie())));
    }

    @Test
    void theMachineReadableZonesHaveValidCheckDigits() {
        List<String> td3 = SampleDocuments.PASSPORT_MRZ;
        String line = td3.get(1);
        assertEquals(44, td3.get(0).length());
        assertEquals(44, line.length());
        assertCheckDigit(line.substring(0, 9), line.charAt(9));     // document number
        assertCheckDigit(line.substring(13, 19), line.charAt(19));  // date of birth
        assertCheckDigit(line.substring(21, 27), line.charAt(27));  // date of expiry
        assertCheckDigit(line.substring(28, 42), line.charAt(42));  // personal number
        assertCheckDigit(line.substring(0, 10) + line.substring(13, 20) + line.substring(21, 43), line.charAt(43));

        List<String> td1 = SampleDocuments.ID_CARD_MRZ;
        td1.forEach(l -> assertEquals(30, l.length()));
        String first = td1.get(0);
        String second = td1.get(1);
        assertCheckDigit(first.substring(5, 14), first.charAt(14));
        assertCheckDigit(second.substring(0, 6), second.charAt(6));
        assertCheckDigit(second.substring(8, 14), second.charAt(14));
        assertCheckDigit(first.substring(5, 30) + second.substring(0, 7) + second.substring(8, 15)
                + second.substring(18, 29), second.charAt(29));
    }

    /** ICAO 9303 part 3: weights 7, 3, 1 over digit values (A=10 ... Z=35, filler 0), modulo 10. */
    private static void assertCheckDigit(String field, char expected) {
        int sum = 0;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : Character.isLetter(c) ? c - 'A' + 10 : 0;
            sum += value * new int[] {7, 3, 1}[i % 3];
        }
        assertEquals(expected - '0', sum % 10, field);
    }

    private static void assertSize(int width, int height, BufferedImage image) {
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
    }
}
