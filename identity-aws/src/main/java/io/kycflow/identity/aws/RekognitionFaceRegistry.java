package io.kycflow.identity.aws;

import io.kycflow.identity.FaceRegistry;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.FaceMatch;
import software.amazon.awssdk.services.rekognition.model.InvalidParameterException;
import software.amazon.awssdk.services.rekognition.model.QualityFilter;
import software.amazon.awssdk.services.rekognition.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.rekognition.model.ResourceNotFoundException;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@link FaceRegistry} on Amazon Rekognition: one face collection per tenant ({@code <prefix><tenantId>}, created on
 * first use), searched with SearchFacesByImage, then the journey's face added with IndexFaces under
 * {@code ExternalImageId = journeyId}. Searching first finds a face this journey already registered (a retried
 * step), which is then neither added again nor reported.
 */
public final class RekognitionFaceRegistry implements FaceRegistry {
    /** Default FaceMatchThreshold: the same person's selfies score 95+; Rekognition's own default (80) is lenient. */
    public static final double DEFAULT_MATCH_THRESHOLD = 90;
    /** Default number of other journeys reported. */
    public static final int DEFAULT_MAX_DUPLICATES = 10;
    /** Rekognition's pattern for collection ids (at most 255 characters). */
    private static final Pattern COLLECTION_ID = Pattern.compile("[a-zA-Z0-9_.\\-]{1,255}");
    /** Rekognition's pattern for ExternalImageId (at most 255 characters). */
    private static final Pattern EXTERNAL_IMAGE_ID = Pattern.compile("[a-zA-Z0-9_.\\-:]{1,255}");

    private final RekognitionClient rekognition;
    private final String collectionPrefix;
    private final float matchThreshold;
    private final int maxDuplicates;

    /**
     * @param rekognition      the client, built once per container
     * @param collectionPrefix put before the tenant id to name its collection, e.g. {@code kycflow-}
     * @param matchThreshold   SearchFacesByImage's FaceMatchThreshold on the 0-100 scale; a 0-1 fraction is refused
     * @param maxDuplicates    how many other journeys to report at most (1-4096)
     */
    public RekognitionFaceRegistry(RekognitionClient rekognition, String collectionPrefix, double matchThreshold,
                                   int maxDuplicates) {
        this.rekognition = Objects.requireNonNull(rekognition, "rekognition");
        this.collectionPrefix = Objects.requireNonNull(collectionPrefix, "collectionPrefix");
        this.matchThreshold = Percent.of("the duplicate face match threshold", matchThreshold);
        // SearchFacesByImage's MaxFaces is 1-4096, and one place may go to this journey's own face
        if (maxDuplicates < 1 || maxDuplicates > 4095) {
            throw new IllegalArgumentException("the most duplicates to report is 1-4095; got " + maxDuplicates);
        }
        this.maxDuplicates = maxDuplicates;
    }

    @Override
    public List<FaceDuplicate> findAndRegister(String tenantId, String journeyId, byte[] selfie) {
        String collection = collectionId(tenantId);
        if (!EXTERNAL_IMAGE_ID.matcher(journeyId).matches()) {
            throw new IllegalArgumentException("journey id " + journeyId + " cannot name a face in Rekognition");
        }
        List<FaceMatch> matches;
        try {
            matches = rekognition.searchFacesByImage(request -> request.collectionId(collection)
                            .image(Rekognition.image(selfie))
                            .faceMatchThreshold(matchThreshold)
                            .maxFaces(maxDuplicates + 1)
                            .qualityFilter(QualityFilter.AUTO))
                    .faceMatches();
        } catch (ResourceNotFoundException e) {
            createCollection(collection);
            matches = List.of();
        } catch (InvalidParameterException e) {
            // no face in the selfie: nothing to search for and nothing to register
            return List.of();
        }
        boolean registered = matches.stream().anyMatch(match -> journeyId.equals(match.face().externalImageId()));
        if (!registered) {
            rekognition.indexFaces(request -> request.collectionId(collection)
                    .image(Rekognition.image(selfie))
                    .externalImageId(journeyId)
                    .maxFaces(1)
                    .qualityFilter(QualityFilter.AUTO));
        }
        // a journey may own several faces (two indexings that raced): report it once, with its best similarity
        Map<String, Double> best = matches.stream()
                .filter(match -> match.face().externalImageId() != null)
                .filter(match -> !journeyId.equals(match.face().externalImageId()))
                .collect(Collectors.toMap(match -> match.face().externalImageId(),
                        match -> match.similarity().doubleValue(), Math::max));
        return best.entrySet().stream()
                .map(entry -> new FaceDuplicate(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingDouble(FaceDuplicate::similarity).reversed())
                .limit(maxDuplicates)
                .toList();
    }

    /** The tenant's collection id; tenants are never mixed, so a tenant id that cannot name one is refused. */
    private String collectionId(String tenantId) {
        String id = collectionPrefix + tenantId;
        if (!COLLECTION_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("tenant id " + tenantId + " cannot name a Rekognition collection");
        }
        return id;
    }

    private void createCollection(String collection) {
        try {
            rekognition.createCollection(request -> request.collectionId(collection));
        } catch (ResourceAlreadyExistsException e) {
            // another function instance created it first
        }
    }
}
