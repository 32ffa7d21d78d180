package io.kycflow.identity.aws;

import io.kycflow.aws.Settings;
import io.kycflow.identity.FaceComparison;
import io.kycflow.testing.MotoProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rekognition.RekognitionClient;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.kycflow.identity.aws.RekognitionFaceAnalyzerTest.REKOGNITION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The adapters against moto where moto answers. moto 5.2.1 implements CompareFaces only among the operations the
 * adapters use (with a fixed answer whatever the images: one match of similarity 100 and one unmatched face);
 * DetectFaces, CreateCollection, SearchFacesByImage, IndexFaces, the Face Liveness operations and Textract's
 * AnalyzeID answer "not implemented". Skipped when no python3 with moto is installed.
 */
class MotoRekognitionTest {
    private static MotoProcess moto;
    private static RekognitionClient rekognition;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoProcess.start(Map.of());
        if (moto != null) {
            rekognition = IdentityAws.rekognition(new Settings(Map.of("AWS_REGION", "eu-west-1",
                    "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing",
                    "AWS_ENDPOINT_URL_REKOGNITION", moto.endpoint().toString())));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (moto != null) {
            rekognition.close();
            moto.close();
        }
    }

    @Test
    void compareFacesTakesTheBestMatchOfMotosAnswer() {
        assumeTrue(moto != null, MotoProcess.NOT_AVAILABLE);
        RekognitionFaceAnalyzer analyzer = new RekognitionFaceAnalyzer(rekognition, 90);

        FaceComparison comparison = analyzer.compare("document".getBytes(StandardCharsets.UTF_8),
                "selfie".getBytes(StandardCharsets.UTF_8));

        assertEquals(new FaceComparison(REKOGNITION, 100, FaceComparison.Outcome.COMPARED), comparison);
    }
}
