package io.kycflow.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The images committed under docs/samples keep working with the current checks and thresholds. */
class SampleFilesTest {

    private static final long MAX_SAMPLE_BYTES = 400 * 1024;

    @ParameterizedTest
    @ValueSource(strings = {"passport.jpg", "id-front.jpg", "id-back.jpg", "selfie.jpg"})
    void aGoodSamplePassesEveryCheck(String name) throws IOException {
        ImageQualityReport report = analyze(name);
        assertTrue(report.passed(), report::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"blurry.jpg"})
    void theBlurrySampleFailsFocusOnly(String name) throws IOException {
        ImageQualityReport report = analyze(name);
        assertEquals(List.of(QualityCheck.FOCUS),
                report.hardFailures().stream().map(QualityMeasurement::check).toList());
    }

    private static ImageQualityReport analyze(String name) throws IOException {
        String project = System.getProperty("kycflow.project.dir");
        assumeTrue(project != null, "kycflow.project.dir is set by the Maven build");
        Path file = Path.of(project, "docs", "samples", name);
        byte[] data = Files.readAllBytes(file);
        assertTrue(data.length <= MAX_SAMPLE_BYTES, name + " is " + data.length + " bytes");
        ImageInspection.Accepted upload = assertInstanceOf(ImageInspection.Accepted.class,
                new ImageInspector().inspect(data));
        return ImageQualityAnalyzer.analyze(upload, QualityThresholds.DEFAULTS);
    }
}
