package io.kycflow.identity.local.ocr;

import io.kycflow.identity.testing.SyntheticDocument;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MrzLocatorTest {

    @Test
    void measuresTheSkewOfATurnedDocument() {
        for (double degrees : new double[] {-4.5, -2, 0, 1.3, 3.7}) {
            GreyImage photo = GreyImage.of(SyntheticDocument.passport().seed(9).rotation(degrees).build().front())
                    .shrunkTo(1600);
            boolean[] ink = Sauvola.ink(photo, photo.width / 40);
            assertEquals(degrees, MrzLocator.skewDegrees(ink, photo.width, photo.height), 0.25, "turned " + degrees);
        }
    }

    @Test
    void findsEachFormatsLinesAtTheFootOfTheDocument() {
        for (SyntheticDocument.Kind kind : SyntheticDocument.Kind.values()) {
            SyntheticDocument document = SyntheticDocument.of(kind).randomHolder(3).rotation(2.5).build();
            GreyImage photo = GreyImage.of(document.mrzSide()).shrunkTo(1600);
            MrzLocator.Zone zone = MrzLocator.locate(photo).orElseThrow(() -> new AssertionError(kind + ": no zone"));
            assertEquals(kind.format(), zone.format());
            assertEquals(kind.format().lines(), zone.rows().size());
            zone.rows().forEach(row -> assertEquals(kind.format().length(), row.cells(), kind + " " + row));
            // the zone is in the lowest third of the photo
            assertTrue(zone.rows().get(0).top() > photo.height * 2 / 3, kind + " " + zone.rows());
        }
    }

    @Test
    void printedFieldsAloneAreNoZone() {
        GreyImage front = GreyImage.of(SyntheticDocument.idCard().randomHolder(4).build().front());
        assertEquals(Optional.empty(), MrzLocator.locate(front).map(MrzLocator.Zone::format));
    }

    @Test
    void sauvolaKeepsPrintAndDropsAGradient() {
        BufferedImage image = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(90, 90, 90), 400, 0, new Color(250, 250, 250)));
        g.fillRect(0, 0, 400, 200);
        g.setColor(new Color(20, 20, 20));
        g.fillRect(300, 80, 6, 40);
        g.dispose();
        GreyImage grey = GreyImage.of(image);
        boolean[] ink = Sauvola.ink(grey, 30);
        int inkOutsideBar = 0;
        for (int y = 0; y < grey.height; y++) {
            for (int x = 0; x < grey.width; x++) {
                boolean bar = x >= 300 && x < 306 && y >= 80 && y < 120;
                if (bar) {
                    assertTrue(ink[y * grey.width + x], "bar pixel " + x + "," + y);
                } else if (ink[y * grey.width + x]) {
                    inkOutsideBar++;
                }
            }
        }
        assertEquals(0, inkOutsideBar);
    }

    @Test
    void aZoneIsTwoOrThreeStackedRowsOfAFormatsLength() {
        MrzLocator.Row td3 = row(100, 44);
        MrzLocator.Row td3Below = row(150, 44);
        assertEquals(Optional.of(List.of(td3, td3Below)), MrzLocator.zone(List.of(td3, td3Below)));
        // a printed field that happens to be evenly spaced is not half a zone
        assertEquals(Optional.empty(), MrzLocator.zone(List.of(td3, row(150, 22))));
        // rows too far apart are not one zone
        assertEquals(Optional.empty(), MrzLocator.zone(List.of(td3, row(300, 44))));
        // 30-character rows are a zone three at a time (TD1), not two
        List<MrzLocator.Row> td1 = List.of(row(100, 30), row(150, 30), row(200, 30));
        assertEquals(Optional.of(td1), MrzLocator.zone(td1));
        assertEquals(Optional.empty(), MrzLocator.zone(td1.subList(0, 2)));
    }

    /** A row of {@code cells} characters 30 pixels high and 23 apart whose top is at {@code top}. */
    private static MrzLocator.Row row(int top, int cells) {
        return new MrzLocator.Row(50, top, 50 + 23 * cells, top + 30, 30, 23, cells);
    }
}
