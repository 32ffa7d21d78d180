package io.kycflow.callback;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.json.Json;

/**
 * An event for a tenant's callback URL (API.md "Callbacks"). The id is fixed when the event happens, so every
 * retry of its delivery, and any re-publication after a crash, carries the same {@code event_id}.
 *
 * @param eventId     stable id, e.g. {@code kyc_123:kyc.completed}
 * @param eventType   journey.completed, journey.expired, kyc.completed, kyc.decision.updated or aml.monitoring.hit
 * @param createdAt   ISO 8601 UTC
 * @param tenantId    the tenant the event belongs to
 * @param callbackUrl where to deliver it
 * @param data        the object GET returns for the subject, at the time of the event
 */
public record CallbackEvent(String eventId, String eventType, String createdAt, String tenantId, String callbackUrl,
                            ObjectNode data) {

    /** The body delivered to the callback URL. */
    public ObjectNode body() {
        ObjectNode body = Json.object()
                .put("event_id", eventId)
                .put("event_type", eventType)
                .put("created_at", createdAt)
                .put("tenant_id", tenantId);
        body.set("data", data);
        return body;
    }
}
