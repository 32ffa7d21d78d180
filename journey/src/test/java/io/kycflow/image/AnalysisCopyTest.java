package io.kycflow.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class AnalysisCopyTest {

    @Test
    void aLargeImageIsScaledToTheAnalysisSizeKeepingItsProportions() {
        AnalysisCopy copy = AnalysisCopy.of(filled(4000, 3000, Color.GRAY), 1024);
        assertEquals(1024, copy.width());
        assertEquals(768, copy.height());
    }

    @Test
    void aSmallImageKeepsItsSize() {
        AnalysisCopy copy = AnalysisCopy.of(filled(800, 600, Color.GRAY), 1024);
        assertEquals(800, copy.width());
        assertEquals(600, copy.height());
    }

    @Test
    void aUniformColourStaysExactlyThatColour() {
        // a fractional scale (1.5625), where source pixels straddle target pixels
        AnalysisCopy copy = AnalysisCopy.of(filled(1600, 1120, new Color(200, 100, 50)), 1024);
        float luma = 0.299f * 200 + 0.587f * 100 + 0.114f * 50;
        for (int i = 0; i < copy.luma().length; i++) {
            assertEquals(luma, copy.luma()[i], 0.01);
            assertEquals(150, copy.chroma()[i], 0.01);
        }
    }

    @Test
    void finePatternsAverageOutInsteadOfAliasing() {
        // one-pixel checkerboard at exactly twice the analysis size: every target pixel is mid grey
        BufferedImage board = new BufferedImage(2048, 1536, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < board.getHeight(); y++) {
            for (int x = 0; x < board.getWidth(); x++) {
                board.getRaster().setSample(x, y, 0, (x + y) % 2 == 0 ? 0 : 254);
            }
        }
        AnalysisCopy copy = AnalysisCopy.of(board, 1024);
        for (float luma : copy.luma()) {
            assertEquals(127, luma, 0.01);
        }
        assertEquals(0, ImageQualityAnalyzer.laplacianVariance(copy), 0.01);
    }

    @Test
    void theLargestGlareBlobCountsOneRegionOnly() {
        BufferedImage image = filled(1000, 1000, Color.GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(100, 100, 100, 100);
        g.fillRect(500, 500, 200, 100);
        g.dispose();
        assertEquals(0.02, ImageQualityAnalyzer.largestGlareBlob(AnalysisCopy.of(image, 1024)), 1e-9);
    }

    private static BufferedImage filled(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }
}
