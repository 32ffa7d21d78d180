package io.kycflow.identity.aws;

import io.kycflow.aws.AwsClients;
import io.kycflow.aws.Settings;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.textract.TextractClient;

import java.util.concurrent.CompletableFuture;

/**
 * The identity engines on AWS, wired from the environment in this one place for every function that uses them.
 * Build each client once per container and hand it to the adapters it serves.
 *
 * <p>Variables (all optional):
 * <ul>
 *   <li>{@code KYCFLOW_FACE_MATCH_THRESHOLD} CompareFaces SimilarityThreshold, 0-100 (default 90)</li>
 *   <li>{@code KYCFLOW_FACE_DUPLICATE_THRESHOLD} SearchFacesByImage FaceMatchThreshold, 0-100 (default 90)</li>
 *   <li>{@code KYCFLOW_FACE_DUPLICATE_MAX} how many other journeys with the same face to report (default 10)</li>
 *   <li>{@code KYCFLOW_FACE_COLLECTION_PREFIX} put before the tenant id to name its face collection (default
 *       {@code kycflow-}; a second stack in the same account and region needs its own)</li>
 *   <li>{@code KYCFLOW_LIVENESS_BUCKET} where Face Liveness writes reference and audit images (default
 *       {@code KYCFLOW_BUCKET}), under {@code KYCFLOW_LIVENESS_PREFIX} (default {@code liveness/})</li>
 *   <li>{@code KYCFLOW_LIVENESS_AUDIT_IMAGES} audit images kept per session, 0-4 (default 2)</li>
 *   <li>{@code AWS_ENDPOINT_URL_REKOGNITION}, {@code AWS_ENDPOINT_URL_TEXTRACT} (or {@code AWS_ENDPOINT_URL}) as the
 *       SDK reads them</li>
 * </ul>
 * Thresholds are on Rekognition's 0-100 scale; a value of 1 or less (a 0-1 fraction) is refused with the variable's
 * name.
 */
public final class IdentityAws {
    private IdentityAws() {
    }

    /** The Rekognition client, its regional endpoint resolved once (no endpoint rules engine at the first request). */
    public static RekognitionClient rekognition(Settings settings) {
        CompletableFuture<Endpoint> endpoint = AwsClients.fixedEndpoint(settings, "REKOGNITION", "rekognition");
        return AwsClients.configure(RekognitionClient.builder(), settings, "REKOGNITION")
                .endpointProvider(params -> endpoint)
                .build();
    }

    /** The Textract client, its regional endpoint resolved once. */
    public static TextractClient textract(Settings settings) {
        CompletableFuture<Endpoint> endpoint = AwsClients.fixedEndpoint(settings, "TEXTRACT", "textract");
        return AwsClients.configure(TextractClient.builder(), settings, "TEXTRACT")
                .endpointProvider(params -> endpoint)
                .build();
    }

    public static RekognitionFaceAnalyzer faceAnalyzer(Settings settings, RekognitionClient rekognition) {
        return new RekognitionFaceAnalyzer(rekognition, percent(settings, "KYCFLOW_FACE_MATCH_THRESHOLD",
                RekognitionFaceAnalyzer.DEFAULT_SIMILARITY_THRESHOLD));
    }

    public static RekognitionFaceRegistry faceRegistry(Settings settings, RekognitionClient rekognition) {
        return new RekognitionFaceRegistry(rekognition,
                settings.get("KYCFLOW_FACE_COLLECTION_PREFIX", "kycflow-"),
                percent(settings, "KYCFLOW_FACE_DUPLICATE_THRESHOLD", RekognitionFaceRegistry.DEFAULT_MATCH_THRESHOLD),
                (int) settings.positiveNumber("KYCFLOW_FACE_DUPLICATE_MAX", RekognitionFaceRegistry.DEFAULT_MAX_DUPLICATES));
    }

    public static FaceLivenessSessions livenessSessions(Settings settings, RekognitionClient rekognition) {
        String bucket = settings.get("KYCFLOW_LIVENESS_BUCKET", null);
        return new FaceLivenessSessions(rekognition, bucket != null ? bucket : settings.bucket(),
                settings.get("KYCFLOW_LIVENESS_PREFIX", "liveness/"),
                wholeNumber(settings, "KYCFLOW_LIVENESS_AUDIT_IMAGES", 2));
    }

    /** A threshold on the 0-100 scale; the message names the variable. */
    static double percent(Settings settings, String name, double fallback) {
        double value;
        try {
            value = Double.parseDouble(settings.get(name, Double.toString(fallback)).strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " is not a number", e);
        }
        try {
            return Percent.of(name, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A whole number that may be 0 (Settings' own reader wants it positive). */
    private static int wholeNumber(Settings settings, String name, int fallback) {
        try {
            return Integer.parseInt(settings.get(name, Integer.toString(fallback)).strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " is not a whole number", e);
        }
    }
}
