package io.kycflow.asl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Task state attempt handed to a {@link TaskIntegration}.
 *
 * @param resource   the Resource as written in the definition, including a {@code .waitForTaskToken} suffix
 * @param parameters the effective parameters (the result of InputPath and Parameters)
 * @param taskToken  the token of a {@code .waitForTaskToken} task (also at {@code $$.Task.Token}), else null
 */
public record TaskRequest(String resource, JsonNode parameters, String taskToken, String executionArn,
                          String stateName) {
}
