package io.kycflow.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.journey.DecisionStatus;
import io.kycflow.json.Json;

/** What the identity reports share: the engine block, the status their warnings give, scores to two decimals. */
final class Reports {
    private Reports() {
    }

    /** The engine that produced a result: {@code {kind: cloud|local, name, version}}. */
    static ObjectNode engine(Engine engine) {
        return Json.object().put("kind", engine.kind().label()).put("name", engine.name())
                .put("version", engine.version());
    }

    /** Declined when a warning is an error, In Review when any is a warning, else Approved (seed 002 Status enum). */
    static DecisionStatus statusOf(Iterable<JsonNode> warnings) {
        DecisionStatus status = DecisionStatus.APPROVED;
        for (JsonNode warning : warnings) {
            String type = warning.path("log_type").asText();
            if ("error".equals(type)) {
                return DecisionStatus.DECLINED;
            }
            if ("warning".equals(type)) {
                status = DecisionStatus.IN_REVIEW;
            }
        }
        return status;
    }

    static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
