package io.kycflow.identity;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** The risk codes of a warnings array, in order: what the identity tests compare. */
final class WarningRisks {
    private WarningRisks() {
    }

    static List<String> of(Iterable<JsonNode> warnings) {
        List<String> risks = new ArrayList<>();
        warnings.forEach(w -> risks.add(w.path("risk").asText()));
        return risks;
    }
}
