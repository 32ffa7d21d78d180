package io.kycflow.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.journey.DecisionWarning;

/**
 * The risks identity verification raises, as seed 002 warning objects: an {@code error} declines its report, a
 * {@code warning} sends it to review.
 */
public enum IdentityRisk {
    EXPIRED_DOCUMENT(Feature.ID_VERIFICATION, true, "Expired document",
            "The ID document presented has an expiration date in the past."),
    NOT_A_DOCUMENT(Feature.ID_VERIFICATION, true, "Not an identity document",
            "Neither a machine-readable zone nor any document field could be read from the images."),
    MRZ_NOT_READABLE(Feature.ID_VERIFICATION, false, "MRZ not readable",
            "The document type carries a machine-readable zone, but none could be read."),
    MRZ_CHECKSUM_FAILED(Feature.ID_VERIFICATION, false, "MRZ check digits failed",
            "One or more check digits of the machine-readable zone do not match its data."),
    MRZ_TEXT_MISMATCH(Feature.ID_VERIFICATION, false, "MRZ and printed text disagree",
            "Fields in the machine-readable zone differ from the same fields printed on the document."),
    DOCUMENT_TYPE_MISMATCH(Feature.ID_VERIFICATION, false, "Different document",
            "The document read is not of the type or country the user selected."),
    DATA_MISMATCH(Feature.ID_VERIFICATION, false, "Data mismatch",
            "Data read from the document differs from the data the business provided."),
    AGE_BELOW_MINIMUM(Feature.LIVENESS, true, "Below minimum age",
            "The applicant is younger than the minimum age this verification requires."),
    AGE_ABOVE_MAXIMUM(Feature.LIVENESS, true, "Above maximum age",
            "The applicant is older than the maximum age this verification allows."),
    NO_FACE(Feature.FACEMATCH, true, "No face found",
            "No face was found in the image, so the selfie cannot be compared with the document portrait."),
    MULTIPLE_FACES(Feature.FACEMATCH, false, "Multiple faces",
            "More than one face was found in the selfie."),
    FACE_TOO_SMALL(Feature.FACEMATCH, false, "Face too small",
            "The face in the image is too small to be compared reliably."),
    FACE_MISMATCH(Feature.FACEMATCH, true, "Face mismatch",
            "The selfie does not show the person in the document portrait."),
    LOW_FACE_MATCH_SIMILARITY(Feature.FACEMATCH, false, "Low face match similarity",
            "The selfie and the document portrait are alike, but not enough to be sure they show the same person."),
    LOW_LIVENESS_SCORE(Feature.LIVENESS, true, "Liveness check failed",
            "The selfie may not show a live person: a printed photo, a screen or a mask can give this result."),
    POSSIBLE_DUPLICATE_FACE(Feature.LIVENESS, false, "Possible duplicated user",
            "The same face was found in other verifications of this business.");

    /** The seed 002 features these risks belong to, with the node id of their report. */
    public enum Feature {
        ID_VERIFICATION(io.kycflow.journey.JourneyRules.ID_VERIFICATION_NODE), LIVENESS("liveness"),
        FACEMATCH("face_match");

        private final String nodeId;

        Feature(String nodeId) {
            this.nodeId = nodeId;
        }

        /** The {@code node_id} of the report this feature's warnings go into. */
        public String nodeId() {
            return nodeId;
        }
    }

    private final Feature feature;
    private final boolean declines;
    private final String shortDescription;
    private final String longDescription;

    IdentityRisk(Feature feature, boolean declines, String shortDescription, String longDescription) {
        this.feature = feature;
        this.declines = declines;
        this.shortDescription = shortDescription;
        this.longDescription = longDescription;
    }

    public Feature feature() {
        return feature;
    }

    /** Whether the risk declines its report ({@code error}) rather than sending it to review ({@code warning}). */
    public boolean declines() {
        return declines;
    }

    /** The warning object; {@code additionalData} may be null. */
    public ObjectNode warning(ObjectNode additionalData) {
        return new DecisionWarning(feature.name(), name(), declines ? "error" : "warning", shortDescription,
                longDescription, feature.nodeId()).toJson(additionalData);
    }
}
