package io.kycflow.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.json.Json;

/**
 * One identity journey: its configuration, what the user has given so far, the check results and the decision.
 * The state is one JSON document (stored as-is), read and written through typed accessors; {@link #version()}
 * guards concurrent writers (optimistic locking).
 */
public final class Journey {
    private final ObjectNode state;
    private long version;

    private Journey(ObjectNode state, long version) {
        this.state = state;
        this.version = version;
    }

    /** A journey that has just been created. */
    public static Journey create(String tenantId, String journeyId, long nowMillis, long validitySeconds) {
        ObjectNode state = Json.object()
                .put("tenantId", tenantId)
                .put("journeyId", journeyId)
                .put("flowId", "default")
                .put("flowVersion", 1)
                .put("journeyLinkValidity", validitySeconds)
                .put("createdAt", nowMillis)
                .put("updatedAt", nowMillis)
                .put("expiresAt", nowMillis + validitySeconds * 1000)
                .put("step", JourneyStep.INIT.name())
                .put("currentStatus", CurrentStatus.NOT_STARTED.label())
                .put("decisionStatus", DecisionStatus.NOT_STARTED.label())
                .put("message", "Journey created; waiting for the user to start.")
                .put("callbackSent", false);
        state.putObject("images");
        return new Journey(state, 0);
    }

    /** Sets what the tenant configured at creation; null values are left out. */
    public void configure(String userId, String customerReference, JsonNode userInfo, String callbackUrl,
                          String callbackAuthKey, String locale) {
        set("userId", userId);
        set("customerReference", customerReference);
        set("userInfo", userInfo);
        set("callbackUrl", callbackUrl);
        set("callbackAuthKey", callbackAuthKey);
        set("locale", locale);
    }

    /** Restores a stored journey. */
    public static Journey fromStorage(String json, long version) {
        return new Journey((ObjectNode) Json.parse(json), version);
    }

    public String toStorage() {
        return Json.write(state);
    }

    public long version() {
        return version;
    }

    /** Called by the store after a successful conditional write. */
    public void setVersion(long version) {
        this.version = version;
    }

    /** The raw state, read-only by convention: for views and tests. */
    public JsonNode state() {
        return state;
    }

    public String tenantId() {
        return state.get("tenantId").asText();
    }

    public String journeyId() {
        return state.get("journeyId").asText();
    }

    public JourneyStep step() {
        return JourneyStep.valueOf(state.get("step").asText());
    }

    public CurrentStatus currentStatus() {
        return CurrentStatus.ofLabel(state.get("currentStatus").asText());
    }

    public DecisionStatus decisionStatus() {
        return DecisionStatus.ofLabel(state.get("decisionStatus").asText());
    }

    public String message() {
        return Json.text(state, "message");
    }

    public long expiresAt() {
        return state.get("expiresAt").asLong();
    }

    public long createdAt() {
        return state.get("createdAt").asLong();
    }

    public Boolean consent() {
        JsonNode value = state.get("consent");
        return value == null || value.isNull() ? null : value.asBoolean();
    }

    public IdType idType() {
        String value = Json.text(state, "idType");
        return value == null ? null : IdType.valueOf(value);
    }

    public String country() {
        return Json.text(state, "country");
    }

    /** The S3 key of an accepted image, or null. */
    public String image(CaptureSide side) {
        return Json.text(state.get("images"), side.name());
    }

    /** The user step whose task token is stored, or null. */
    public JourneyStep waitingStep() {
        String value = Json.text(state.get("waiting"), "step");
        return value == null ? null : JourneyStep.valueOf(value);
    }

    public String waitingToken() {
        return Json.text(state.get("waiting"), "taskToken");
    }

    public JsonNode documentIntelligence() {
        return state.get("documentIntelligence");
    }

    public JsonNode decision() {
        return state.get("decision");
    }

    public String customerReference() {
        return Json.text(state, "customerReference");
    }

    public String callbackUrl() {
        return Json.text(state, "callbackUrl");
    }

    // --- mutators used by JourneyRules and the create use case ---

    void set(String field, String value) {
        if (value == null) {
            state.remove(field);
        } else {
            state.put(field, value);
        }
    }

    void set(String field, long value) {
        state.put(field, value);
    }

    void set(String field, boolean value) {
        state.put(field, value);
    }

    void set(String field, JsonNode value) {
        state.set(field, value);
    }

    void setStep(JourneyStep step) {
        state.put("step", step.name());
    }

    void setCurrentStatus(CurrentStatus status) {
        state.put("currentStatus", status.label());
    }

    void setDecisionStatus(DecisionStatus status) {
        state.put("decisionStatus", status.label());
    }

    void setImage(CaptureSide side, String key) {
        ((ObjectNode) state.get("images")).put(side.name(), key);
    }

    void setWaiting(JourneyStep step, String taskToken) {
        if (step == null) {
            state.remove("waiting");
        } else {
            state.putObject("waiting").put("step", step.name()).put("taskToken", taskToken);
        }
    }

    void touch(long nowMillis) {
        state.put("updatedAt", nowMillis);
    }
}
