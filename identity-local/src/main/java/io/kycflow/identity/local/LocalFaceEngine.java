package io.kycflow.identity.local;

import io.kycflow.identity.AgeRange;
import io.kycflow.identity.DetectedFace;
import io.kycflow.identity.FaceAnalyzer;
import io.kycflow.identity.FaceBox;
import io.kycflow.identity.FaceComparison;
import io.kycflow.identity.FaceDetection;
import io.kycflow.identity.LivenessChecker;
import io.kycflow.identity.LivenessResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The local runtime's face engine on the faceplugin ONNX models: faces with their age, face comparison by the cosine
 * similarity of 512-d embeddings ({@link SimilarityScale}), and passive liveness on the selfie. Real inference on the
 * CPU, for development: the models' accuracy is not documented by their publisher (docs/FACES.md).
 */
public final class LocalFaceEngine implements FaceAnalyzer, LivenessChecker {

    /** Half the width of the reported age range: the age model gives one number, its error is a few years. */
    static final int AGE_BAND = 5;

    private final FaceModels models;

    /** An engine on loaded models (usually {@link FaceModels#shared()}). */
    public LocalFaceEngine(FaceModels models) {
        this.models = models;
    }

    @Override
    public FaceDetection detect(byte[] image) {
        RgbImage rgb = RgbImage.decode(image);
        List<DetectedFace> faces = new ArrayList<>();
        for (PixelFace face : models.detector.detect(rgb)) {
            double age = models.age.age(rgb, face);
            faces.add(new DetectedFace(
                    new FaceBox(face.x1() / rgb.width(), face.y1() / rgb.height(),
                            (face.x2() - face.x1()) / rgb.width(), (face.y2() - face.y1()) / rgb.height()),
                    face.score() * 100, null, null,
                    new AgeRange(Math.max(0, (int) Math.round(age) - AGE_BAND), (int) Math.round(age) + AGE_BAND)));
        }
        return new FaceDetection(FaceModels.ENGINE, faces);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when either image holds no face
     */
    @Override
    public FaceComparison compare(byte[] documentImage, byte[] selfie) {
        float[] document = largestFaceEmbedding(documentImage)
                .orElseThrow(() -> new IllegalArgumentException("no face in the document image"));
        float[] live = largestFaceEmbedding(selfie).orElseThrow(() -> new IllegalArgumentException("no face in the selfie"));
        return new FaceComparison(FaceModels.ENGINE, SimilarityScale.similarity(FaceEmbedder.cosine(document, live)));
    }

    /** The passive check of the selfie's largest face; a selfie without a face is not live (confidence 0). */
    @Override
    public LivenessResult check(String sessionId, byte[] selfie) {
        RgbImage rgb = RgbImage.decode(selfie);
        List<PixelFace> faces = models.detector.detect(rgb);
        double live = faces.isEmpty() ? 0 : models.liveness.liveProbability(rgb, faces.get(0));
        return new LivenessResult(FaceModels.ENGINE, live * 100, null);
    }

    /** The unit-length 512-d embedding of the image's largest face, if it has one. */
    public Optional<float[]> largestFaceEmbedding(byte[] image) {
        RgbImage rgb = RgbImage.decode(image);
        List<PixelFace> faces = models.detector.detect(rgb);
        if (faces.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(models.embedder.embed(rgb, models.landmarker.landmarks(rgb, faces.get(0))));
    }
}
