package io.kycflow.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.json.Json;

/** The journey as the API shows it: the result object of seed 001 with the V3 decision of seed 002. */
public final class JourneyView {
    private JourneyView() {
    }

    /** What the capture page polls. */
    public static ObjectNode status(Journey journey) {
        return Json.object()
                .put("journeyId", journey.journeyId())
                .put("step", journey.step().name())
                .put("currentStatus", journey.currentStatus().label())
                .put("message", journey.message());
    }

    /** The full result for the tenant, with short-lived links to the captured images. */
    public static ObjectNode result(Journey journey, ImageLinks links) {
        JsonNode state = journey.state();
        ObjectNode result = Json.object();
        result.putObject("flow").put("flowId", state.path("flowId").asText("default")).put("version", state.path("flowVersion").asInt(1));
        ObjectNode processing = result.putObject("processingConfig");
        processing.put("callbackUrl", Json.text(state, "callbackUrl"));
        processing.put("journeyLinkValidity", state.path("journeyLinkValidity").asLong());
        // The callback key is a secret: say whether one is set, never echo it.
        processing.put("authKeyForCallbackSet", state.hasNonNull("callbackAuthKey"));

        ObjectNode captured = result.putObject("capturedData");
        ObjectNode images = captured.putObject("images");
        for (CaptureSide side : CaptureSide.values()) {
            String key = journey.image(side);
            images.put(side.resultName(), key == null ? null : links.readUrl(key));
        }
        captured.set("consent", state.get("consent"));
        captured.put("country", journey.country());
        captured.put("idType", Json.text(state, "idType"));

        result.set("matchPercentage", state.has("matchPercentage") ? state.get("matchPercentage") : Json.object());
        result.set("documentIntelligence", journey.documentIntelligence());
        result.set("selfieAnalysis", state.get("selfieAnalysis"));
        result.put("clientId", journey.tenantId());
        result.put("userId", Json.text(state, "userId"));
        result.put("customerReference", Json.text(state, "customerReference"));
        result.put("journeyId", journey.journeyId());
        result.put("currentStatus", journey.currentStatus().label());
        result.put("step", journey.step().name());
        result.put("message", journey.message());
        result.put("callbackSent", state.path("callbackSent").asBoolean(false));
        result.put("mobileStatus", state.path("mobileStatus").asBoolean(false));
        result.set("userInfo", state.has("userInfo") ? state.get("userInfo") : Json.object());
        result.put("locale", Json.text(state, "locale"));
        result.put("createdAt", journey.createdAt());
        // Absent timestamps are JSON null (Jackson turns a null value into a null node).
        result.set("startedAt", state.get("startedAt"));
        result.set("completedAt", state.get("completedAt"));
        result.set("updatedAt", state.get("updatedAt"));
        result.put("expiresAt", journey.expiresAt());
        result.set("decision", decision(journey, links));
        return result;
    }

    /** The V3 decision: overall status and one report array per feature. */
    static ObjectNode decision(Journey journey, ImageLinks links) {
        JsonNode state = journey.state();
        ObjectNode decision = Json.object().put("status", journey.decisionStatus().label());
        if (state.hasNonNull("declineReason")) {
            decision.put("reason", state.get("declineReason").asText());
        }
        ArrayNode verifications = decision.putArray("id_verifications");
        JsonNode stored = state.get("idVerification");
        if (stored != null) {
            ObjectNode verification = stored.deepCopy();
            String front = journey.image(CaptureSide.FRONT);
            String back = journey.image(CaptureSide.BACK);
            verification.put("front_image", front == null ? null : links.readUrl(front));
            verification.put("back_image", back == null ? null : links.readUrl(back));
            verifications.add(verification);
        }
        decision.putArray("liveness_checks");
        decision.putArray("face_matches");
        ArrayNode screenings = decision.putArray("aml_screenings");
        if (state.hasNonNull("amlScreening")) {
            screenings.add(state.get("amlScreening"));
        }
        return decision;
    }
}
