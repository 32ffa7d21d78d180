package io.kycflow.identity.aws;

import io.kycflow.identity.AgeRange;
import io.kycflow.identity.DetectedFace;
import io.kycflow.identity.FaceAnalyzer;
import io.kycflow.identity.FaceComparison;
import io.kycflow.identity.FaceDetection;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.Attribute;
import software.amazon.awssdk.services.rekognition.model.CompareFacesMatch;
import software.amazon.awssdk.services.rekognition.model.CompareFacesResponse;
import software.amazon.awssdk.services.rekognition.model.FaceDetail;
import software.amazon.awssdk.services.rekognition.model.InvalidParameterException;
import software.amazon.awssdk.services.rekognition.model.QualityFilter;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * {@link FaceAnalyzer} on Amazon Rekognition: DetectFaces (with the age range) and CompareFaces of the document
 * portrait against the selfie.
 */
public final class RekognitionFaceAnalyzer implements FaceAnalyzer {
    /** The default SimilarityThreshold: Rekognition's own default is 80, too lenient for identity verification. */
    public static final double DEFAULT_SIMILARITY_THRESHOLD = 90;

    private static final Comparator<DetectedFace> LARGEST_FIRST =
            Comparator.comparingDouble((DetectedFace face) -> face.box().width() * face.box().height()).reversed();

    private final RekognitionClient rekognition;
    private final float similarityThreshold;

    /**
     * @param rekognition         the client, built once per container
     * @param similarityThreshold the CompareFaces SimilarityThreshold on the 0-100 scale: a face less similar counts
     *                            as no match (similarity 0); a 0-1 fraction is refused
     */
    public RekognitionFaceAnalyzer(RekognitionClient rekognition, double similarityThreshold) {
        this.rekognition = Objects.requireNonNull(rekognition, "rekognition");
        this.similarityThreshold = Percent.of("the face match similarity threshold", similarityThreshold);
    }

    @Override
    public FaceDetection detect(byte[] image) {
        // DEFAULT brings the box, confidence and quality (sharpness, brightness); AGE_RANGE adds the age
        List<DetectedFace> faces = rekognition.detectFaces(request -> request.image(Rekognition.image(image))
                        .attributes(Attribute.DEFAULT, Attribute.AGE_RANGE))
                .faceDetails().stream()
                .map(RekognitionFaceAnalyzer::face)
                .sorted(LARGEST_FIRST)
                .toList();
        return new FaceDetection(Rekognition.ENGINE, faces);
    }

    @Override
    public FaceComparison compare(byte[] documentImage, byte[] selfie) {
        CompareFacesResponse response;
        try {
            response = rekognition.compareFaces(request -> request
                    .sourceImage(Rekognition.image(documentImage))
                    .targetImage(Rekognition.image(selfie))
                    .similarityThreshold(similarityThreshold)
                    .qualityFilter(QualityFilter.AUTO));
        } catch (InvalidParameterException e) {
            // CompareFaces' answer when it finds no face in the source or the target image (our threshold and
            // filter are always valid, and bad image bytes have exceptions of their own)
            return FaceComparison.noFace(Rekognition.ENGINE);
        }
        // faces below the threshold come back as UnmatchedFaces only: no match, similarity 0
        double best = response.faceMatches().stream()
                .map(CompareFacesMatch::similarity)
                .filter(Objects::nonNull)
                .mapToDouble(Float::doubleValue)
                .max().orElse(0);
        return new FaceComparison(Rekognition.ENGINE, best);
    }

    private static DetectedFace face(FaceDetail face) {
        Double sharpness = face.quality() == null || face.quality().sharpness() == null
                ? null : face.quality().sharpness().doubleValue();
        Double brightness = face.quality() == null || face.quality().brightness() == null
                ? null : face.quality().brightness().doubleValue();
        AgeRange age = face.ageRange() == null || face.ageRange().low() == null || face.ageRange().high() == null
                ? null : new AgeRange(face.ageRange().low(), face.ageRange().high());
        return new DetectedFace(Rekognition.box(face.boundingBox()),
                face.confidence() == null ? 0 : face.confidence(), sharpness, brightness, age);
    }
}
