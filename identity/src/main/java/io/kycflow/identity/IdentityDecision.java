package io.kycflow.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.journey.DecisionStatus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The identity decision over the document and face reports: Declined when any check failed hard (expired document,
 * not a document, failed liveness, face mismatch, no face, an age condition), In Review when any raised a soft signal
 * (data mismatch, MRZ check digits, low-confidence match, possible duplicates, multiple or small faces, unreadable
 * MRZ), Approved only when every check passed.
 *
 * @param status  the decision
 * @param reasons the risk codes behind it: the errors when declined, the warnings when in review, none when approved
 */
public record IdentityDecision(DecisionStatus status, List<String> reasons) {

    public IdentityDecision {
        reasons = List.copyOf(reasons);
    }

    /** Decides over both reports. */
    public static IdentityDecision of(DocumentVerification.Result document, FaceVerification.Result faces) {
        List<JsonNode> warnings = new ArrayList<>();
        document.warnings().forEach(warnings::add);
        faces.warnings().forEach(warnings::add);
        DecisionStatus status = Reports.statusOf(warnings);
        String deciding = status == DecisionStatus.DECLINED ? "error" : "warning";
        Set<String> reasons = new LinkedHashSet<>();
        if (status != DecisionStatus.APPROVED) {
            warnings.stream().filter(w -> deciding.equals(w.path("log_type").asText()))
                    .forEach(w -> reasons.add(w.path("risk").asText()));
        }
        return new IdentityDecision(status, new ArrayList<>(reasons));
    }
}
