package io.kycflow.journey;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.json.Json;

/** The warning object of the V3 decision's report arrays (seed 002, "Warning object"). */
public record DecisionWarning(String feature, String risk, String logType, String shortDescription,
                              String longDescription, String nodeId) {

    /** The warning as JSON; {@code additionalData} may be null. */
    public ObjectNode toJson(ObjectNode additionalData) {
        ObjectNode warning = Json.object().put("feature", feature).put("risk", risk);
        warning.set("additional_data", additionalData);
        return warning.put("log_type", logType)
                .put("short_description", shortDescription)
                .put("long_description", longDescription)
                .put("node_id", nodeId);
    }
}
