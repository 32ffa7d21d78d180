package io.kycflow.asl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A SendMessage request built from a Task's parameters. A MessageBody that is not a string in the parameters is
 * sent as its JSON text, as Step Functions does.
 *
 * @param messageAttributes the MessageAttributes object as given, or null
 * @param delaySeconds      null when not given
 */
public record SqsMessage(String queueUrl, String messageBody, JsonNode messageAttributes, Integer delaySeconds,
                         String messageGroupId, String messageDeduplicationId) {
}
