package io.kycflow.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ImageQualityAnalyzerTest {

    private static final QualityThresholds DEFAULTS = QualityThresholds.DEFAULTS;

    private static BufferedImage passport;
    private static BufferedImage idCardFront;

    @BeforeAll
    static void render() {
        passport = SampleDocuments.passport();
        idCardFront = SampleDocuments.idCardFront();
    }

    @Test
    void theGoodSamplesPassEveryCheck() {
        for (BufferedImage sample : List.of(passport, idCardFront, SampleDocuments.idCardBack(),
                SampleDocuments.selfie())) {
            ImageQualityReport report = analyzeUpload(SampleDocuments.jpeg(sample));
            assertTrue(report.passed(), report::toString);
            assertEquals(List.of(), report.hardFailures());
            assertEquals(List.of(), report.softFailures());
        }
    }

    @Test
    void aBlurredDocumentFailsFocusAndThatIsHard() {
        ImageQualityReport report = analyzeUpload(SampleDocuments.jpeg(SampleDocuments.blurred(idCardFront)));
        assertEquals(List.of(QualityCheck.FOCUS), checks(report.hardFailures()));
        assertEquals(List.of(), report.softFailures());
        assertFalse(report.passed());
    }

    @Test
    void aDarkPhotoFailsBrightness() {
        ImageQualityReport report = analyzeUpload(SampleDocuments.jpeg(SampleDocuments.dark(passport)));
        QualityMeasurement brightness = report.measurement(QualityCheck.BRIGHTNESS);
        assertFalse(brightness.passed());
        assertTrue(brightness.value() < DEFAULTS.minBrightness(), brightness::toString);
        assertTrue(checks(report.hardFailures()).contains(QualityCheck.BRIGHTNESS));
    }

    @Test
    void anOverexposedPhotoFailsBrightnessAndGlare() {
        ImageQualityReport report = analyzeUpload(SampleDocuments.jpeg(SampleDocuments.overexposed(passport)));
        assertTrue(report.measurement(QualityCheck.BRIGHTNESS).value() > DEFAULTS.maxBrightness());
        assertEquals(List.of(QualityCheck.BRIGHTNESS), checks(report.hardFailures()));
        assertTrue(checks(report.softFailures()).contains(QualityCheck.GLARE));
    }

    @Test
    void aSpecularReflectionIsFlaggedAsSoftGlare() {
        ImageQualityReport report = analyzeUpload(SampleDocuments.jpeg(SampleDocuments.withGlare(idCardFront)));
        QualityMeasurement glare = report.measurement(QualityCheck.GLARE);
        assertTrue(glare.value() > 0.05, glare::toString);
        assertEquals(List.of(QualityCheck.GLARE), checks(report.softFailures()));
        assertEquals(List.of(), report.hardFailures());
    }

    @Test
    void aGreyscaleCopyFailsColornessSoftly() {
        // also reads a greyscale JPEG, which decodes to a one-band image
        ImageInspection.Accepted upload = inspect(SampleDocuments.jpeg(SampleDocuments.greyscale(idCardFront)));
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, upload.image().getType());
        ImageQualityReport report = ImageQualityAnalyzer.analyze(upload, DEFAULTS);
        assertEquals(0, report.measurement(QualityCheck.COLORNESS).value(), 0.5);
        assertEquals(List.of(QualityCheck.COLORNESS), checks(report.softFailures()));
        assertEquals(List.of(), report.hardFailures());
    }

    @Test
    void aSmallPhotoFailsResolution() {
        ImageQualityReport report = analyzeUpload(SampleDocuments.jpeg(SampleDocuments.resized(idCardFront, 795, 500)));
        QualityMeasurement resolution = report.measurement(QualityCheck.RESOLUTION);
        assertEquals(500, resolution.value());
        assertEquals(List.of(QualityCheck.RESOLUTION), checks(report.hardFailures()));
    }

    @Test
    void focusIsRoughlyIndependentOfResolution() {
        double small = focus(SampleDocuments.passport(2000));
        double large = focus(SampleDocuments.passport(4000));
        assertEquals(1, small / large, 0.2, () -> small + " vs " + large);

        double smallBlurred = focus(SampleDocuments.blurred(SampleDocuments.passport(2000)));
        double largeBlurred = focus(SampleDocuments.blurred(SampleDocuments.passport(4000)));
        assertEquals(1, smallBlurred / largeBlurred, 0.5, () -> smallBlurred + " vs " + largeBlurred);
        assertTrue(smallBlurred < small / 100);
    }

    @Test
    void aSubsampledDecodeMeasuresLikeAFullOneAndKeepsTheFullResolution() {
        byte[] large = SampleDocuments.jpeg(SampleDocuments.passport(5000));
        ImageInspection.Accepted subsampled = inspect(large);
        ImageInspection.Accepted full = assertInstanceOf(ImageInspection.Accepted.class,
                new ImageInspector(ImageLimits.DEFAULT, Integer.MAX_VALUE).inspect(large));
        assertEquals(2, subsampled.subsampling());
        ImageQualityReport fromSubsampled = ImageQualityAnalyzer.analyze(subsampled, DEFAULTS);
        ImageQualityReport fromFull = ImageQualityAnalyzer.analyze(full, DEFAULTS);

        assertEquals(5000, fromSubsampled.width());
        assertEquals(3500, fromSubsampled.measurement(QualityCheck.RESOLUTION).value());
        double focusRatio = fromSubsampled.measurement(QualityCheck.FOCUS).value()
                / fromFull.measurement(QualityCheck.FOCUS).value();
        assertEquals(1, focusRatio, 0.1);
        assertEquals(fromFull.measurement(QualityCheck.BRIGHTNESS).value(),
                fromSubsampled.measurement(QualityCheck.BRIGHTNESS).value(), 1);
        assertEquals(fromFull.measurement(QualityCheck.COLORNESS).value(),
                fromSubsampled.measurement(QualityCheck.COLORNESS).value(), 1);
    }

    @Test
    void everyImageLayoutMeasuresTheSame() {
        // decoded JPEG (3 bytes BGR), packed ints (generic path), and a sub-image sharing its parent's buffer
        BufferedImage decoded = inspect(SampleDocuments.jpeg(passport)).image();
        BufferedImage packed = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_RGB);
        packed.getGraphics().drawImage(decoded, 0, 0, null);
        assertSameMeasurements(ImageQualityAnalyzer.analyze(decoded, DEFAULTS),
                ImageQualityAnalyzer.analyze(packed, DEFAULTS));

        BufferedImage region = decoded.getSubimage(100, 50, 1200, 900);
        BufferedImage regionCopy = new BufferedImage(1200, 900, BufferedImage.TYPE_INT_RGB);
        regionCopy.getGraphics().drawImage(region, 0, 0, null);
        assertSameMeasurements(ImageQualityAnalyzer.analyze(region, DEFAULTS),
                ImageQualityAnalyzer.analyze(regionCopy, DEFAULTS));
    }

    @Test
    void measurementsCarryTheirThresholds() {
        QualityThresholds thresholds = new QualityThresholds(2000, 20, 40, 210, 0.1, 3);
        ImageQualityReport report = ImageQualityAnalyzer.analyze(passport, thresholds);

        QualityMeasurement resolution = report.measurement(QualityCheck.RESOLUTION);
        assertEquals(2000, resolution.min());
        assertNull(resolution.max());
        assertFalse(resolution.passed());
        QualityMeasurement brightness = report.measurement(QualityCheck.BRIGHTNESS);
        assertEquals(40, brightness.min());
        assertEquals(210, brightness.max());
        QualityMeasurement glare = report.measurement(QualityCheck.GLARE);
        assertNull(glare.min());
        assertEquals(0.1, glare.max());
        assertEquals(20, report.measurement(QualityCheck.FOCUS).min());
        assertEquals(3, report.measurement(QualityCheck.COLORNESS).min());
        assertEquals(List.of(QualityCheck.values()), checks(report.measurements()));
    }

    @Test
    void theReportMapsToTheFrontIdCheckOfSeed001() {
        Map<String, Object> good = analyzeUpload(SampleDocuments.jpeg(passport)).toFrontIdCheck();
        assertEquals(List.of("ImageGlares", "ImageFocus", "ImageResolution", "ImageColorness", "Brightness"),
                List.copyOf(good.keySet()));
        assertEquals(Map.of("ImageGlares", true, "ImageFocus", true, "ImageResolution", true,
                "ImageColorness", "True", "Brightness", "True"), good);

        Map<String, Object> dark = analyzeUpload(SampleDocuments.jpeg(SampleDocuments.dark(passport))).toFrontIdCheck();
        assertEquals("False", dark.get("Brightness"));
        Map<String, Object> glare = analyzeUpload(SampleDocuments.jpeg(SampleDocuments.withGlare(idCardFront)))
                .toFrontIdCheck();
        assertEquals(false, glare.get("ImageGlares"));
        assertEquals(true, glare.get("ImageFocus"));
    }

    @Test
    void hardAndSoftChecksAreAsDocumented() {
        assertEquals(List.of(QualityCheck.FOCUS, QualityCheck.RESOLUTION, QualityCheck.BRIGHTNESS),
                List.of(QualityCheck.values()).stream().filter(QualityCheck::hard).toList());
    }

    private static ImageInspection.Accepted inspect(byte[] file) {
        return assertInstanceOf(ImageInspection.Accepted.class, new ImageInspector().inspect(file));
    }

    private static ImageQualityReport analyzeUpload(byte[] file) {
        return ImageQualityAnalyzer.analyze(inspect(file), DEFAULTS);
    }

    private static double focus(BufferedImage image) {
        return analyzeUpload(SampleDocuments.jpeg(image)).measurement(QualityCheck.FOCUS).value();
    }

    private static List<QualityCheck> checks(List<QualityMeasurement> measurements) {
        return measurements.stream().map(QualityMeasurement::check).toList();
    }

    private static void assertSameMeasurements(ImageQualityReport expected, ImageQualityReport actual) {
        for (QualityCheck check : QualityCheck.values()) {
            assertEquals(expected.measurement(check).value(), actual.measurement(check).value(),
                    1e-3 * Math.max(1, Math.abs(expected.measurement(check).value())), check::name);
        }
    }
}
