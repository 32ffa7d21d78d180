package io.kycflow.kyc;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.json.Json;

/**
 * One monitored check to look at again: the message the monitoring sweep queues for the re-screening worker. Only
 * identifiers travel, never the subject's name or data.
 */
public record MonitoredSubject(String tenantId, String jobId) {

    /** The queue message body. */
    public String toMessage() {
        return Json.write(Json.object().put("tenant_id", tenantId).put("job_id", jobId));
    }

    /**
     * Reads a queue message body.
     *
     * @throws IllegalArgumentException when it names no tenant or job
     */
    public static MonitoredSubject fromMessage(String body) {
        JsonNode node = Json.parse(body);
        String tenant = Json.text(node, "tenant_id");
        String job = Json.text(node, "job_id");
        if (tenant == null || tenant.isBlank() || job == null || job.isBlank()) {
            throw new IllegalArgumentException("a monitoring message names a tenant_id and a job_id");
        }
        return new MonitoredSubject(tenant, job);
    }
}
