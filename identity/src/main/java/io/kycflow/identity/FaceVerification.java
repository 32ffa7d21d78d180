package io.kycflow.identity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.journey.DecisionStatus;
import io.kycflow.json.Json;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * Judges the selfie against the document: a face in each image (one in the selfie, large enough), liveness, the
 * similarity of selfie and portrait, the same face in the tenant's other journeys, and the tenant's age conditions.
 * Produces seed 001's {@code selfieAnalysis} and seed 002's {@code liveness_checks[]} and {@code face_matches[]}
 * entries, each with its warnings, score, the threshold used and the engine that produced it.
 */
public final class FaceVerification {
    private final IdentityThresholds thresholds;

    public FaceVerification(IdentityThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /**
     * What the engines found.
     *
     * @param documentFaces the faces in the document's front image
     * @param selfieFaces   the faces in the selfie
     * @param comparison    the similarity of the two largest faces, or null when not compared (a face is missing)
     * @param liveness      the liveness result
     * @param duplicates    the tenant's other journeys with the same face
     * @param conditions    the tenant's age conditions (may be empty)
     * @param birthDate     the holder's date of birth from the document, or null: then the selfie's estimated age is
     *                      used for the age conditions
     * @param today         the date ages are computed at
     */
    public record Inputs(FaceDetection documentFaces, FaceDetection selfieFaces, FaceComparison comparison,
                         LivenessResult liveness, List<FaceRegistry.FaceDuplicate> duplicates,
                         List<AgeCondition> conditions, LocalDate birthDate, LocalDate today) {
        public Inputs {
            duplicates = List.copyOf(duplicates);
            conditions = List.copyOf(conditions);
        }
    }

    /**
     * The outcome.
     *
     * @param status                Declined, In Review or Approved over both reports
     * @param selfieAnalysis        seed 001 block
     * @param livenessCheck         seed 002 {@code liveness_checks[]} entry
     * @param faceMatch             seed 002 {@code face_matches[]} entry
     * @param warnings              every warning of both reports
     * @param duplicatedSelfieUsers the other journeys with the same face (seed 004's {@code duplicated_selfie_users})
     */
    public record Result(DecisionStatus status, ObjectNode selfieAnalysis, ObjectNode livenessCheck,
                         ObjectNode faceMatch, ArrayNode warnings, List<String> duplicatedSelfieUsers) {
    }

    /** Judges the faces. */
    public Result verify(Inputs in) {
        ArrayNode matchWarnings = Json.array();
        ArrayNode livenessWarnings = Json.array();
        DetectedFace portrait = usableFace(in.documentFaces(), "document", thresholds.documentFaceWidth(), false,
                matchWarnings);
        DetectedFace selfie = usableFace(in.selfieFaces(), "selfie", thresholds.selfieFaceWidth(), true, matchWarnings);

        Double similarity = in.comparison() == null ? null : Reports.round2(in.comparison().similarity());
        if (similarity != null) {
            ObjectNode data = Json.object().put("score", similarity).put("threshold", thresholds.faceMatch())
                    .put("reviewFrom", thresholds.faceMatchReview());
            if (similarity < thresholds.faceMatchReview()) {
                matchWarnings.add(IdentityRisk.FACE_MISMATCH.warning(data));
            } else if (similarity < thresholds.faceMatch()) {
                matchWarnings.add(IdentityRisk.LOW_FACE_MATCH_SIMILARITY.warning(data));
            }
        } else if (portrait != null && selfie != null) {
            throw new IllegalArgumentException("both images hold a face but no comparison was given");
        }

        double livenessScore = Reports.round2(in.liveness().confidence());
        boolean live = livenessScore >= thresholds.liveness();
        if (!live) {
            livenessWarnings.add(IdentityRisk.LOW_LIVENESS_SCORE.warning(Json.object().put("score", livenessScore)
                    .put("threshold", thresholds.liveness())));
        }
        List<String> duplicated = in.duplicates().stream().map(FaceRegistry.FaceDuplicate::journeyId).toList();
        ArrayNode matches = Json.array();
        in.duplicates().forEach(d -> matches.addObject().put("session_id", d.journeyId())
                .put("similarity", Reports.round2(d.similarity())));
        if (!duplicated.isEmpty()) {
            ObjectNode data = Json.object();
            data.set("duplicated_selfie_users", matches.deepCopy());
            livenessWarnings.add(IdentityRisk.POSSIBLE_DUPLICATE_FACE.warning(data));
        }
        Double estimatedAge = selfie == null || selfie.age() == null ? null
                : (selfie.age().low() + selfie.age().high()) / 2.0;
        checkAge(in, estimatedAge, livenessWarnings);

        DecisionStatus matchStatus = Reports.statusOf(matchWarnings);
        DecisionStatus livenessStatus = Reports.statusOf(livenessWarnings);
        ObjectNode faceMatch = Json.object().put("status", matchStatus.label()).put("score", similarity)
                .put("threshold", thresholds.faceMatch()).put("review_threshold", thresholds.faceMatchReview())
                .put("node_id", IdentityRisk.Feature.FACEMATCH.nodeId());
        faceMatch.set("engine", in.comparison() == null ? null : Reports.engine(in.comparison().engine()));
        faceMatch.set("warnings", matchWarnings);
        ObjectNode livenessCheck = Json.object().put("status", livenessStatus.label())
                .put("method", in.liveness().sessionId() == null ? "passive" : "active")
                .put("score", livenessScore).put("threshold", thresholds.liveness())
                .put("age_estimation", estimatedAge)
                .put("face_quality", selfie == null || selfie.sharpness() == null ? null : Reports.round2(selfie.sharpness()))
                .put("face_luminance", selfie == null || selfie.brightness() == null ? null
                        : Reports.round2(selfie.brightness()))
                .put("node_id", IdentityRisk.Feature.LIVENESS.nodeId());
        livenessCheck.set("matches", matches);
        livenessCheck.set("engine", Reports.engine(in.liveness().engine()));
        livenessCheck.set("warnings", livenessWarnings);

        ObjectNode analysis = Json.object();
        analysis.putObject("passiveLiveliness").put("status", livenessStatus.label()).put("liveness", live)
                .put("score", livenessScore);
        boolean verified = matchStatus == DecisionStatus.APPROVED;
        analysis.putObject("faceMatch").put("status", matchStatus.label()).put("verified", verified)
                .put("message", faceMessage(matchWarnings))
                .put("matchPercentage", similarity == null ? null : String.valueOf(similarity));

        ArrayNode all = Json.array().addAll(matchWarnings).addAll(livenessWarnings);
        return new Result(Reports.statusOf(all), analysis, livenessCheck, faceMatch, all, duplicated);
    }

    /**
     * The largest face of an image when it is usable, else null with the warning saying why. The document may show
     * a second, smaller ghost portrait, so only the selfie is held to one face.
     */
    private DetectedFace usableFace(FaceDetection detection, String image, double minWidthPercent, boolean onlyOne,
                                    ArrayNode warnings) {
        List<DetectedFace> faces = detection.faces().stream()
                .filter(f -> f.confidence() >= thresholds.faceConfidence()).toList();
        if (faces.isEmpty()) {
            warnings.add(IdentityRisk.NO_FACE.warning(Json.object().put("image", image)));
            return null;
        }
        DetectedFace largest = faces.getFirst();
        if (onlyOne && faces.size() > 1 && faces.get(1).box().width() >= largest.box().width() / 2) {
            // a passer-by far behind is no second applicant; a face half as wide as the first is
            warnings.add(IdentityRisk.MULTIPLE_FACES.warning(Json.object().put("image", image)
                    .put("faces", faces.size())));
        }
        double widthPercent = Reports.round2(largest.box().width() * 100);
        if (widthPercent < minWidthPercent) {
            warnings.add(IdentityRisk.FACE_TOO_SMALL.warning(Json.object().put("image", image)
                    .put("widthPercent", widthPercent).put("minWidthPercent", minWidthPercent)));
        }
        return largest;
    }

    /** The document's age where known, else the selfie's estimate, against each condition. */
    private static void checkAge(Inputs in, Double estimatedAge, ArrayNode warnings) {
        if (in.conditions().isEmpty()) {
            return;
        }
        Integer age = in.birthDate() != null ? Integer.valueOf(Period.between(in.birthDate(), in.today()).getYears())
                : estimatedAge == null ? null : Integer.valueOf((int) Math.floor(estimatedAge));
        if (age == null) {
            return;
        }
        String source = in.birthDate() != null ? "document" : "faceEstimate";
        for (AgeCondition condition : in.conditions()) {
            if (!condition.test(age)) {
                warnings.add(condition.failure().warning(Json.object().put("age", age).put("ageSource", source)
                        .put("condition", condition.toString())));
            }
        }
    }

    private static String faceMessage(ArrayNode warnings) {
        return warnings.isEmpty() ? "The selfie matches the document portrait."
                : warnings.get(0).path("long_description").asText();
    }
}
